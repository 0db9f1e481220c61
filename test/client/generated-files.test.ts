import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

describe('committed client files', () => {
  it('every file codegen.yml generates matches its output (run `npm run codegen`)', () => {
    // In a child Node: codegen loads ES modules, which Jest's module runtime cannot.
    const script = `
      const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
      loadCodegenConfig({ configFilePath: 'codegen.yml' })
        .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
        .then((outputs) => process.stdout.write(JSON.stringify(outputs)));`;
    const outputs = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
    ) as Array<{ filename: string; content: string }>;
    expect(outputs.map((o) => o.filename).sort()).toEqual([
      'src/client/generated/orgraph-client.ts',
      'src/client/generated/sdk.ts',
    ]);
    for (const { filename, content } of outputs) {
      expect([filename, readFileSync(path.join(root, filename), 'utf8')]).toEqual([
        filename,
        content,
      ]);
    }
  });
});
