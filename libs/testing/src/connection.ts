/**
 * Connection settings for tests, scripts and services: environment first, this machine's local
 * services otherwise. Nothing here is mocked; suites talk to the real PostgreSQL and NATS.
 */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/lse';
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/lse_test';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Tests use their own database so that a developer's data is never touched. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export function natsUrl(): string {
  return process.env.NATS_URL ?? DEFAULT_NATS_URL;
}
