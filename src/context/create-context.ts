import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config/config.type';
import { Catalog } from '../graph/catalog/catalog';
import { callerCredentials } from '../providers/caller-credentials';
import { createSources, type SharedProviderState } from '../providers/create-sources';
import type { Context } from './context.type';
import { PartialErrors } from './partial-errors';
import { SourceRegistry } from './source-registry';

/** Builds a request's context: its own clients, loaders and error list (see createSources). */
export function createContextFactory(config: Config, logger: Logger, shared: SharedProviderState) {
  return async ({
    headers,
    caller,
  }: {
    headers: IncomingHttpHeaders;
    /** Who is asking, for fair turns at shared rate budgets: an address, never a credential. */
    caller: string;
  }): Promise<Context> => {
    const partialErrors = new PartialErrors(logger);
    const upstream = shared.upstream.scope(headers, caller);
    const sources = createSources(config, callerCredentials(headers), shared, upstream);
    return {
      catalog: new Catalog(new SourceRegistry(sources), partialErrors),
      partialErrors,
      upstream,
      logger,
    };
  };
}
