/**
 * One jest run covers every library, service and cross-service suite (project "server"), the
 * workbench's component tests in jsdom (project "workbench") and the browser tests against the
 * whole system in headless Chromium (project "browser"; `npm run test:browser` runs it alone).
 */
// NestJS 12 ships only ES modules. Node 24 require()s them, and so does Jest 30.5 inside its
// module registry, but only with vm.SourceTextModule, which Node keeps behind a flag.
if (typeof require('node:vm').SourceTextModule !== 'function') {
  throw new Error(
    'Jest needs node --experimental-vm-modules here (NestJS 12 is ES modules only): ' +
      'run `npm test`, or `npm run jest -- <paths or options>`.',
  );
}
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** The workbench's React components: TSX with the automatic JSX runtime. */
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'server',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/{libs,services,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fault/long/', '<rootDir>/test/browser/'],
    },
    {
      // Component tests (Testing Library) in jsdom; fetch is mocked there, nothing else is.
      displayName: 'workbench',
      rootDir: __dirname,
      testEnvironment: '<rootDir>/apps/workbench/test/support/jsdom-environment.js',
      transform: { '^.+\\.tsx?$': swcTsx },
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      moduleNameMapper: { '\\.(s?css)$': '<rootDir>/apps/workbench/test/support/style-stub.js' },
      setupFiles: ['<rootDir>/apps/workbench/test/support/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/workbench/test/support/after-env.ts'],
      testMatch: ['<rootDir>/apps/workbench/test/**/*.spec.{ts,tsx}'],
    },
    {
      // The whole system as `npm start` runs it, driven through the workbench in headless Chromium.
      displayName: 'browser',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
      // Builds apps/workbench/dist once when it is missing or older than the app's sources.
      globalSetup: '<rootDir>/test/browser/support/build-workbench.ts',
    },
  ],
  // 2 cores: suites talk to real PostgreSQL and NATS, two workers keep them busy without thrashing.
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  testTimeout: 30000,
};
