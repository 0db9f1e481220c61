// An app of the generated client, compiled by test/client/generated-client.test.ts as CommonJS and as
// ESM (nodenext): it queries the orgraph at argv[2] and prints what it got, as JSON, on stdout.
import { GraphQLClient } from 'graphql-request';
// .js extensions: ESM needs them, CommonJS resolves them too.
import { createOrgraphClient } from '../../../src/client/generated/orgraph-client.js';
import { getSdk } from '../../../src/client/generated/sdk.js';

async function main(url: string): Promise<void> {
  const { data, errors } = await createOrgraphClient(url).OrganizationsWithConnections({
    limit: 500,
  });
  // The SDK that throws on errors, for a query no provider can fail.
  const { providers } = await getSdk(new GraphQLClient(url)).Providers();
  process.stdout.write(JSON.stringify({ organizations: data.organizations, errors, providers }));
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
