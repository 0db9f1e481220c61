import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors/error-code';
import { limitError } from './limit-error';
import type { TrustedDocuments } from './trusted-documents';

/** Trusted-documents mode: only registered operations run; any other is refused before it runs. */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        // Refuses with a rejection rather than a throw: Apollo calls every plugin's
        // didResolveOperation before it looks at what they threw, and a throw would skip the later ones.
        didResolveOperation({ document, request }) {
          if (trusted.trusts(document, request.operationName)) return Promise.resolve();
          return Promise.reject(
            limitError(
              'This server runs registered operations only, and this operation is not one of them',
              ErrorCode.OPERATION_NOT_TRUSTED,
              'trustedDocuments',
            ),
          );
        },
      });
    },
  };
}
