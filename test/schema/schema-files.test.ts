import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildOrgraphSchemas } from '../../src/schema/build-schema';
import { printSchemas, SCHEMA_FILES } from '../../src/schema/print-schemas';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('committed schema files', () => {
  it('schema/schema.graphql and schema/subgraph.graphql match the code (run `npm run schema:emit`)', async () => {
    const printed = printSchemas(await buildOrgraphSchemas());
    expect(read(SCHEMA_FILES.api)).toBe(printed.api);
    expect(read(SCHEMA_FILES.subgraph)).toBe(printed.subgraph);
  });

  it('the API schema has every entity, its edges, and descriptions from the providers docs', () => {
    const sdl = read(SCHEMA_FILES.api);
    for (const type of ['Organization', 'Connection', 'User', 'Permission']) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node`));
    }
    expect(sdl).toContain("Retailer's supplier account number (Crux).");
    expect(sdl).toContain(
      'When true, all users that log in with this connection are automatically granted',
    );
    expect(sdl).not.toMatch(/\bedges:|\bpageInfo:/); // pages, not Relay connections: "Connection" is a domain word
  });

  it('src/client/generated/sdk.ts matches codegen.yml output (run `npm run codegen`)', () => {
    // In a child Node: codegen loads ES modules, which Jest's module runtime cannot.
    const script = `
      const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
      loadCodegenConfig({ configFilePath: 'codegen.yml' })
        .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
        .then((outputs) => process.stdout.write(outputs[0].content));`;
    const generated = execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(read('src/client/generated/sdk.ts')).toBe(generated);
  });
});

describe('shipped operations', () => {
  it('every GraphiQL example and client operation is valid against the schema', async () => {
    const { parse, validate } = await import('graphql');
    const { readdirSync } = await import('node:fs');
    const { api } = await buildOrgraphSchemas();
    const dirs = ['src/graphiql/examples', 'src/client/operations'];
    const files = dirs.flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith('.graphql'))
        .map((f) => `${dir}/${f}`),
    );
    expect(files.length).toBeGreaterThanOrEqual(9);
    // Client operations share fragments across files, so they are validated as one document.
    const examples = files.filter((f) => f.startsWith('src/graphiql'));
    for (const file of examples) {
      expect([file, validate(api, parse(read(file))).map((e) => e.message)]).toEqual([file, []]);
    }
    const operations = files
      .filter((f) => f.startsWith('src/client'))
      .map(read)
      .join('\n');
    expect(validate(api, parse(operations)).map((e) => e.message)).toEqual([]);
  });
});
