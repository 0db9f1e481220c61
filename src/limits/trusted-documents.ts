import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, separateOperations, type DocumentNode } from 'graphql';

/**
 * The operations a trusted-documents server executes, each kept as its printed form with the fragments
 * it uses in a fixed order: whitespace, comments and definition order in what a client sends do not
 * matter, the operation does.
 */
export class TrustedDocuments {
  private constructor(private readonly signatures: ReadonlySet<string>) {}

  /**
   * `client` (the typed client's operations), or a `.graphql` file or a folder of them; operations may
   * share fragments across files.
   */
  static load(source: string): TrustedDocuments {
    const location = source === 'client' ? clientOperationsDir() : path.resolve(source);
    const files = fs.statSync(location).isDirectory()
      ? fs
          .readdirSync(location)
          .filter((file) => file.endsWith('.graphql'))
          .map((file) => path.join(location, file))
      : [location];
    const document = parse(files.map((file) => fs.readFileSync(file, 'utf8')).join('\n'));
    return new TrustedDocuments(
      new Set(Object.values(separateOperations(document)).map(signature)),
    );
  }

  get size(): number {
    return this.signatures.size;
  }

  /** Whether the operation `operationName` of `document` is one of the trusted ones. */
  trusts(document: DocumentNode, operationName: string | undefined): boolean {
    const operations = separateOperations(document);
    const names = Object.keys(operations);
    const name = operationName ?? (names.length === 1 ? names[0] : undefined);
    const operation = name === undefined ? undefined : operations[name];
    return operation !== undefined && this.signatures.has(signature(operation));
  }
}

function signature(document: DocumentNode): string {
  const definitions = [...document.definitions].sort(
    (a, b) => rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b)),
  );
  return print({ ...document, definitions });
}

function rank(definition: DocumentNode['definitions'][number]): number {
  return definition.kind === Kind.OPERATION_DEFINITION ? 0 : 1;
}

function nameOf(definition: DocumentNode['definitions'][number]): string {
  return 'name' in definition && definition.name ? definition.name.value : '';
}

/** The typed client's operations (src/client/operations), run from src/ or from a build in dist/src/. */
export function clientOperationsDir(): string {
  const fromSource = path.resolve(__dirname, '..', 'client', 'operations');
  return fs.existsSync(fromSource)
    ? fromSource
    : path.resolve(__dirname, '..', '..', '..', 'src', 'client', 'operations');
}
