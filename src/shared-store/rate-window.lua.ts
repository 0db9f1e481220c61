import {
  GUESSED_PERIOD_MS,
  NO_LIMIT_TTL_MS,
  PROBE_LEASE_MS,
  RESET_MARGIN_MS,
  STATE_TTL_MS,
} from './rate-window';

// The steps of takeFromWindow and observeWindow (rate-window.ts), run atomically inside Redis so that
// every replica takes from one window. Fields: l limit, r remaining, t reset, p period, q probe lease.
const LOAD = `
local k = KEYS[1]
local v = redis.call('HMGET', k, 'l', 'r', 't', 'p', 'q')
local l = tonumber(v[1]) or -1
local r = tonumber(v[2]) or 0
local t = tonumber(v[3]) or 0
local p = tonumber(v[4]) or 0
local q = tonumber(v[5]) or 0
`;

const STORE = `
redis.call('HSET', k, 'l', l, 'r', r, 't', t, 'p', p, 'q', q)
if l == 0 then redis.call('PEXPIRE', k, ${NO_LIMIT_TTL_MS}) else redis.call('PEXPIRE', k, ${STATE_TTL_MS}) end
`;

/** ARGV: now, scale. Returns {granted (0/1), waitMs}. */
export const TAKE_RATE_SCRIPT = `${LOAD}
local now = tonumber(ARGV[1])
local scale = tonumber(ARGV[2])
local granted = 0
local wait = 0
if l < 0 then
  if q > now then wait = math.min(50, q - now) else q = now + ${PROBE_LEASE_MS}; granted = 1 end
elseif l == 0 then
  if now < t then wait = t - now else granted = 1 end
else
  local lim = math.max(1, math.floor(l * scale))
  if now >= t + ${RESET_MARGIN_MS} then
    r = lim
    if p > 0 then t = now + p else t = now + ${GUESSED_PERIOD_MS} end
  end
  r = math.min(r, lim)
  if r > 0 then r = r - 1; granted = 1 else wait = math.max(1, t + ${RESET_MARGIN_MS} - now) end
end
${STORE}
return {granted, wait}
`;

/** ARGV: now, observed (0/1), limit, remaining, resetAt, periodMs, limitedUntil (-1: none). */
export const OBSERVE_RATE_SCRIPT = `${LOAD}
local now = tonumber(ARGV[1])
local lu = tonumber(ARGV[7])
if tonumber(ARGV[2]) == 1 then
  local learning = l <= 0
  l = math.max(1, tonumber(ARGV[3]))
  if tonumber(ARGV[6]) > 0 then p = tonumber(ARGV[6]) end
  if learning then
    r = tonumber(ARGV[4])
    t = tonumber(ARGV[5])
  elseif tonumber(ARGV[5]) > now then
    r = math.min(r, tonumber(ARGV[4]))
    t = math.max(t, tonumber(ARGV[5]))
  end
elseif l < 0 and lu < 0 then
  l = 0
end
if lu >= 0 then
  if l < 0 then l = 0 end
  r = 0
  t = math.max(t, lu)
end
q = 0
${STORE}
return 1
`;
