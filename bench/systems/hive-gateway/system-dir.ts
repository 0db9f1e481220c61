import fs from 'node:fs';
import path from 'node:path';

/**
 * This folder, where mesh.config.ts, gateway.config.ts and the OpenAPI documents live. From source that
 * is __dirname; from a bundle in bench/dist/ it is ../systems/hive-gateway.
 */
export function hiveSystemDir(): string {
  const candidates = [__dirname, path.join(__dirname, '..', 'systems', 'hive-gateway')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'mesh.config.ts')));
  if (!found) throw new Error(`hive-gateway: mesh.config.ts not found in ${candidates.join(', ')}`);
  return found;
}
