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
  return async ({ headers }: { headers: IncomingHttpHeaders }): Promise<Context> => {
    const partialErrors = new PartialErrors(logger);
    const sources = createSources(config, callerCredentials(headers), shared);
    return {
      catalog: new Catalog(new SourceRegistry(sources), partialErrors),
      partialErrors,
      logger,
    };
  };
}
