import { ErrorCode } from '../../errors/error-code';
import { UpstreamError } from '../../errors/upstream-error';
import type { Provider } from '../../model/provider';
import { PROVIDER_LABELS } from '../provider-labels';

/**
 * The most pages any listing may take. A provider that never ends a listing (a full page with no total
 * and no next cursor's end) is an error, never an endless loop nor a silently cut list.
 */
export const MAX_LISTING_PAGES = 1000;

export function pagingCapReached(provider: Provider, what: string): UpstreamError {
  return new UpstreamError(
    `${PROVIDER_LABELS[provider]} did not end the listing of ${what} within ${MAX_LISTING_PAGES} pages`,
    { provider, code: ErrorCode.UPSTREAM_BAD_RESPONSE },
  );
}
