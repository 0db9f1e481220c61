import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { emulatorEnv } from '../support/emulator-env';
import { startOrgraphProcess, type OrgraphProcess } from '../support/orgraph-process';
import { acceptsConnections } from '../support/tcp-port';

/**
 * Stopping a replica (`docker stop`, a rollout, Ctrl-C): the first SIGTERM or SIGINT drains, so a
 * request in flight is still answered and the process exits 0; a second one, later, exits at once.
 * The Crux emulator's latency knob keeps a request in flight for as long as the test needs.
 */

const CRUX_QUERY = '{ organizations(filter: { providers: [CRUX] }, limit: 3) { items { name } } }';
/** Longer than any test here waits: only a drain or a forced exit ends such a request. */
const HELD_MS = 60_000;
/** Past orgraph's window in which a repeated signal counts as the same request to stop (1 s). */
const AFTER_SAME_REQUEST_WINDOW_MS = 1_500;

describe('stopping orgraph with a signal', () => {
  let emulators: RunningEmulators;
  let draining: OrgraphProcess;
  let forced: OrgraphProcess;

  beforeAll(async () => {
    emulators = await startEmulators();
    const env = { ...emulatorEnv(emulators), LOG_LEVEL: 'info' };
    [draining, forced] = await Promise.all([startOrgraphProcess(env), startOrgraphProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([draining?.stop(), forced?.stop()]);
    await emulators?.stop();
  });

  it('SIGTERM: refuses new connections, answers the request in flight, then exits 0', async () => {
    emulators.crux.setKnobs({ latencyMs: 2_000 });
    const inFlight = postQuery(draining.url, CRUX_QUERY);
    await until(() => emulators.crux.counter.count() > 0);

    process.kill(draining.pid, 'SIGTERM');
    const port = Number(new URL(draining.url).port);
    await until(async () => !(await acceptsConnections(port)));

    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { organizations: { items: { name: string }[] } };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    const { organization, partners } = emulators.crux.data;
    const seeded = [organization, ...partners].map((o) => o.name);
    const names = body.data!.organizations.items.map((o) => o.name);
    expect(names).toHaveLength(3);
    for (const name of names) expect(seeded).toContain(name);
    expect(await draining.exited).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('SIGINT twice: the second exits at once (130), leaving the request in flight unanswered', async () => {
    emulators.crux.setKnobs({ latencyMs: HELD_MS });
    emulators.crux.counter.reset();
    const inFlight = postQuery(forced.url, CRUX_QUERY).then(
      () => 'answered',
      () => 'connection closed',
    );
    await until(() => emulators.crux.counter.count() > 0);

    process.kill(forced.pid, 'SIGINT');
    await until(() => forced.logs().some((line) => line.includes('SIGINT: stopping')));
    await new Promise((resolve) => setTimeout(resolve, AFTER_SAME_REQUEST_WINDOW_MS));
    process.kill(forced.pid, 'SIGINT');

    expect(await forced.exited).toEqual({ code: 130, signal: null });
    expect(await inFlight).toBe('connection closed');
  }, 30_000);
});

function postQuery(url: string, query: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** Polls `condition` until it holds; the test's own timeout bounds the wait. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}
