// ESLint with typescript-eslint's type-checked recommended rules, over the TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Built, generated or vendored output; the GraphiQL client is a browser bundle's source, built by
    // esbuild, and the build scripts are plain Node.
    ignores: [
      'node_modules/',
      'dist/',
      'dist-graphiql/',
      'test-output/',
      'src/client/generated/',
      'src/graphiql/client/',
      'scripts/*.js',
      'bench/bench.js',
      'bench/node_modules/',
      'bench/dist/',
      // Typed against bench/'s own packages, which the product's npm ci does not install: checked by
      // tsc -p bench/tsconfig.json in npm run bench.
      'bench/harness/',
      'bench/systems/',
      'bench/profile/',
      // Plain ESM run as child processes, importing test/routers/'s own packages (Hive Gateway),
      // which the root's npm ci does not install.
      'test/routers/*.mjs',
      'jest.config.js',
      'eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // As tsc's noUnusedParameters: a leading underscore marks a parameter a signature needs.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
