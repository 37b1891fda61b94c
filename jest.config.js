// Six Jest projects, one per tier (run with --selectProjects; see package.json and README "Tests"):
//   unit         pure code, no database: src/**/*.spec.ts beside the code, scripts/**/*.spec.ts (npm run test:unit)
//   integration  a real PostgreSQL, no HTTP: catalog, row-level security, SQL functions (test/integration)
//   medium       services with their real providers and repositories on a real PostgreSQL, no HTTP (test/medium)
//   e2e          the contract: GraphQL and HTTP against the real application and database (test/e2e)
//   browser      the reference dashboard in headless Chromium (test/browser, npm run test:browser)
//   faults       real server processes killed and restarted (test/faults, npm run test:faults, after npm run build)
// `npm test` runs unit, integration, medium and e2e; `npm run test:db` integration, medium and e2e.
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
    { ...base, displayName: 'medium', rootDir: '.', testMatch: ['<rootDir>/test/medium/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'] },
    { ...base, displayName: 'browser', rootDir: '.', testMatch: ['<rootDir>/test/browser/**/*.spec.ts'], testTimeout: 120_000 },
    { ...base, displayName: 'faults', rootDir: '.', testMatch: ['<rootDir>/test/faults/**/*.spec.ts'] },
  ],
};
