import type { Logger } from 'pino';
import type { Catalog } from '../graph/catalog/catalog';
import type { PartialErrors } from './partial-errors';

/** Everything a resolver gets, built anew for every request (see createContext). */
export interface Context {
  catalog: Catalog;
  partialErrors: PartialErrors;
  logger: Logger;
}
