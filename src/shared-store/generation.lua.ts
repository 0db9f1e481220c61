/**
 * How long a tag's generation is kept after it was first read or last bumped. Losing one is safe (the
 * next read starts it at a new seed, so its entries miss once), so it need not be kept for ever.
 */
export const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Tags' generations in Redis, read and bumped atomically inside Redis. A generation that is missing
 * (never read, expired, or evicted under memory pressure) starts at the seed in ARGV[1], a number no
 * earlier generation of the key had (see generationSeed): were it to start at 0 again, entries stored
 * under an earlier 0 would be served again, after the write that retired them.
 */
const SEED_IF_MISSING = `
local function seeded(k)
  local g = redis.call('GET', k)
  if g then return g end
  redis.call('SET', k, ARGV[1], 'PX', ${GENERATION_TTL_MS})
  return ARGV[1]
end
`;

/** KEYS: the tags' keys. ARGV: seed. Returns each key's generation, as a string. */
export const GENERATIONS_SCRIPT = `${SEED_IF_MISSING}
local out = {}
for i, k in ipairs(KEYS) do out[i] = seeded(k) end
return out
`;

/** KEYS: one tag's key. ARGV: seed. */
export const BUMP_GENERATION_SCRIPT = `${SEED_IF_MISSING}
seeded(KEYS[1])
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ${GENERATION_TTL_MS})
return 1
`;

/**
 * A generation to start a missing key at: microseconds since the epoch, well above every generation
 * a key started earlier reached (bumps are writes: far fewer than a million a second), and below 2^53.
 */
export function generationSeed(now: number = Date.now()): string {
  return String(now * 1000 + Math.floor(Math.random() * 1000));
}
