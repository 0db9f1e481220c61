import { registerEnumType } from 'type-graphql';

export enum ConnectionStatus {
  CONFIRMATION_WAITING = 'CONFIRMATION_WAITING',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

registerEnumType(ConnectionStatus, {
  name: 'ConnectionStatus',
  description:
    'Status of a Crux connection (Crux writes CONFIRMATION_WAITING as "CONFIRMATION WAITING").',
});
