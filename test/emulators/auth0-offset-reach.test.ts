import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { Auth0Organization } from '../../src/emulators/auth0/auth0-data';

type OffsetPage = {
  organizations: Auth0Organization[];
  start: number;
  limit: number;
  total: number;
};
type CheckpointPage = { organizations: Auth0Organization[]; next?: string };

const beyondReach = (page: number) => ({
  statusCode: 400,
  error: 'Bad Request',
  message:
    `Requesting page ${page} exceeds the allowed maximum of 1000 records. ` +
    'To fetch results beyond 1000, use the checkpoint pagination method.',
});

describe('Auth0 emulator: offset paging reaches 1000 organizations, checkpoints reach all', () => {
  const emulator = new Auth0Emulator({ size: 1100, seed: 5 });
  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('answers {organizations, start, limit, total} for the first 1000, then 400 at page 10', async () => {
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      const body = await json<OffsetPage>(
        `/api/v2/organizations?page=${page}&per_page=100&include_totals=true`,
      );
      expect(Object.keys(body)).toEqual(['organizations', 'start', 'limit', 'total']);
      expect(body).toMatchObject({ start: page * 100, limit: 100, total: 1100 });
      seen.push(...body.organizations.map((o) => o.id));
    }
    expect(seen).toEqual(emulator.data.organizations.slice(0, 1000).map((o) => o.id));

    const beyond = await get('/api/v2/organizations?page=10&per_page=100&include_totals=true');
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toEqual(beyondReach(10));
  });

  it('refuses a page that would end past record 1000, even one that starts before it', async () => {
    // 32 × 30 + 30 = 990 is within reach; 33 × 30 + 30 = 1020 is not, though it starts at 990.
    const within = await json<Auth0Organization[]>('/api/v2/organizations?page=32&per_page=30');
    expect(within).toEqual(emulator.data.organizations.slice(960, 990));
    const past = await get('/api/v2/organizations?page=33&per_page=30');
    expect(past.status).toBe(400);
    expect(await past.json()).toEqual(beyondReach(33));
  });

  it('walks all 1100 with checkpoint paging', async () => {
    const seen: string[] = [];
    let from = '';
    for (;;) {
      const body = await json<CheckpointPage>(`/api/v2/organizations?take=100${from}`);
      seen.push(...body.organizations.map((o) => o.id));
      if (body.next === undefined) break;
      from = `&from=${body.next}`;
    }
    expect(seen).toEqual(emulator.data.organizations.map((o) => o.id));
  });
});

describe('Auth0 emulator: the 1000-record reach does not depend on how many there are', () => {
  const emulator = new Auth0Emulator();
  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('refuses page 20 of 50 on a tenant of 12 organizations, and members too', async () => {
    const organizations = await get('/api/v2/organizations?page=20');
    expect(organizations.status).toBe(400);
    expect(await organizations.json()).toEqual(beyondReach(20));
    const org = emulator.data.organizations[0];
    const members = await get(`/api/v2/organizations/${org.id}/members?page=20&per_page=50`);
    expect(members.status).toBe(400);
    expect(await members.json()).toEqual(beyondReach(20));
    // Page 19 ends at record 1000 exactly: an empty page, not an error.
    expect(await (await get('/api/v2/organizations?page=19')).json()).toEqual([]);
  });
});
