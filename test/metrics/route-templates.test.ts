import { AUTH0_ROUTES } from '../../src/providers/auth0/auth0-routes';
import { CRUX_ROUTES } from '../../src/providers/crux/crux-routes';
import { DATADOG_ROUTES } from '../../src/providers/datadog/datadog-routes';

/** Calls named by their provider's route templates: the ids in a path never reach a label. */
describe('route templates', () => {
  const auth0Base = 'https://tenant.eu.auth0.com/api/v2/';
  const id = encodeURIComponent('org_Ab12|x y');
  const user = encodeURIComponent('auth0|5f7c8ec7c33c6c004bbafe82');

  it.each([
    [`${auth0Base}organizations?take=100&from=abc`, 'GET /api/v2/organizations'],
    [`${auth0Base}organizations/${id}`, 'GET /api/v2/organizations/:id'],
    [`${auth0Base}organizations/${id}/members?take=100`, 'GET /api/v2/organizations/:id/members'],
    [
      `${auth0Base}organizations/${id}/members/${user}/roles?page=0`,
      'GET /api/v2/organizations/:id/members/:user_id/roles',
    ],
    [`${auth0Base}organizations/${id}/connections`, 'GET /api/v2/organizations/:id/connections'],
    [
      `${auth0Base}organizations/${id}/enabled_connections`,
      'GET /api/v2/organizations/:id/enabled_connections',
    ],
    [`${auth0Base}roles?page=1`, 'GET /api/v2/roles'],
    [`${auth0Base}roles/rol_123`, 'GET /api/v2/roles/:id'],
  ])('Auth0 %s is %s', (url, route) => {
    expect(AUTH0_ROUTES.of('GET', url, auth0Base)).toBe(route);
  });

  it('Auth0 behind a base URL without a trailing slash, or with another path', () => {
    expect(AUTH0_ROUTES.of('GET', 'http://proxy/auth0/roles/r1', 'http://proxy/auth0')).toBe(
      'GET /api/v2/roles/:id',
    );
  });

  it.each([
    ['organizations/', 'GET /organizations/'],
    ['organizations/connections/', 'GET /organizations/connections/'],
    ['organizations/all_permissions/', 'GET /organizations/all_permissions/'],
    ['organizations/users/all/', 'GET /organizations/users/all/'],
    [
      'organizations/users/detail/6f1d6a8e-2f3c-4a51-9a53-0d1f0c9b8e21/',
      'GET /organizations/users/detail/:uuid/',
    ],
    [
      'organizations/users/permissions/6f1d6a8e-2f3c-4a51-9a53-0d1f0c9b8e21/',
      'GET /organizations/users/permissions/:uuid/',
    ],
  ])('Crux %s is %s', (path, route) => {
    expect(
      CRUX_ROUTES.of('GET', `https://api.crux.example/${path}`, 'https://api.crux.example'),
    ).toBe(route);
  });

  it('Datadog', () => {
    const base = 'https://api.datadoghq.eu';
    expect(DATADOG_ROUTES.of('GET', `${base}/api/v2/org_connections?limit=1000`, base)).toBe(
      'GET /api/v2/org_connections',
    );
  });

  it.each([
    ['a path no client calls', 'GET', `${auth0Base}users/auth0%7C123`],
    ['an empty id segment', 'GET', `${auth0Base}organizations//members`],
    ['an extra segment', 'GET', `${auth0Base}organizations/${id}/members/${user}`],
    ['another method', 'POST', `${auth0Base}organizations`],
    ['outside the base URL', 'GET', 'https://tenant.eu.auth0.com/oauth/token'],
    ['not a URL', 'GET', 'organizations'],
  ])('%s is other', (_what, method, url) => {
    expect(AUTH0_ROUTES.of(method, url, auth0Base)).toBe('other');
  });
});
