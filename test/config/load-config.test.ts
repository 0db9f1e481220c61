import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';

const errorOf = configErrorOf;

describe('configuration from the environment', () => {
  it('with no provider configured, is demo mode on port 4000', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(4000);
    expect(config.providers).toEqual({ crux: undefined, auth0: undefined, datadog: undefined });
    expect(config.graphiql).toBe(true);
  });

  it('reads every provider', () => {
    const config = loadConfig({
      PORT: '8080',
      CRUX_API_URL: 'https://api-sandbox.cruxconnect.com',
      CRUX_API_TOKEN: 't',
      AUTH0_DOMAIN: 'tenant.eu.auth0.com',
      AUTH0_CLIENT_ID: 'id',
      AUTH0_CLIENT_SECRET: 'secret',
      DD_SITE: 'datadoghq.eu',
      DD_API_KEY: 'k',
      DD_APP_KEY: 'a',
    });
    expect(config.demo).toBe(false);
    expect(config.port).toBe(8080);
    expect(config.providers.crux).toEqual({
      baseUrl: 'https://api-sandbox.cruxconnect.com',
      token: 't',
    });
    expect(config.providers.auth0).toEqual({
      baseUrl: 'https://tenant.eu.auth0.com/api/v2/',
      clientCredentials: {
        clientId: 'id',
        clientSecret: 'secret',
        tokenUrl: 'https://tenant.eu.auth0.com/oauth/token',
        audience: 'https://tenant.eu.auth0.com/api/v2/',
      },
    });
    expect(config.providers.datadog).toEqual({
      baseUrl: 'https://api.datadoghq.eu',
      apiKey: 'k',
      appKey: 'a',
    });
  });

  it('takes full base URLs, as an emulator gives them', () => {
    const config = loadConfig({
      AUTH0_API_URL: 'http://127.0.0.1:4100/api/v2',
      AUTH0_TOKEN: 'tok',
      DATADOG_API_URL: 'http://127.0.0.1:4200',
      DD_API_KEY: 'k',
      DD_APP_KEY: 'a',
    });
    expect(config.providers.auth0).toEqual({
      baseUrl: 'http://127.0.0.1:4100/api/v2/',
      token: 'tok',
    });
    expect(config.providers.datadog!.baseUrl).toBe('http://127.0.0.1:4200');
    expect(config.providers.crux).toBeUndefined();
  });

  it.each([
    [{ CRUX_API_URL: 'https://x' }, 'CRUX_API_TOKEN', /is required/],
    [{ CRUX_API_TOKEN: 't' }, 'CRUX_API_URL', /is required/],
    [{ CRUX_API_URL: 'not a url', CRUX_API_TOKEN: 't' }, 'CRUX_API_URL', /absolute http\(s\) URL/],
    [{ CRUX_API_URL: 'ftp://x', CRUX_API_TOKEN: 't' }, 'CRUX_API_URL', /http\(s\) URL/],
    [{ AUTH0_DOMAIN: 'tenant.auth0.com' }, 'AUTH0_CLIENT_ID', /or set AUTH0_TOKEN/],
    [{ AUTH0_DOMAIN: 'tenant.auth0.com', AUTH0_CLIENT_ID: 'i' }, 'AUTH0_CLIENT_SECRET', /required/],
    [{ AUTH0_TOKEN: 't' }, 'AUTH0_DOMAIN', /AUTH0_API_URL/],
    [{ AUTH0_DOMAIN: 'https://tenant', AUTH0_TOKEN: 't' }, 'AUTH0_DOMAIN', /host name/],
    [{ DD_API_KEY: 'k' }, 'DD_APP_KEY', /required/],
    [{ DD_SITE: 'bad site', DD_API_KEY: 'k', DD_APP_KEY: 'a' }, 'DD_SITE', /Datadog site/],
    [{ PORT: 'eighty' }, 'PORT', /whole number/],
    [{ ORGRAPH_GRAPHIQL: 'maybe' }, 'ORGRAPH_GRAPHIQL', /true or false/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of/],
  ])('rejects %p naming %s', (env, variable, problem) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: `));
    expect(error.message).toMatch(problem);
  });

  it('never puts a secret in an error message', () => {
    const error = errorOf({ AUTH0_DOMAIN: 'tenant.auth0.com', AUTH0_CLIENT_ID: 'id-123' });
    expect(error.message).not.toContain('id-123');
  });

  // A secret pasted into the wrong variable must not reach stderr through the error naming it.
  it.each([
    'CRUX_API_URL',
    'AUTH0_DOMAIN',
    'DD_SITE',
    'PORT',
    'ORGRAPH_GRAPHIQL',
    'LOG_LEVEL',
    'ORGRAPH_REQUEST_CALL_BUDGET',
    'REDIS_URL',
  ])('names %s and its rule, never the rejected value', (variable) => {
    const pasted = 'sk_live_PASTED-secret value';
    const env: Record<string, string> = { [variable]: pasted };
    if (variable === 'CRUX_API_URL') env.CRUX_API_TOKEN = 't';
    if (variable === 'AUTH0_DOMAIN') env.AUTH0_TOKEN = 't';
    if (variable === 'DD_SITE') Object.assign(env, { DD_API_KEY: 'k', DD_APP_KEY: 'a' });
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: must `));
    expect(error.message).not.toContain('PASTED');
    expect(error.message.toLowerCase()).not.toContain(pasted.toLowerCase());
  });

  it('turns GraphiQL and introspection off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      graphiql: false,
      introspection: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', ORGRAPH_GRAPHIQL: 'true' })).toMatchObject({
      graphiql: true,
      introspection: true,
    });
  });

  it('turns introspection off with GraphiQL unless asked to keep it', () => {
    expect(loadConfig({ ORGRAPH_GRAPHIQL: 'false' })).toMatchObject({
      graphiql: false,
      introspection: false,
    });
    expect(
      loadConfig({ ORGRAPH_GRAPHIQL: 'false', ORGRAPH_INTROSPECTION: 'true' }).introspection,
    ).toBe(true);
  });
});
