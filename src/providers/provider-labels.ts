import { Provider } from '../model/provider';

/** Provider names as people write them, for messages and logs. */
export const PROVIDER_LABELS: Record<Provider, string> = {
  [Provider.CRUX]: 'Crux Connect',
  [Provider.AUTH0]: 'Auth0',
  [Provider.DATADOG]: 'Datadog',
};
