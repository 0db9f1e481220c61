import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { ALL_PROVIDERS } from '../../model/provider';
import { PROVIDER_LABELS } from '../../providers/provider-labels';
import { ProviderStatus } from './provider-status.type';

@Resolver(() => ProviderStatus)
export class ProviderStatusResolver {
  @Query(() => [ProviderStatus], { description: 'The providers and which of them are configured.' })
  providers(@Ctx() ctx: Context): ProviderStatus[] {
    const enabled = new Set(ctx.catalog.enabledProviders());
    return ALL_PROVIDERS.map((provider) => ({
      provider,
      label: PROVIDER_LABELS[provider],
      enabled: enabled.has(provider),
    }));
  }
}
