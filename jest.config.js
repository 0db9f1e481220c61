/** @type {import('jest').Config} */
module.exports = {
  // Transpile only (tsconfig.test.json): `npm run lint` type-checks everything once, before jest.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  // Integration tests start real HTTP servers; generous timeouts keep slow CI machines green.
  testTimeout: 60000,
};
