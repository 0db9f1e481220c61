import type { Logger } from 'pino';
import type { Caller } from '../callers/caller.type';
import type { Catalog } from '../graph/catalog/catalog';
import type { UpstreamScope } from '../upstream/upstream-scope';
import type { PartialErrors } from './partial-errors';

/** Everything a resolver gets, built anew for every request (see createContext). */
export interface Context {
  catalog: Catalog;
  partialErrors: PartialErrors;
  /** The request's upstream deadline, call budget and cost (reported in `extensions.upstream`). */
  upstream: UpstreamScope;
  logger: Logger;
  /** The authenticated caller; undefined when caller authentication is off (see src/callers/). */
  caller?: Caller;
  /** Whether this server writes to the providers at all (ORGRAPH_WRITES; see src/writes/). */
  writes: boolean;
}
