import { createHash } from 'node:crypto';

/** What configuration holds of an API key: its SHA-256, lowercase hex (`npm run api-key:hash`). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key.trim(), 'utf8').digest('hex');
}
