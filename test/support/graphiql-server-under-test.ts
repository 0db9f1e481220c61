import { startTestStack } from './test-stack';

export interface ServerUnderTest {
  /** Origin of the server, e.g. http://127.0.0.1:43123 (GraphiQL is at `${url}/graphql`). */
  url: string;
  stop(): Promise<void>;
}

/** The GraphiQL browser test runs against orgraph in demo mode: the emulators and the real server. */
export async function startServerUnderTest(): Promise<ServerUnderTest> {
  const stack = await startTestStack({
    configure: (config) => ({ ...config, graphiql: true, introspection: true }),
  });
  return { url: new URL(stack.server.url).origin, stop: () => stack.stop() };
}

/** What the browser test looks for, tied to the server above. */
export const GRAPHIQL_EXPECTATIONS = {
  /** Operation name of the first example (the tab that opens active). */
  firstTabTitle: 'CruxConnections',
  /** Text the first example's result must contain: data only the emulators produce. */
  firstResultText: 'suppliersRetailerAccountNumber',
  /** A type of the schema the docs explorer must list. */
  schemaType: 'Organization',
};
