import type { Provider } from '../../model/provider';

/** A pointer from one object to another, resolved through the per-request loaders when asked for. */
export interface EntityRef {
  provider: Provider;
  key: string;
}
