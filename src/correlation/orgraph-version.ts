import fs from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../graphiql/graphiql-paths';

/** orgraph's version, from its package.json (read once: it names every provider call). */
export const ORGRAPH_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(findPackageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** The User-Agent of every provider call: providers can tell orgraph's traffic, and which release. */
export const ORGRAPH_USER_AGENT = `orgraph/${ORGRAPH_VERSION}`;
