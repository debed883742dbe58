/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'ES2020', esModuleInterop: true, resolveJsonModule: true, isolatedModules: true }, diagnostics: false }],
  },
  // One embedded PostgreSQL per run (PS_TEST_PG_URL); DB tests create their own databases from it.
  globalSetup: '<rootDir>/test/support/db-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/db-global-teardown.ts',
  testTimeout: 60000,
};
