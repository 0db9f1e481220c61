import {
  RESTDataSource,
  type CacheOptions,
  type GetRequest,
  type PostRequest,
} from '@apollo/datasource-rest';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import type { ZodType } from 'zod';
import { ErrorCode } from '../../errors/error-code';
import { UpstreamError } from '../../errors/upstream-error';
import type { Provider } from '../../model/provider';
import { PROVIDER_LABELS } from '../provider-labels';
import { traceUpstreamCall, type TracedCall } from '../../tracing/upstream-spans';
import type { ProviderHttpProfile } from '../../upstream/provider-http-profile';
import type { UpstreamGate } from '../../upstream/upstream-gate';
import { BodyTooLarge, DEFAULT_MAX_BODY_BYTES, readCappedBody } from './capped-body';
import { conformingBody } from './contract-check';
import { retryAfterMs, type ResetDelayReader } from './rate-limit-headers';
import { createRetryingFetch, type RetryPolicy } from './retrying-fetch';
import { parsedErrorBody, sanitizeProviderMessage } from './provider-message';
import { OTHER_ROUTE, type RouteTemplates } from './route-templates';
import { MAX_REDIRECTS, RedirectRefused } from './same-origin-redirect';
import { WriteAttempts, withWriteAttempts } from './write-attempts';

/**
 * The store behind RESTDataSource's HTTP cache, which stores nothing here (see cacheOptionsFor): one
 * for every client, rather than the in-memory LRU each client would otherwise build for nothing.
 */
const NO_HTTP_CACHE: KeyValueCache = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(false),
};

/**
 * What is read of an error body at most: its status says what went wrong; of the body, only a refusal's
 * message is used (see providerMessageOf).
 */
const ERROR_BODY_BYTES = 64 * 1024;

/** The methods a write is sent with. */
export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Statuses whose error body says what the caller should change: passed on as `providerMessage`. */
const REFUSAL_STATUSES = new Set([400, 409, 422]);

export interface ProviderDataSourceOptions {
  baseURL: string;
  retry: Omit<RetryPolicy, 'resetDelay'>;
  /** The request's way to the provider: cache, budgets, breaker. Without one (a client used alone,
   * in provider tests), calls go straight to the provider with retries only. */
  gate?: UpstreamGate;
  /** The largest response body read (ORGRAPH_UPSTREAM_MAX_BODY_MB); larger ones are refused. */
  maxBodyBytes?: number;
}

/**
 * The one base of every provider client: base URL from configuration, every call through the request's
 * upstream gate (cache, call budget, deadline, rate budget, breaker, retries), errors shaped once
 * (`errorFromResponse`), and every response validated against the provider's contract before it
 * enters the domain or the cache. Built per request. Each call is traced under its route template
 * (see traceUpstreamCall).
 */
export abstract class ProviderDataSource extends RESTDataSource {
  protected abstract readonly provider: Provider;
  private readonly gate: UpstreamGate | undefined;
  private readonly resetDelay: ResetDelayReader | undefined;
  private readonly maxBodyBytes: number;
  private readonly routes: RouteTemplates | undefined;

  constructor(options: ProviderDataSourceOptions, profile: ProviderHttpProfile = {}) {
    super({
      cache: NO_HTTP_CACHE,
      fetch: options.gate
        ? options.gate.fetcher(options.retry, profile)
        : createRetryingFetch(
            { ...options.retry, resetDelay: profile.resetDelay },
            { renewAfterUnauthorized: profile.renewAfterUnauthorized },
          ),
    });
    // A trailing slash keeps RESTDataSource from dropping a base path (e.g. an emulator's /api prefix).
    this.baseURL = options.baseURL.endsWith('/') ? options.baseURL : `${options.baseURL}/`;
    this.gate = options.gate;
    this.resetDelay = profile.resetDelay;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.routes = profile.routes;
  }

  /**
   * GET, then validate: a body that breaks the contract is UPSTREAM_BAD_RESPONSE, not a crash later.
   * Validated reads are what the cache keeps, keyed by the URL with its parameters in a fixed order.
   */
  protected getValidated<T>(path: string, schema: ZodType<T>, request?: GetRequest): Promise<T> {
    const read = () => this.validated(() => this.get<unknown>(path, request), schema);
    const { gate } = this;
    return traceUpstreamCall(this.tracedCall('GET', path), () =>
      gate ? gate.read(this.resourceKey(path, request), read) : read(),
    );
  }

  /** Each parsed body is this call's own (the cache keeps text, not objects): no defensive deep copy. */
  protected override cloneParsedBody<TResult>(parsedBody: TResult): TResult {
    return parsedBody;
  }

