/** Where the three providers are and the credentials to call them, as every bench system gets them. */
export interface UpstreamEnv {
  cruxUrl: string;
  cruxToken: string;
  /** The Auth0 Management API base, `.../api/v2`, without a trailing slash. */
  auth0Url: string;
  auth0Token: string;
  datadogUrl: string;
  datadogApiKey: string;
  datadogAppKey: string;
}

/** The bench's environment variables that point a system at the providers. */
export type UpstreamVariables = Record<
  | 'CRUX_API_URL'
  | 'CRUX_API_TOKEN'
  | 'AUTH0_API_URL'
  | 'AUTH0_TOKEN'
  | 'DATADOG_API_URL'
  | 'DD_API_KEY'
  | 'DD_APP_KEY',
  string
>;

/** Reads the bench's environment variables (`AUTH0_API_URL` ends in /api/v2). */
export function readUpstreamEnv(env: Partial<Record<string, string>>): UpstreamEnv {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    cruxUrl: withoutTrailingSlash(required('CRUX_API_URL')),
    cruxToken: required('CRUX_API_TOKEN'),
    auth0Url: withoutTrailingSlash(required('AUTH0_API_URL')),
    auth0Token: required('AUTH0_TOKEN'),
    datadogUrl: withoutTrailingSlash(required('DATADOG_API_URL')),
    datadogApiKey: required('DD_API_KEY'),
    datadogAppKey: required('DD_APP_KEY'),
  };
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
