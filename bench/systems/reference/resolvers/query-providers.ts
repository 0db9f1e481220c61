import { ALL_PROVIDERS } from '../../../../src/model/provider';
import { PROVIDER_LABELS } from '../../../../src/providers/provider-labels';
import { field } from './field';

/** Every provider is configured on a bench system. */
export const providersField = field(() =>
  ALL_PROVIDERS.map((provider) => ({ provider, label: PROVIDER_LABELS[provider], enabled: true })),
);
