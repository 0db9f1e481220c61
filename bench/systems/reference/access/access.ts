import { Provider } from '../../../../src/model/provider';
import { Auth0Api } from '../api/auth0-api';
import { CruxApi } from '../api/crux-api';
import { DatadogApi } from '../api/datadog-api';
import type { UpstreamEnv } from '../upstream-env';
import { Auth0Access } from './auth0-access';
import { CruxAccess } from './crux-access';
import { DatadogAccess } from './datadog-access';
import type { ProviderAccess } from './provider-access';
import type { Strategy } from './strategy';

/** The three providers for one request, under one strategy. */
export class Access {
  private readonly providers: Record<Provider, ProviderAccess>;

  constructor(env: UpstreamEnv, strategy: Strategy) {
    this.providers = {
      [Provider.CRUX]: new CruxAccess(new CruxApi(env), strategy),
      [Provider.AUTH0]: new Auth0Access(new Auth0Api(env), strategy),
      [Provider.DATADOG]: new DatadogAccess(new DatadogApi(env), strategy),
    };
  }

  get(provider: Provider): ProviderAccess {
    return this.providers[provider];
  }
}
