import { startVendorRisk } from './vendor-risk-subgraph';

/**
 * vendor-risk as a service of its own, for compose.yaml's example supergraph (the Dockerfile's
 * `vendor-risk-example` stage): on 0.0.0.0:4001, with no assessments yet, so every organization's
 * riskScore is null and the watchlist empty. Stops on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4001);
  const host = process.env.HOST ?? '0.0.0.0';
  const vendorRisk = await startVendorRisk({ assessments: [], watchlist: [] }, { port, host });
  console.log(`vendor-risk subgraph at ${vendorRisk.url}`);
  const stop = () => void vendorRisk.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('vendor-risk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
