import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors/error-code';
import { limitError } from './limit-error';
import type { TrustedDocuments } from './trusted-documents';

/** Trusted-documents mode: only registered operations run; any other is refused before it runs. */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (trusted.trusts(document, request.operationName)) return;
          throw limitError(
            'This server runs registered operations only, and this operation is not one of them',
            ErrorCode.OPERATION_NOT_TRUSTED,
            'trustedDocuments',
          );
        },
      };
    },
  };
}
