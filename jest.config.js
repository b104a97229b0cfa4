/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 60000,
  // fast-check's seed (FC_SEED to replay a failure) and fresh builder IDs before each test.
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
};
