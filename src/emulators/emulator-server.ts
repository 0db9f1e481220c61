import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultKnobs, type Fault, type Knobs } from './knobs';
import { SeededRandom } from './random';
import { RequestCounter, type RecordedRequest } from './request-counter';

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. Form bodies (Auth0's /oauth/token accepts both) are parsed too. */
  body: unknown;
  /** Values of the route pattern's `:name` segments, URI-decoded. */
  params: Record<string, string>;
  /** The tenant whose credentials the request carries; absent on routes that take none. */
  tenant?: string;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Never sent: on a route that takes no credentials (a token grant, a login), the tenant the request
   * turned out to be for, so the counter can put it down to that tenant.
   */
  tenant?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path with `:name` segments, matched exactly (trailing slashes matter, as they do on Crux). */
  pattern: string;
  /** Whether the provider's credentials are checked first (default true). */
  authenticated?: boolean;
  /**
   * The permission the credentials must carry beyond being valid (an Auth0 token scope, a Datadog
   * application key permission); the dialect answers its provider's 403 when they lack it.
   */
  scope?: string;
  handler: (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
}

export interface RateLimitWindow {
  limit: number;
  remaining: number;
  periodSeconds: number;
  /** Absolute UNIX epoch seconds when the window resets. */
  resetEpochSeconds: number;
  /** Seconds from now until the window resets. */
  resetInSeconds: number;
}

/** What differs between providers: how they authenticate, shape errors and announce rate limits. */
export interface ProviderDialect {
  name: string;
  /** The tenant whose credentials the headers carry, or null when they carry no valid ones. */
  authenticate(headers: http.IncomingHttpHeaders): string | null;
  /** Status for failed credentials: 401 on most providers, 403 on Datadog. */
  authFailureStatus: number;
  /** The provider's error response for a status (401 from a failed auth check, injected faults...). */
  errorResponse(status: number, message?: string): EmulatorResponse;
  /** The provider's answer to a path and method it has no route for: its web framework's own 404. */
  unknownRoute(): EmulatorResponse;
  /**
   * Null when the (already authenticated) credentials carry `scope`, the provider's 403 otherwise.
   * A dialect without it grants every scope to every valid credential.
   */
  authorize?(headers: http.IncomingHttpHeaders, scope: string): EmulatorResponse | null;
  /** Headers sent with every response while a rate limit is configured; none when the provider sends none. */
  rateLimitHeaders(window: RateLimitWindow): Record<string, string>;
}

/** An endpoint under `/__emulator`, for other processes (benchmarks, a shell) to drive the emulator. */
export interface AdminEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  /** After the prefix, e.g. `/reset`. */
  path: string;
  handler: (rawBody: string) => EmulatorResponse;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  paramNames: string[];
  name: string;
}

interface FixedWindow {
  startedAt: number;
  used: number;
}

const ADMIN_PREFIX = '/__emulator';
/** Seed of the draws for faults with a probability. */
const FAULT_SEED = 7;
/**
 * Rate-limit windows are per tenant, as the providers limit per tenant or key. Requests without
 * credentials (token grants, logins) share one window apart: providers limit their authentication
 * endpoints separately from their APIs.
 */
const NO_TENANT = '';

/**
 * A provider emulator: a real HTTP server on loopback that serves a provider's documented contract from
 * seeded data, with knobs for latency, rate limits and faults, and a counter of requests per endpoint and
 * tenant. Knobs and counters are reachable from code and, for other processes such as benchmarks, over
 * HTTP under `/__emulator/` (`GET counters`, `POST reset`, `PUT knobs`, and what a provider adds).
 */
export class EmulatorServer {
  readonly counter = new RequestCounter();
  knobs: Knobs = defaultKnobs();

  private readonly routes: CompiledRoute[];
  private server: http.Server | null = null;
  private baseUrl: string | null = null;
  private readonly windows = new Map<string, FixedWindow>();
  private faultDraws = new SeededRandom(FAULT_SEED);
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private readonly adminEndpoints: AdminEndpoint[] = [
    {
      method: 'GET',
      path: '/counters',
      handler: () => ({
        status: 200,
        body: {
          total: this.counter.count(),
          byRoute: this.counter.byRoute(),
          byTenant: this.counter.byTenant(),
        },
      }),
    },
    {
      method: 'POST',
      path: '/reset',
      handler: () => {
        this.reset();
        return { status: 204 };
      },
    },
    {
      method: 'PUT',
      path: '/knobs',
      handler: (rawBody) => {
        try {
          this.setKnobs(JSON.parse(rawBody) as Partial<Knobs>);
          return { status: 200, body: this.knobs };
        } catch {
          return { status: 400, body: { error: 'knobs must be a JSON object' } };
        }
      },
    },
  ];

