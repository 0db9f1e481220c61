import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import { createCallerAuthenticator } from '../callers/caller-authenticator';
import { checkOwnCredentials } from '../callers/own-credentials-policy';
import type { Config } from '../config/config.type';
import { Catalog } from '../graph/catalog/catalog';
import { callerCredentials } from '../providers/caller-credentials';
import { createSources, type SharedProviderState } from '../providers/create-sources';
import type { Context } from './context.type';
import { PartialErrors } from './partial-errors';
import { SourceRegistry } from './source-registry';

/**
 * Builds a request's context: its own clients, loaders and error list (see createSources). With caller
 * authentication on, a caller without valid credentials is refused here, before the operation is
 * parsed or any provider called; the caller's provider restriction goes to the SourceRegistry.
 */
export function createContextFactory(config: Config, logger: Logger, shared: SharedProviderState) {
  const authenticate = createCallerAuthenticator(config.callers, logger);
  return async ({
    headers,
    caller,
    requestId,
  }: {
    headers: IncomingHttpHeaders;
    /** Who is asking when no caller is authenticated (an address, never a credential): for fair
     * turns at shared rate budgets. An authenticated caller's id takes its place. */
    caller: string;
    /** The request's id (see correlationMiddleware): on every line its logger writes. */
    requestId?: string;
  }): Promise<Context> => {
    const requestLogger = requestId === undefined ? logger : logger.child({ requestId });
    const authenticated = await authenticate(headers);
    const credentials = callerCredentials(headers);
    if (authenticated) checkOwnCredentials(authenticated, credentials);
    const partialErrors = new PartialErrors(requestLogger);
    const upstream = shared.upstream.scope(headers, authenticated?.id ?? caller, requestLogger);
    const sources = createSources(config, credentials, shared, upstream);
    return {
      catalog: new Catalog(new SourceRegistry(sources, authenticated?.providers), partialErrors),
      partialErrors,
      upstream,
      logger: requestLogger,
      caller: authenticated,
      writes: config.writes,
    };
  };
}
