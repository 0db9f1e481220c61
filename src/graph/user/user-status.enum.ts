import { registerEnumType } from 'type-graphql';

export enum UserStatus {
  CONFIRMATION_WAITING = 'CONFIRMATION_WAITING',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: "A Crux user's account status.",
});
