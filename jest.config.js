/** Tests sit beside their sources; SWC strips types (tsc checks them in `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/environments', '<rootDir>/terraform', '<rootDir>/apps', '<rootDir>/scripts', '<rootDir>/policies'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdktf.out/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
};
