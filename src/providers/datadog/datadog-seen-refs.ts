import DataLoader from 'dataloader';
import type { DatadogRelationshipData } from './datadog.schemas';
import { nameOf } from './datadog-mapper';

/**
 * Orgs and users exist in Datadog's API only inside connections. Every one any response names is kept
 * here and primed into the loader, so a lookup after any listing, filtered or not, costs no call. A
 * named occurrence replaces a nameless one (some responses carry ids only).
 */
export class SeenRefs<V> {
  private readonly seen = new Map<string, { named: boolean; value: V }>();
  readonly loader: DataLoader<string, V | null>;

  /**
   * `loadUntil` reads the listing (which calls `see`) until `found()` holds or the listing is
   * complete, which names everything there is.
   */
  constructor(
    private readonly map: (data: DatadogRelationshipData) => V,
    loadUntil: (found: () => boolean) => Promise<unknown>,
  ) {
    this.loader = new DataLoader<string, V | null>(async (keys) => {
      // A key seen while its load was queued needs no listing. Reading one, stop only once every key
      // is named: a later page could name one seen nameless, as the whole listing would.
      if (!keys.every((key) => this.seen.has(key))) {
        await loadUntil(() => keys.every((key) => this.seen.get(key)?.named));
      }
      return keys.map((key) => this.seen.get(key)?.value ?? null);
    });
  }

  see(data: DatadogRelationshipData | undefined | null): void {
    if (!data) return;
    const named = nameOf(data) !== null;
    const known = this.seen.get(data.id);
    if (known && (known.named || !named)) return;
    const value = this.map(data);
    this.seen.set(data.id, { named, value });
    this.loader.clear(data.id).prime(data.id, value);
  }

  /** The best-named value seen for the id. */
  get(id: string): V | undefined {
    return this.seen.get(id)?.value;
  }
}
