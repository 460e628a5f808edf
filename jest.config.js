/**
 * Tests sit beside their sources; SWC strips types (tsc checks them in `npm run typecheck`). The
 * global setup synthesizes once for the suites that need a fresh synth (`scripts/lib/testing/fresh-synth.ts`).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdktf.out/', '/clusters/', '/.tfcheck/', '/.cache/'],
  modulePathIgnorePatterns: ['/cdktf.out/', '/.tfcheck/', '/.cache/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/scripts/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/scripts/testing/jest-global-teardown.ts',
  testTimeout: 60000,
};
