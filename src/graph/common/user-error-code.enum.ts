import { registerEnumType } from 'type-graphql';

/** Why a provider refused a write: the caller can act on these, unlike a failure of the system. */
export enum UserErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  REJECTED = 'REJECTED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a provider refused a write.',
  valuesConfig: {
    NOT_FOUND: { description: 'The provider has no such object (404).' },
    CONFLICT: { description: 'The change conflicts with what exists, e.g. already there (409).' },
    REJECTED: {
      description:
        "The provider rejected the values (400, 422); the message is the provider's own.",
    },
  },
});
