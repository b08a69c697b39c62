/** One jest run covers every library, service and cross-service suite. */
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

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // jose ships only as an ES module; Jest's registry cannot require() ESM on Node 20, so it is compiled too.
  transform: { '^.+\\.(ts|js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{libs,services,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fault/long/'],
  // 2 cores: suites talk to real PostgreSQL and NATS, two workers keep them busy without thrashing.
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  testTimeout: 30000,
};
