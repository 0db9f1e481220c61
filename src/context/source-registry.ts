import { ForbiddenError } from '../errors/forbidden-error';
import { ProviderDisabledError } from '../errors/provider-disabled-error';
import type { Provider } from '../model/provider';
import type { ProviderSource } from '../providers/provider-source';

/**
 * The request's provider sources, one per configured provider the caller may use. This is where a
 * caller's provider restriction holds: providers left out of `allowed` are hidden from lists as if
 * not configured, and asking for one by name (an ID, a filter) is FORBIDDEN.
 */
export class SourceRegistry {
  private readonly byProvider: Map<Provider, ProviderSource>;

  constructor(
    sources: readonly ProviderSource[],
    /** The providers the caller may use; all when undefined (caller authentication off). */
    private readonly allowed?: readonly Provider[],
  ) {
    this.byProvider = new Map(
      sources.filter((s) => this.permits(s.provider)).map((s) => [s.provider, s]),
    );
  }

  /** A provider's source: FORBIDDEN if the caller may not use it, PROVIDER_DISABLED if unset. */
  get(provider: Provider): ProviderSource {
    if (!this.permits(provider)) throw ForbiddenError.provider(provider);
    const source = this.byProvider.get(provider);
    if (!source) throw new ProviderDisabledError(provider);
    return source;
  }

  /**
   * The configured sources among the given providers (FORBIDDEN if the caller may not use one of
   * them); when undefined, every configured one it may use.
   */
  select(providers?: readonly Provider[]): ProviderSource[] {
    const forbidden = providers?.find((p) => !this.permits(p));
    if (forbidden) throw ForbiddenError.provider(forbidden);
    const all = [...this.byProvider.values()];
    return providers ? all.filter((s) => providers.includes(s.provider)) : all;
  }

  private permits(provider: Provider): boolean {
    return !this.allowed || this.allowed.includes(provider);
  }
}
