import type { Logger } from 'pino';
import type { Config } from '../config/config.type';
import { MemorySharedStore } from './memory-shared-store';
import { RedisSharedStore } from './redis-shared-store';
import type { SharedStore } from './shared-store';

/** Redis when REDIS_URL is set (replicas share it), else the embedded in-memory store. */
export function createSharedStore(config: Config, logger: Logger): SharedStore {
  const { store, cache } = config;
  if (!store.redisUrl) return new MemorySharedStore(cache.maxBytes);
  return new RedisSharedStore({
    url: store.redisUrl,
    prefix: store.keyPrefix,
    commandTimeoutMs: store.commandTimeoutMs,
    logger,
  });
}
