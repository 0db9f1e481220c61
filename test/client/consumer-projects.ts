import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const TSC = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** The app of the generated client both projects build, at the same path as in this repository. */
export const CONSUMER_APP = 'test/client/consumer/query-orgraph.ts';

export type ModuleSystem = 'commonjs' | 'esm';

/** Compiler options beside `rootDir`, `outDir`, `types` and `include`, which every project shares. */
const COMPILER_OPTIONS: Record<ModuleSystem, Record<string, unknown>> = {
  // As this repository's tsconfig.json.
  commonjs: {
    module: 'commonjs',
    moduleResolution: 'node',
    target: 'ES2022',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
  },
  // As `tsc --init` (TypeScript 5.9) writes it: what a new ESM app starts from, and the strictest about
  // imports (verbatimModuleSyntax keeps every import that is not marked `type`). But for
  // exactOptionalPropertyTypes, which sdk.ts's getSdk breaks (the plugin passes `variables: V |
  // undefined` where graphql-request 6 types `variables?: V`); see the test of orgraph-client.ts with it.
  esm: {
    module: 'nodenext',
    target: 'esnext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: false,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noUncheckedSideEffectImports: true,
    moduleDetection: 'force',
    skipLibCheck: true,
  },
};

export interface ConsumerProject {
  dir: string;
  /** tsc --noEmit of some of the project's files, with some compiler options changed. */
  typecheck(files: string[], compilerOptions: Record<string, unknown>): Promise<void>;
  /** Runs a compiled script (its .ts path in the project) with node; rejects on a non-zero exit. */
  run(script: string, args?: string[]): Promise<{ stdout: string; stderr: string }>;
}

export interface ConsumerProjects extends Record<ModuleSystem, ConsumerProject> {
  remove(): Promise<void>;
}

/**
 * Two apps outside this repository, in a temporary directory: a CommonJS and an ESM TypeScript project
 * with src/client/generated/ and the consumer app copied in, compiled with this repository's tsc.
 * Their node_modules is a link to this repository's, so graphql-request and graphql resolve as they
 * would from an app's own dependencies, on any clone after `npm ci`.
 */
export async function buildConsumerProjects(
  extraFiles: Partial<Record<ModuleSystem, Record<string, string>>> = {},
): Promise<ConsumerProjects> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'orgraph-client-'));
  const project = async (system: ModuleSystem): Promise<ConsumerProject> => {
    const dir = path.join(base, system);
    await cp(path.join(root, 'src/client/generated'), path.join(dir, 'src/client/generated'), {
      recursive: true,
    });
    await mkdir(path.join(dir, path.dirname(CONSUMER_APP)), { recursive: true });
    await cp(path.join(root, CONSUMER_APP), path.join(dir, CONSUMER_APP));
    for (const [file, text] of Object.entries(extraFiles[system] ?? {})) {
      await writeFile(path.join(dir, file), text);
    }
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const type = system === 'esm' ? 'module' : 'commonjs';
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ private: true, type }));
    const compilerOptions = {
      ...COMPILER_OPTIONS[system],
      rootDir: '.',
      outDir: 'dist',
      types: ['node'],
    };
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, include: ['src', 'test', '*.ts'] }),
    );
    await compile(dir);
    return {
      dir,
      async typecheck(files, changed) {
        const config = path.join(dir, 'tsconfig.typecheck.json');
        const compilerOptions = { ...changed, noEmit: true };
        await writeFile(
          config,
          JSON.stringify({ extends: './tsconfig.json', compilerOptions, files, include: [] }),
        );
        await compile(config);
      },
      run: (script, args = []) =>
        run(process.execPath, [path.join(dir, 'dist', script.replace(/\.ts$/, '.js')), ...args], {
          cwd: dir,
          timeout: 60_000,
        }),
    };
  };
  const remove = () => rm(base, { recursive: true, force: true });
  try {
    // One after the other: two tsc processes at once would only compete for a small machine's cores.
    const commonjs = await project('commonjs');
    const esm = await project('esm');
    return { commonjs, esm, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** tsc -p project (a directory or a tsconfig file); a type error fails with tsc's own report. */
async function compile(project: string): Promise<void> {
  await run(process.execPath, [TSC, '-p', project]).catch((error: unknown) => {
    const { stdout } = error as { stdout?: string };
    throw new Error(`tsc -p ${project} failed:\n${stdout ?? String(error)}`);
  });
}
