import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrganizationsWithConnectionsQuery } from '../../src/client/generated/orgraph-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import {
  buildConsumerProjects,
  CONSUMER_APP,
  type ConsumerProjects,
  type ModuleSystem,
} from './consumer-projects';
import { readmeTypeScriptExample } from './readme-typescript-example';

/** What test/client/consumer/query-orgraph.ts prints. */
interface ConsumerOutput {
  organizations: OrganizationsWithConnectionsQuery['organizations'];
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  providers: Array<{ provider: string }>;
}

const README_URL = 'http://localhost:4000/graphql';
const SYSTEMS: ModuleSystem[] = ['commonjs', 'esm'];

/**
 * The generated client as apps use it: compiled by tsc in a CommonJS and in an ESM (nodenext) project
 * outside this repository, run by node against orgraph over the emulators.
 */
describe('the generated TypeScript client, in a CommonJS and an ESM app', () => {
  let stack: TestStack;
  let projects: ConsumerProjects;

  beforeAll(async () => {
    stack = await startTestStack();
    const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = readmeTypeScriptExample(readme);
    // The example as written, but for the address: this orgraph listens on a free port.
    expect(example.split(README_URL)).toHaveLength(2);
    projects = await buildConsumerProjects({
      // At the project's root, where the README's `./src/client/...` import points.
      commonjs: { 'readme-example.ts': example.replace(README_URL, stack.server.url) },
    });
  }, 180_000);
  afterAll(async () => {
    await projects?.remove();
    await stack?.stop();
  });
  beforeEach(() => stack.reset());

  async function queryOrgraph(system: ModuleSystem): Promise<ConsumerOutput> {
    const { stdout } = await projects[system].run(CONSUMER_APP, [stack.server.url]);
    return JSON.parse(stdout) as ConsumerOutput;
  }

  it.each(SYSTEMS)(
    'returns every provider’s organizations and their connections (%s)',
    async (system) => {
      const { organizations, errors, providers } = await queryOrgraph(system);
      expect(errors).toBeUndefined();
      expect(providers.map((p) => p.provider).sort()).toEqual(['AUTH0', 'CRUX', 'DATADOG']);
      // The same organizations as a plain POST of the same fields.
      const direct = await stack.query<{ organizations: { totalCount: number; items: unknown[] } }>(
        '{ organizations(limit: 500) { totalCount items { id provider name connections(limit: 100) { totalCount } } } }',
      );
      expect(organizations.totalCount).toBe(direct.data?.organizations.totalCount);
      expect(
        organizations.items.map(({ id, provider, name, connections }) => ({
          id,
          provider,
          name,
          connections: { totalCount: connections?.totalCount },
        })),
      ).toEqual(direct.data?.organizations.items);
      expect(new Set(organizations.items.map((o) => o.provider))).toEqual(
        new Set(['CRUX', 'AUTH0', 'DATADOG']),
      );
      expect(organizations.items.some((o) => (o.connections?.items.length ?? 0) > 0)).toBe(true);
    },
  );

  it.each(SYSTEMS)(
    'returns the healthy providers’ data and the failing provider’s error together, without throwing (%s)',
    async (system) => {
      stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
      const { organizations, errors } = await queryOrgraph(system);
      expect(new Set(organizations.items.map((o) => o.provider))).toEqual(
        new Set(['CRUX', 'AUTH0']),
      );
      expect(errors).toContainEqual(
        expect.objectContaining({
          message: 'Datadog is unavailable (503)',
          extensions: expect.objectContaining({
            code: 'UPSTREAM_UNAVAILABLE',
            provider: 'DATADOG',
          }) as unknown,
        }),
      );
      // The client's call reached Datadog (and got its 503s): the error is the provider's, not the client's.
      expect(stack.emulators.datadog.counter.count()).toBeGreaterThan(0);
    },
  );

  it('orgraph-client.ts compiles with all of `tsc --init`’s ESM settings, exactOptionalPropertyTypes too', async () => {
    await projects.esm.typecheck(['src/client/generated/orgraph-client.ts'], {
      exactOptionalPropertyTypes: true,
    });
  });

  it('runs the README’s TypeScript example as written, compiled with a CommonJS tsconfig', async () => {
    const { stdout, stderr } = await projects.commonjs.run('readme-example.ts');
    const direct = await stack.query<{
      connections: {
        items: Array<{ source: { name: string } | null; sink: { name: string } | null }>;
      };
    }>(
      '{ connections(filter: { providers: [DATADOG] }) { items { source { name } sink { name } } } }',
    );
    const expected = direct.data!.connections.items.map(
      (c) => `${c.source?.name} -> ${c.sink?.name}\n`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(stdout).toBe(expected.join(''));
    expect(stderr).toBe('');
  });
});
