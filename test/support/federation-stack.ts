import type { EmulatorOptions } from '../../src/emulators/start-emulators';
import {
  startVendorRisk,
  type RunningVendorRisk,
  type VendorRiskData,
} from '../federation/vendor-risk-subgraph/vendor-risk-subgraph';
import { startGateway, type RunningGateway } from './federation-gateway';
import { startTestStack, upstreamCalls, type TestStack } from './test-stack';

export interface FederationStack {
  /** The emulators and orgraph in front of them. */
  orgraph: TestStack;
  vendorRisk: RunningVendorRisk;
  gateway: RunningGateway;
  /** Clears the emulators' counters and the gateway's record of subgraph fetches. */
  reset(): Promise<void>;
  /** Upstream calls per emulator and subgraph fetches per subgraph since the last reset. */
  calls(): ReturnType<typeof upstreamCalls> & { fetches: Record<string, number> };
  stop(): Promise<void>;
}

/**
 * The emulators, orgraph, the vendor-risk subgraph and a gateway composing the two, on loopback.
 * vendor-risk's data is built from orgraph's (it stores orgraph's ids), once orgraph is up.
 */
export async function startFederationStack(options: {
  emulators?: EmulatorOptions;
  vendorRisk: (orgraph: TestStack) => Promise<VendorRiskData>;
}): Promise<FederationStack> {
  const orgraph = await startTestStack({ emulators: options.emulators });
  const vendorRisk = await startVendorRisk(await options.vendorRisk(orgraph));
  const gateway = await startGateway([
    { name: 'orgraph', url: orgraph.server.url },
    { name: 'vendor-risk', url: vendorRisk.url },
  ]);
  // orgraph fetches its Auth0 token once per process (then renews it): fetch it before counting.
  await orgraph.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  return {
    orgraph,
    vendorRisk,
    gateway,
    async reset() {
      await orgraph.reset();
      gateway.reset();
    },
    calls: () => ({ ...upstreamCalls(orgraph.emulators), fetches: gateway.fetchCounts() }),
    async stop() {
      await gateway.stop();
      await vendorRisk.stop();
      await orgraph.stop();
    },
  };
}
