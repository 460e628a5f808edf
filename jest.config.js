/** Tests sit beside their sources; SWC strips types (tsc checks them in `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdktf.out/', '/clusters/', '/.tfcheck/', '/.cache/'],
  modulePathIgnorePatterns: ['/cdktf.out/', '/.tfcheck/', '/.cache/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
};
