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
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{libs,services,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fault/long/'],
  // 2 cores: suites talk to real PostgreSQL and NATS, two workers keep them busy without thrashing.
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  testTimeout: 30000,
};
