/**
 * One jest run covers every library, service and cross-service suite in tiers (projects):
 * "unit", the suites that need no PostgreSQL, NATS or other process; "workbench", the
 * workbench's component tests in jsdom (`npm run test:unit` runs these two); "server", the
 * suites on the real PostgreSQL and NATS; "browser", the whole system driven through the
 * workbench in headless Chromium (`npm run test:browser`). `npm test` runs them all.
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

/**
 * The unit tier, by what each suite touches: pure domain (deciders, contracts, wage rules) and
 * pure helpers of the services. Its environment (test/support/unit-environment.js) refuses any
 * connection other than to the suite's own in-process server and any child process, so a suite
 * listed here that reaches PostgreSQL or NATS fails saying so. A new suite of these folders is a
 * unit suite; one elsewhere that needs neither goes here by name.
 */
const UNIT_SUITES = [
  'libs/contracts/**/*.spec.ts',
  'libs/domain/**/*.spec.ts',
  'libs/wage-rules/**/*.spec.ts',
  'libs/hours-csv/**/*.spec.ts',
  'libs/canonical-json/**/*.spec.ts',
  'libs/crypto-shred/test/seal.spec.ts',
  'libs/crypto-shred/test/erased-error.spec.ts',
  'libs/crypto-shred/test/narrative.spec.ts',
  'services/*/domain/**/*.spec.ts',
  'libs/service-kit/test/{interval-task,problems,field-errors}.spec.ts',
  'libs/service-kit/test/request-logging.spec.ts',
  'libs/testing/src/eventually.spec.ts',
  'services/audit/src/replay/replayers.spec.ts',
  'services/audit/test/clock-view.spec.ts',
  'services/collections/test/statements-html.spec.ts',
  'services/gateway/test/{fingerprint,http-helpers,rate-limit,record-access}.spec.ts',
  'services/intake/src/read-models/employer-index/normalize.spec.ts',
  'services/investigation/test/{hours,trace-page}.spec.ts',
  'services/partners/src/reactions/milestones.spec.ts',
  'test/bench/harness.spec.ts',
  'test/scripts/{start-workbench,architecture-doc,file-size}.spec.ts',
  'test/security/{authorization-coverage,body-depth}.spec.ts',
  'test/support/{contract,unit-environment}.spec.ts',
];

const typescript = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fault/long/', '<rootDir>/test/browser/'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      testEnvironment: '<rootDir>/test/support/unit-environment.js',
      testMatch: UNIT_SUITES.map((glob) => `<rootDir>/${glob}`),
    },
    {
      // Suites on the real PostgreSQL and NATS (private schemas, private nats-servers, systems).
      ...typescript,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/{libs,services,test}/**/*.spec.ts',
        // Jest replaces <rootDir> only at the start of a glob, so the negations spell it out.
        ...UNIT_SUITES.map((glob) => `!${__dirname}/${glob}`),
      ],
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
