import { floorPlans } from '../systems/floor/floor-plans';
import { startHiveGateway } from '../systems/hive-gateway/start-hive-gateway';
import type { BenchQuery } from './bench-query';
import { killOnExit } from './child-service';
import type { ProviderEnv } from './emulator-process';
import { freePort } from './free-port';
import { graphqlSystems, type SystemId, type SystemSpec } from './systems';

/** The floor: not a server, the ideal REST client, run in the harness process. */
export interface FloorSubject {
  answers(query: string): boolean;
  run(
    query: string,
    env: ProviderEnv,
    variables: Record<string, unknown> | undefined,
  ): Promise<unknown>;
}

/** Everything compared: the GraphQL systems, which queries each answers, and the floor. */
export interface Subjects {
  list: Array<{ id: string; label: string }>;
  graphql: SystemSpec[];
  answers(system: SystemId, query: BenchQuery): boolean;
  floor: FloorSubject;
}

/** Hive Gateway over OpenAPI documents of the emulator endpoints (bench/systems/hive-gateway). */
const hiveGateway: SystemSpec = {
  id: 'hive-gateway',
  label: 'Hive Gateway (OpenAPI sources)',
  async start(env) {
    const gateway = await startHiveGateway(env, await freePort());
    killOnExit(gateway.pid);
    return { id: 'hive-gateway', url: gateway.url, pid: gateway.pid, stop: () => gateway.stop() };
  },
};

export function subjectsOf(root: string, distDir: string): Subjects {
  const graphql = [...graphqlSystems(root, distDir), hiveGateway];
  return {
    list: [
      ...graphql.map(({ id, label }) => ({ id, label })),
      { id: 'floor', label: 'floor (ideal REST client)' },
    ],
    graphql,
    answers: (system, query) =>
      (query.systems?.includes(system) ?? true) &&
      (system !== 'hive-gateway' || query.hive !== undefined),
    floor: {
      answers: (query) => query in floorPlans,
      run: (query, env, variables) => floorPlans[query](env, variables),
    },
  };
}
