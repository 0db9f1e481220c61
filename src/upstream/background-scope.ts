import { AsyncLocalStorage } from 'node:async_hooks';
import type { UpstreamScope } from './upstream-scope';

/**
 * The scope of work done outside any request (a cache entry's background refresh): it outlives the
 * request that started it, so it must not spend that request's budget or die at its deadline.
 */
const backgroundScopes = new AsyncLocalStorage<UpstreamScope>();

export function runInBackgroundScope<T>(scope: UpstreamScope, work: () => Promise<T>): Promise<T> {
  return backgroundScopes.run(scope, work);
}

export function backgroundScope(): UpstreamScope | undefined {
  return backgroundScopes.getStore();
}
