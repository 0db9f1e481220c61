import type { HiveQuery } from './hive-query.type';
import { deepAuth0 } from './queries/deep-auth0';
import { flatAuth0 } from './queries/flat-auth0';
import { flatCrux } from './queries/flat-crux';
import { flatDatadog } from './queries/flat-datadog';
import { mixedNoProviders } from './queries/mixed-no-providers';
import { usersPermissionsAuth0 } from './queries/users-permissions-auth0';
import { walkPages } from './queries/walk-pages';

export type { HiveQuery } from './hive-query.type';
export { walkPages };

/**
 * The bench questions Hive Gateway can express over the OpenAPI sources. Not expressible: the Crux and
 * Datadog parts of `deep` (their organizations are derived from connections; no endpoint lists them),
 * the third level of `users-permissions-users`, `providers`, `nodes-50` and `entities-100` (global
 * ids are orgraph's) and `full-listing` (merged lists of derived organizations). `walk-pages` takes
 * its offset: `walkPages(offset)`, its first page here.
 */
export const hiveQueries: readonly HiveQuery[] = [
  flatCrux,
  flatAuth0,
  flatDatadog,
  deepAuth0,
  usersPermissionsAuth0,
  mixedNoProviders,
  walkPages(0),
];
