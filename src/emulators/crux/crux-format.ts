import type { SeededRandom } from '../random';

/**
 * The value formats Crux's documented responses show, varied the way real data varies, so clients are
 * not written against one lucky format.
 */

function digits(rng: SeededRandom, count: number): string {
  return Array.from({ length: count }, () => rng.int(0, 9)).join('');
}

/** Phone numbers as free text (at most 20 characters): `717.334.5425x58894`, `(971)270-6745`... */
export function cruxPhone(rng: SeededRandom): string {
  const [a, b, c] = [digits(rng, 3), digits(rng, 3), digits(rng, 4)];
  const extension = rng.bool(0.5) ? `x${digits(rng, rng.int(1, 5))}` : '';
  switch (rng.int(0, 4)) {
    case 0:
      return `${a}.${b}.${c}${extension}`;
    case 1:
      return `(${a})${b}-${c}${extension}`;
    case 2:
      return `1-${a}-${b}-${c}${extension}`;
    case 3:
      return `${a}-${b}-${c}`;
    default:
      return `+1-${a}-${b}-${c}`;
  }
}

/**
 * Crux (Django) timestamps: ISO 8601 in UTC with microseconds (`2018-04-06T01:11:40.090603Z`), or whole
 * seconds (`2018-02-09T17:02:13Z`) when the fraction happens to be zero, as both appear in the docs.
 */
export function cruxTimestamp(rng: SeededRandom, date: Date): string {
  const iso = date.toISOString();
  if (rng.bool(0.1)) return iso.replace(/\.\d{3}Z$/, 'Z');
  return iso.replace('Z', `${String(rng.int(0, 999)).padStart(3, '0')}Z`);
}

/** A "browser-ready" website: sometimes with the protocol, sometimes with `www.`, sometimes bare. */
export function cruxWebsite(rng: SeededRandom, domain: string): string {
  const protocol = rng.bool(0.4) ? 'https://' : '';
  const www = rng.bool(0.4) ? 'www.' : '';
  return `${protocol}${www}${domain}`;
}

/** `ada.lovelace@acme.example.com`; `lap` tells apart people whose names repeat. */
export function cruxEmail(firstName: string, lastName: string, domain: string, lap = 0): string {
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z0-9.-]+/g, '');
  return `${local}${lap > 0 ? lap + 1 : ''}@${domain}`;
}
