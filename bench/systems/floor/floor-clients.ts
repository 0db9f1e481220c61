import { Auth0Api } from '../reference/api/auth0-api';
import { CruxApi } from '../reference/api/crux-api';
import { DatadogApi } from '../reference/api/datadog-api';
import { getJson, type GetJson } from '../reference/http/get-json';
import { readUpstreamEnv, type UpstreamVariables } from '../reference/upstream-env';

/** The floor gets the same base URLs and credentials as every system, as environment variables. */
export type FloorEnv = UpstreamVariables;

/** The three REST clients of one floor run, counting the calls they make. */
export interface FloorClients {
  crux: CruxApi;
  auth0: Auth0Api;
  datadog: DatadogApi;
  calls(): number;
}

/** Plain fetch and JSON.parse of every body, nothing cached: each run starts cold. */
export function floorClients(variables: FloorEnv): FloorClients {
  const env = readUpstreamEnv(variables);
  let calls = 0;
  const counted: GetJson = (url, headers) => {
    calls += 1;
    return getJson(url, headers);
  };
  return {
    crux: new CruxApi(env, counted),
    auth0: new Auth0Api(env, counted),
    datadog: new DatadogApi(env, counted),
    calls: () => calls,
  };
}
