import type { Access } from './access/access';

/** What every reference resolver gets: the providers, for this request only. */
export interface ReferenceContext {
  access: Access;
}
