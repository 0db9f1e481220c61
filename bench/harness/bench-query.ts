import fs from 'node:fs';
import path from 'node:path';
import type { HiveQuery } from '../systems/hive-gateway/hive-queries';
import type { SystemId } from './systems';

export type Dataset = 'demo' | 'large';

/** A benchmark query, as kept in bench/queries/<name>.graphql. */
export interface BenchQuery {
  name: string;
  document: string;
  /** Its first comment line: what it asks. */
  title: string;
  /** The fewest upstream calls that answer it, per dataset (the file's `# min-calls:` line). */
  minCalls?: Record<Dataset, number>;
  /** One measured request is a walk through every page (`$offset`, while hasNextPage). */
  walk: boolean;
  /** Hive Gateway's form of it (by page offset), when Hive can express it. */
  hive?: (offset: number) => HiveQuery;
  /** Only these systems answer it (a part of a bench query that Hive can express); all when absent. */
  systems?: SystemId[];
}

export function loadBenchQueries(dir: string): BenchQuery[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = fs.readFileSync(path.join(dir, file), 'utf8');
      const name = file.replace(/\.graphql$/, '');
      const min = /^# min-calls: demo=(\d+) large=(\d+)/m.exec(document);
      if (!min) throw new Error(`${file}: no "# min-calls: demo=N large=M" line`);
      const title = /^# (.*)$/m.exec(document)?.[1] ?? name;
      return {
        name,
        document,
        title,
        minCalls: { demo: Number(min[1]), large: Number(min[2]) },
        walk: /\$offset/.test(document),
      };
    });
}
