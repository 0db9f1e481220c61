import { randomBytes } from 'node:crypto';
import { hashApiKey } from '../src/callers/api-key-hash';

/**
 * `npm run -s api-key:hash < key-file`: prints the SHA-256 of the key read from stdin, for an
 * ORGRAPH_API_KEYS entry. The key is read from stdin, not the command line, so it stays out of shell
 * history and process lists.
 * `npm run -s api-key:hash -- --new <id>`: makes a new random key, prints it once, and the entry.
 */
async function main(): Promise<void> {
  const [flag, id] = process.argv.slice(2);
  if (flag === '--new') {
    if (!id) throw new Error('usage: npm run -s api-key:hash -- --new <caller id>');
    const key = randomBytes(32).toString('base64url');
    process.stdout.write(`key (give it to the caller; it is not stored): ${key}\n`);
    process.stdout.write(`entry: ${JSON.stringify({ id, sha256: hashApiKey(key) })}\n`);
    return;
  }
  if (flag !== undefined) throw new Error('usage: npm run -s api-key:hash < key-file');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const key = Buffer.concat(chunks).toString('utf8').trim();
  if (!key) throw new Error('no key on stdin');
  process.stdout.write(`${hashApiKey(key)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
