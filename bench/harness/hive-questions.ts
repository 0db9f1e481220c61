import { hiveQueries, walkPages } from '../systems/hive-gateway/hive-queries';
import type { BenchQuery } from './bench-query';

/** Who answers a question only part of which Hive Gateway can express. */
const PART_SYSTEMS: BenchQuery['systems'] = [
  'orgraph-cache-off',
  'orgraph-cache-on',
  'hive-gateway',
];

/**
 * The bench queries with Hive Gateway's form attached where Hive expresses the whole question, plus
 * the parts it can express of the others (`deep-auth0`...), asked of orgraph and Hive alike.
 */
export function withHiveQuestions(queries: BenchQuery[]): BenchQuery[] {
  const whole = queries.map((query) => {
    if (query.name === 'walk-pages') return { ...query, hive: walkPages };
    const hive = hiveQueries.find((h) => h.name === query.name && h.orgraphDocument === undefined);
    return hive ? { ...query, hive: () => hive } : query;
  });
  const parts = hiveQueries
    .filter((h) => h.orgraphDocument !== undefined)
    .map((hive): BenchQuery => ({
      name: hive.name,
      document: hive.orgraphDocument ?? '',
      title: `The part of a bench query Hive Gateway can express (${hive.name})`,
      walk: false,
      hive: () => hive,
      systems: PART_SYSTEMS,
    }));
  return [...whole, ...parts];
}
