/** Three tiers: unit (pure, beside the code), integration (real PostgreSQL), e2e (GraphQL over HTTP). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};
module.exports = {
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      rootDir: '.',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
    },
    { ...base, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
    // Real processes killed and restarted; run by `npm run test:faults` (needs `npm run build` first).
    // The reference dashboard in headless Chromium; run by `npm run test:browser`.
    { ...base, displayName: 'browser', rootDir: '.', testMatch: ['<rootDir>/test/browser/**/*.spec.ts'], testTimeout: 120_000 },
    { ...base, displayName: 'faults', rootDir: '.', testMatch: ['<rootDir>/test/faults/**/*.spec.ts'] },
  ],
};
