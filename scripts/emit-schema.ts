import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOrgraphSchemas } from '../src/schema/build-schema';
import { printSchemas, SCHEMA_FILES } from '../src/schema/print-schemas';

/** `npm run schema:emit`: writes schema/*.graphql from the code; a test fails when they are stale. */
async function main(): Promise<void> {
  const printed = printSchemas(await buildOrgraphSchemas());
  const base = path.resolve(__dirname, '..');
  writeFileSync(path.join(base, SCHEMA_FILES.api), printed.api);
  writeFileSync(path.join(base, SCHEMA_FILES.subgraph), printed.subgraph);
  console.log(`wrote ${SCHEMA_FILES.api} and ${SCHEMA_FILES.subgraph}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
