import type { CacheTagsOf } from '../cache/cache-tags';
import type { ObservedRateWindow } from '../shared-store/rate-window';
import type { ResetDelayReader } from '../providers/http/rate-limit-headers';
import type { RouteTemplates } from '../providers/http/route-templates';

/** What a provider's client tells the upstream gate about its HTTP dialect. */
export interface ProviderHttpProfile {
  /** How long a 429 asks to wait, from the provider's own reset header. */
  resetDelay?: ResetDelayReader;
  /** The provider's rate-limit headers as a window; undefined when it sent none. */
  readRateWindow?: (headers: Headers, now: number) => ObservedRateWindow | undefined;
  /** After a 401: the same request with renewed credentials, or undefined when none can be had. */
  renewAfterUnauthorized?: (init: RequestInit) => Promise<RequestInit | undefined>;
  /** The client's routes, to name its calls in metrics and logs without the ids in their paths. */
  routes?: RouteTemplates;
  /** The tags a read depends on and a write changes, for invalidation across credentials. */
  cacheTags?: CacheTagsOf;
}
