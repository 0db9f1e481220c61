import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { clientOperationsDir } from '../limits/trusted-documents';

/** The names of the typed client's operations (src/client/operations); none when they are not there. */
export function shippedOperationNames(): string[] {
  try {
    const dir = clientOperationsDir();
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.graphql'));
    const document = parse(files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n'));
    return document.definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
    );
  } catch {
    // A build shipped without the client's sources: every name is then one of the first seen.
    return [];
  }
}
