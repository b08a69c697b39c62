import { Logger } from '@nestjs/common';
import { Pool } from 'pg';

/** The gateway's only state is its idempotency table; this pool reaches it. */
export const GATEWAY_POOL = Symbol('GATEWAY_POOL');

export function createGatewayPool(url: string, max: number): Pool {
  // Short connect timeout: readiness and idempotency must fail fast, not hang, when PostgreSQL is down.
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 2000 });
  planEachExecution(pool);
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
 * kept for the life of the connection as the table grows. Set on connect rather than in the
 * connection options, which a DATABASE_URL may carry (e.g. a search_path).
 */
export function planEachExecution(pool: Pool): void {
  pool.on('connect', (client) => {
    // Queued ahead of the first query the pool hands this client; a failure surfaces on that query.
    client.query('SET plan_cache_mode = force_custom_plan').catch(() => undefined);
  });
}
