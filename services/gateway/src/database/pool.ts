import { Pool } from 'pg';

/** The gateway's only state is its idempotency table; this pool reaches it. */
export const GATEWAY_POOL = Symbol('GATEWAY_POOL');

export function createGatewayPool(url: string, max: number): Pool {
  // Short connect timeout: readiness and idempotency must fail fast, not hang, when PostgreSQL is down.
  return new Pool({ connectionString: url, max, connectionTimeoutMillis: 2000 });
}