  constructor(
    private readonly dialect: ProviderDialect,
    routes: Route[],
  ) {
    this.routes = routes.map((route) => compile(route));
  }

  get name(): string {
    return this.dialect.name;
  }

  /** Base URL such as `http://127.0.0.1:43121`; throws before `start`. */
  get url(): string {
    if (this.baseUrl === null) throw new Error(`${this.dialect.name} emulator is not started`);
    return this.baseUrl;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // An emulator bug must surface as a 500, never as a hung client.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
    const server = this.server;
    this.server = null;
    this.baseUrl = null;
    if (!server) return;
    // Held responses (timeout faults) and keep-alive sockets would keep close() waiting forever.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Replaces some knobs; the rest keep their values. */
  setKnobs(knobs: Partial<Knobs>): void {
    this.knobs = { ...this.knobs, ...knobs, faults: [...(knobs.faults ?? this.knobs.faults)] };
    if (knobs.rateLimit !== undefined) this.windows.clear();
    if (knobs.faults !== undefined) this.faultDraws = new SeededRandom(FAULT_SEED);
  }

  /** Clears knobs and counters: a clean emulator for the next test. */
  reset(): void {
    this.knobs = defaultKnobs();
    this.windows.clear();
    this.faultDraws = new SeededRandom(FAULT_SEED);
    this.counter.reset();
  }

  /** A provider's own admin endpoint, such as Auth0's token revocation. */
  protected addAdminEndpoint(endpoint: AdminEndpoint): void {
    this.adminEndpoints.push(endpoint);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = req.method ?? 'GET';
    const rawBody = await readBody(req);

    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      return send(res, this.admin(method, url.pathname.slice(ADMIN_PREFIX.length), rawBody));
    }

    const match = this.match(method, url.pathname);
    const routeName = match ? match.route.name : `${method} (unmatched)`;
    this.counter.enter(routeName);
    try {
      await this.answer(req, res, url, method, rawBody, match, routeName);
    } finally {
      this.counter.leave(routeName);
    }
  }