  /**
   * RESTDataSource's HTTP cache is off (a TTL of 0 stores nothing): orgraph caches validated reads in
   * the upstream gate, and the HTTP cache would read a copy of every cacheable body whole, past the cap.
   */
  protected override cacheOptionsFor(): CacheOptions {
    return { ttl: 0 };
  }

  private resourceKey(path: string, request?: GetRequest): string {
    const url = new URL(path, this.baseURL);
    const params = request?.params;
    const entries =
      params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params ?? {});
    for (const [name, value] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (value !== undefined) url.searchParams.append(name, String(value));
    }
    return `GET ${url.toString()}`;
  }

  /** A POST that reads (a token request): retried as reads are, since it changes nothing. */
  protected postValidated<T>(path: string, schema: ZodType<T>, request?: PostRequest): Promise<T> {
    return traceUpstreamCall(this.tracedCall('POST', path), () =>
      this.validated(() => this.post<unknown>(path, request), schema),
    );
  }

  /**
   * A write: `body` sent as JSON, the answer validated against `schema` (null: the answer's body, if
   * any, is not used). A POST is sent once, since the provider may act on every copy (neither
   * provider here takes an idempotency key); PATCH, PUT and DELETE are retried as reads are. A write
   * whose last attempt left and got no answer throws UPSTREAM_OUTCOME_UNKNOWN: it may have happened.
   * Once any attempt left, whatever its outcome, the gate invalidates what the write may have changed
   * for every caller of this tenant: after a refusal too (a 404 or 409 says the cache was stale).
   */
  protected sendWrite<T>(
    method: WriteMethod,
    path: string,
    schema: ZodType<T>,
    body?: object,
  ): Promise<T>;
  protected sendWrite(
    method: WriteMethod,
    path: string,
    schema: null,
    body?: object,
  ): Promise<void>;
  protected async sendWrite<T>(
    method: WriteMethod,
    path: string,
    schema: ZodType<T> | null,
    body?: object,
  ): Promise<T | void> {
    const attempts = new WriteAttempts(method !== 'POST');
    const send = async () => {
      try {
        const request = withWriteAttempts({ method, body }, attempts);
        return (await this.fetch<unknown>(path, request)).parsedBody;
      } catch (error) {
        // An answer whose body stopped coming (its time ran out): what it said is lost too.
        if (!(error instanceof GraphQLError) && attempts.sent > 0 && !attempts.lost) {
          attempts.failed(error);
        }
        throw error;
      }
    };
    try {
      return await traceUpstreamCall(this.tracedCall(method, path), () =>
        schema ? this.validated(send, schema) : this.answered(send).then(() => undefined),
      );
    } catch (error) {
      if (!attempts.lost) throw error;
      throw new UpstreamError(
        attempts.lost === 'timeout'
          ? `${this.label} did not answer in time: the write may or may not have happened`
          : `${this.label} dropped the connection before answering: the write may or may not have happened`,
        { provider: this.provider, code: ErrorCode.UPSTREAM_OUTCOME_UNKNOWN },
      );
    } finally {
      if (attempts.sent > 0) await this.gate?.invalidate(method, new URL(path, this.baseURL).href);
    }
  }

  /**
   * The provider's own message in an error body (parsed JSON, or text when it is not JSON), unsanitized;
   * each provider's client knows where its bodies keep it. None by default.
   */
  protected providerMessageOf(_body: unknown): string | undefined {
    return undefined;
  }

  /** A call as spans name it: by its route's template, never by the ids in its path. */
  private tracedCall(method: string, path: string): TracedCall {
    const { routes, baseURL } = this;
    const route =
      routes && baseURL
        ? routes.of(method, new URL(path, baseURL).toString(), baseURL)
        : OTHER_ROUTE;
    return { provider: this.provider, method, route };
  }

  /** The answer's body; a failure of any kind as a coded GraphQLError. */
  private async answered(send: () => Promise<unknown>): Promise<unknown> {
    try {
      return await send();
    } catch (error) {
      throw this.asUpstreamError(error);
    }
  }

  private async validated<T>(send: () => Promise<unknown>, schema: ZodType<T>): Promise<T> {
    const body = await this.answered(send);
    const conforming = conformingBody(schema, body);
    if (conforming) return conforming.value;
    // Off the common path: the runtime parser says where the body breaks the contract.
    const issue = schema.safeParse(body).error?.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new UpstreamError(
      `${this.label} sent a response that does not match its contract (at ${where})`,
      { provider: this.provider, code: ErrorCode.UPSTREAM_BAD_RESPONSE },
    );
  }

  protected get label(): string {
    return PROVIDER_LABELS[this.provider];
  }

  /** RESTDataSource reads every body here, errors too, before errorFromResponse sees the status. */
  protected override async parseBody(fetched: FetcherResponse): Promise<object | string> {
    const response = fetched as unknown as Response;
    if (!response.ok) return readCappedBody(response, ERROR_BODY_BYTES).catch(() => '');
    let text: string;
    try {
      text = await readCappedBody(response, this.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      const megabytes = Math.round((this.maxBodyBytes / 1024 / 1024) * 100) / 100;
      throw new UpstreamError(
        `${this.label} sent a response larger than ${megabytes} MB, which orgraph does not read`,
        { provider: this.provider, code: ErrorCode.UPSTREAM_BAD_RESPONSE, status: response.status },
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('json') || text.length === 0) return text;
    try {
      return JSON.parse(text) as object;
    } catch {
      throw new UpstreamError(`${this.label} sent a body that is not valid JSON`, {
        provider: this.provider,
        code: ErrorCode.UPSTREAM_BAD_RESPONSE,
        status: response.status,
      });
    }
  }

  protected override errorFromResponse({
    response,
    parsedBody,
  }: {
    response: FetcherResponse;
    parsedBody: unknown;
  }): Promise<GraphQLError> {
    return Promise.resolve(this.errorForStatus(response, parsedBody));
  }

  /** The sanitized provider message of a refusal (400, 409, 422); undefined for other statuses. */
  private refusalMessage(status: number, body: unknown): string | undefined {
    if (!REFUSAL_STATUSES.has(status)) return undefined;
    const raw = this.providerMessageOf(parsedErrorBody(body));
    return raw === undefined ? undefined : sanitizeProviderMessage(raw);
  }

  /** The coded error for a response whose status is not a success. */
  private errorForStatus(response: FetcherResponse, body: unknown): GraphQLError {
    const status = response.status;
    const headers = response.headers as unknown as Headers;
    const details = { provider: this.provider, status };
    const providerMessage = this.refusalMessage(status, body);
    const saying = providerMessage === undefined ? '' : `: ${providerMessage}`;
    switch (true) {
      case status === 401:
        return new UpstreamError(`${this.label} rejected orgraph's credentials (401)`, {
          ...details,
          code: ErrorCode.UPSTREAM_UNAUTHORIZED,
        });
      case status === 403:
        return new UpstreamError(
          `${this.label} refused access: the credentials lack a permission or are invalid (403)`,
          { ...details, code: ErrorCode.UPSTREAM_FORBIDDEN },
        );
      case status === 404:
        return new UpstreamError(`${this.label} has no such object (404)`, {
          ...details,
          code: ErrorCode.NOT_FOUND,
        });
      case status === 429: {
        const waitMs = retryAfterMs(headers) ?? this.resetDelay?.(headers);
        const retryAfterSeconds = waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
        return new UpstreamError(
          `${this.label} rate limit reached${retryAfterSeconds !== undefined ? `; retry after ${retryAfterSeconds} s` : ''}`,
          { ...details, code: ErrorCode.UPSTREAM_RATE_LIMITED, retryAfterSeconds },
        );
      }
      case status >= 500 || status === 408:
        return new UpstreamError(`${this.label} is unavailable (${status})`, {
          ...details,
          code: ErrorCode.UPSTREAM_UNAVAILABLE,
        });
      case status === 409:
        return new UpstreamError(
          `${this.label} refused the request: it conflicts with what ${this.label} holds (409)${saying}`,
          { ...details, code: ErrorCode.UPSTREAM_CONFLICT, providerMessage },
        );
      case status === 400 || status === 422:
        return new UpstreamError(`${this.label} refused the request (${status})${saying}`, {
          ...details,
          code: ErrorCode.UPSTREAM_ERROR,
          providerMessage,
        });
      default:
        return new UpstreamError(`${this.label} answered with an unexpected status ${status}`, {
          ...details,
          code: ErrorCode.UPSTREAM_ERROR,
        });
    }
  }

  /** Network failures and timeouts arrive as plain errors from fetch; they get a code too. */
  private asUpstreamError(error: unknown): GraphQLError {
    if (error instanceof GraphQLError) return error;
    if (error instanceof RedirectRefused) {
      return new UpstreamError(
        error.reason === 'other-origin'
          ? `${this.label} redirected to another host; orgraph does not follow it there`
          : `${this.label} redirected more than ${MAX_REDIRECTS} times`,
        { provider: this.provider, code: ErrorCode.UPSTREAM_BAD_RESPONSE, status: error.status },
      );
    }
    // Not `instanceof Error`: fetch's timeout is a DOMException, which some realms don't count as one.
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
    return new UpstreamError(
      timedOut ? `${this.label} did not answer in time` : `${this.label} could not be reached`,
      { provider: this.provider, code: ErrorCode.UPSTREAM_UNAVAILABLE },
    );
  }
}
