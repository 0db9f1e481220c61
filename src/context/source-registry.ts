import { ProviderDisabledError } from '../errors/provider-disabled-error';
import type { Provider } from '../model/provider';
import type { ProviderSource } from '../providers/provider-source';

/** The request's provider sources, one per configured provider. */
export class SourceRegistry {
  private readonly byProvider: Map<Provider, ProviderSource>;

  constructor(sources: readonly ProviderSource[]) {
    this.byProvider = new Map(sources.map((s) => [s.provider, s]));
  }

  /** The source for a provider; PROVIDER_DISABLED when it is not configured. */
  get(provider: Provider): ProviderSource {
    const source = this.byProvider.get(provider);
    if (!source) throw new ProviderDisabledError(provider);
    return source;
  }

  /** The configured sources among the given providers; all configured ones when undefined. */
  select(providers?: readonly Provider[]): ProviderSource[] {
    const all = [...this.byProvider.values()];
    return providers ? all.filter((s) => providers.includes(s.provider)) : all;
  }
}