  private async answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    method: string,
    rawBody: string,
    match: { route: CompiledRoute; params: Record<string, string> } | null,
    routeName: string,
  ): Promise<void> {
    // Unmatched paths are 404s before any credential check, as on the providers.
    const tenant =
      match && match.route.authenticated !== false ? this.dialect.authenticate(req.headers) : null;
    const response = await this.respond(req, url, rawBody, match, tenant);
    const recordedTenant = tenant ?? response?.tenant;
    this.counter.record({
      route: routeName,
      method,
      url: url.pathname + url.search,
      status: response?.status ?? 0,
      ...(recordedTenant === undefined ? {} : { tenant: recordedTenant }),
      correlation: correlationHeaders(req.headers),
    });
    if (response === null) return; // a timeout fault: hold the connection open
    if (this.knobs.latencyMs > 0) await this.sleep(this.knobs.latencyMs);
    send(res, response);
  }

  private async respond(
    req: http.IncomingMessage,
    url: URL,
    rawBody: string,
    match: { route: CompiledRoute; params: Record<string, string> } | null,
    tenant: string | null,
  ): Promise<EmulatorResponse | null> {
    if (!match) return this.dialect.unknownRoute();
    const { route, params } = match;
    // Credentials are checked before the rate limit, as the providers do: a bad token is a 401, never a 429.
    // The dialect remembers why they failed; nothing is awaited between its check and this answer.
    if (route.authenticated !== false && tenant === null) {
      return this.dialect.errorResponse(this.dialect.authFailureStatus);
    }
    const limited = this.takeRateLimit(tenant ?? NO_TENANT);
    if (limited.exceeded) {
      const error = this.dialect.errorResponse(429);
      return { ...error, headers: { ...error.headers, ...limited.headers } };
    }
    const withLimitHeaders = (response: EmulatorResponse): EmulatorResponse => ({
      ...response,
      headers: { ...limited.headers, ...response.headers },
    });
    // Scopes are checked on valid credentials only, and a refused write still uses up its turn.
    const refused =
      route.scope === undefined ? null : this.dialect.authorize?.(req.headers, route.scope);
    if (refused) return withLimitHeaders(refused);

    const fault = this.takeFault(route.name, url.pathname);
    if (fault?.timeout) return null;
    if (fault?.status !== undefined) {
      return withLimitHeaders(this.dialect.errorResponse(fault.status, fault.message));
    }

    const response = await route.handler({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(rawBody, req.headers['content-type']),
      params,
      ...(tenant === null ? {} : { tenant }),
    });
    if (fault?.malformed === 'truncated') {
      return withLimitHeaders({ status: 200, body: Buffer.from('{"data": [{"id": ') });
    }
    if (fault?.malformed === 'shape') {
      return withLimitHeaders({ status: 200, body: { unexpected: 'shape', items: 'not-a-list' } });
    }
    return withLimitHeaders(response);
  }

  private match(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        route.paramNames.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1]);
        });
      } catch {
        return null; // a malformed percent-escape names no resource: 404
      }
      return { route, params };
    }
    return null;
  }

  /** A fixed window per tenant: one tenant's traffic never uses up another's limit. */
  private takeRateLimit(tenant: string): { exceeded: boolean; headers: Record<string, string> } {
    const limit = this.knobs.rateLimit;
    if (!limit) return { exceeded: false, headers: {} };
    const now = Date.now();
    const periodMs = limit.periodSeconds * 1000;
    let window = this.windows.get(tenant);
    if (!window || now - window.startedAt >= periodMs) {
      // Fixed windows aligned to the clock (floor(now / period)), as fixed-window limiters count, so
      // the reset a response announces is the moment the provider starts counting again.
      window = { startedAt: Math.floor(now / periodMs) * periodMs, used: 0 };
      this.windows.set(tenant, window);
    }
    const exceeded = window.used >= limit.limit;
    if (!exceeded) window.used += 1;
    const resetAt = window.startedAt + periodMs;
    return {
      exceeded,
      headers: this.dialect.rateLimitHeaders({
        limit: limit.limit,
        remaining: Math.max(0, limit.limit - window.used),
        periodSeconds: limit.periodSeconds,
        resetEpochSeconds: Math.ceil(resetAt / 1000),
        resetInSeconds: Math.max(0, Math.ceil((resetAt - now) / 1000)),
      }),
    };
  }

  private takeFault(routeName: string, path: string): Fault | undefined {
    const index = this.knobs.faults.findIndex(
      (f) =>
        (f.route === undefined || f.route === routeName) &&
        (f.path === undefined || f.path === path) &&
        // Drawn only for a request the fault matches, so other routes' traffic leaves the draws alone.
        (f.probability === undefined || this.faultDraws.bool(f.probability)),
    );
    if (index < 0) return undefined;
    const fault = this.knobs.faults[index];
    if (fault.times !== undefined) {
      const left = fault.times - 1;
      if (left <= 0) this.knobs.faults.splice(index, 1);
      else this.knobs.faults[index] = { ...fault, times: left };
    }
    return fault;
  }

  private admin(method: string, path: string, rawBody: string): EmulatorResponse {
    const endpoint = this.adminEndpoints.find((e) => e.method === method && e.path === path);
    if (!endpoint) return { status: 404, body: { error: 'unknown emulator admin endpoint' } };
    return endpoint.handler(rawBody);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingTimers.delete(timer);
        resolve();
      }, ms);
      this.pendingTimers.add(timer);
    });
  }
}

function compile(route: Route): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        paramNames.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    ...route,
    regex: new RegExp(`^${source}$`),
    paramNames,
    name: `${route.method} ${route.pattern}`,
  };
}

function correlationHeaders(headers: http.IncomingHttpHeaders): RecordedRequest['correlation'] {
  const one = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    requestId: one('x-request-id'),
    traceparent: one('traceparent'),
    userAgent: one('user-agent'),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: http.ServerResponse, response: EmulatorResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: Buffer | string | undefined;
  if (Buffer.isBuffer(response.body)) {
    payload = response.body;
    headers['content-type'] ??= 'application/json';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
