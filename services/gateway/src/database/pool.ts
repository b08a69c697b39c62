import { Logger } from '@nestjs/common';
import { Pool } from 'pg';

/** The gateway's only state is its idempotency table; this pool reaches it. */
export const GATEWAY_POOL = Symbol('GATEWAY_POOL');

export function createGatewayPool(url: string, max: number): Pool {
  // Short connect timeout: readiness and idempotency must fail fast, not hang, when PostgreSQL is down.
  const pool = new Pool({ ...planEachExecution(url), max, connectionTimeoutMillis: 2000 });
  // An idle connection ended by the server (a restart, a failover) is an 'error' on the pool; with
  // no listener that is an uncaught exception that takes the gateway down. The pool has already
  // dropped the connection and opens a new one on the next query.
  const logger = new Logger('GatewayPool');
  pool.on('error', (err) =>
    logger.warn({ code: (err as { code?: string }).code }, 'idle database connection lost'),
  );
  return pool;
}

/**
 * Named statements are still parsed once per connection, but planned for each execution with its
 * values: a generic plan made while a table was nearly empty (a sequential scan) would otherwise be
 * kept for the life of the connection as the table grows.
 *
 * The setting travels in the connection's startup packet (`options`), so it is in force before
 * the pool hands the connection out. (It used to be a `SET` sent on the pool's 'connect' event,
 * unawaited: the pool's first query then went on the same client while the SET was still
 * running, which pg warns of, "Calling client.query() when the client is already executing a
 * query", and pg 9 refuses.) `options` given in DATABASE_URL (e.g. a search_path) are kept: pg
 * lets the URL's `options` override the configured ones, so they are merged here and taken out of
 * the URL.
 */
export function planEachExecution(
  url: string,
  options?: string,
): { connectionString: string; options: string } {
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return {
    connectionString: parsed.toString(),
    options: [fromUrl, options, '-c plan_cache_mode=force_custom_plan'].filter(Boolean).join(' '),
  };
}
