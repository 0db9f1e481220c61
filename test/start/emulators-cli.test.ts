import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(__dirname, '..', '..');

describe('npm run emulators', () => {
  it('prints each emulator URL with the credentials it accepts, and those credentials work', async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/emulators/cli.ts'],
      { cwd: root, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const output: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        output.push(line);
        if (line.startsWith('Ctrl-C')) break;
      }
      const text = output.join('\n');
      const value = (name: string) => new RegExp(`${name}=(\\S+)`).exec(text)![1];

      const crux = await fetch(`${value('CRUX_API_URL')}/organizations/`, {
        headers: { authorization: `Token ${value('CRUX_API_TOKEN')}` },
      });
      expect(crux.status).toBe(200);

      const auth0Api = value('AUTH0_API_URL');
      const token = await fetch(`${new URL(auth0Api).origin}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: value('AUTH0_CLIENT_ID'),
          client_secret: value('AUTH0_CLIENT_SECRET'),
          audience: `${auth0Api}/`,
        }),
      });
      const { access_token } = (await token.json()) as { access_token: string };
      const orgs = await fetch(`${auth0Api}/organizations`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(orgs.status).toBe(200);

      const datadog = await fetch(`${value('DATADOG_API_URL')}/api/v2/org_connections`, {
        headers: { 'dd-api-key': value('DD_API_KEY'), 'dd-application-key': value('DD_APP_KEY') },
      });
      expect(datadog.status).toBe(200);
      expect(((await datadog.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
