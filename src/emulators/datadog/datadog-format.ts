import type { SeededRandom } from '../random';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Datadog's timestamp style, `2025-08-26T20:19:36.177236+00:00`: microseconds and an explicit offset rather
 * than `Z`. The three sub-millisecond digits come from `micros` (0..999).
 */
export function datadogTimestamp(date: Date, micros: number): string {
  const iso = date.toISOString(); // 2025-08-26T20:19:36.177Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}+00:00`;
}

export function randomTimestamp(rng: SeededRandom, from: Date, to: Date): string {
  return datadogTimestamp(rng.date(from, to), rng.int(0, 999));
}
