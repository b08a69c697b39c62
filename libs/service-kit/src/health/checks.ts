import type { HealthCheck } from './health-registry';

/** PostgreSQL answers a trivial query. */
export function postgresCheck(pool: { query(sql: string): Promise<unknown> }): HealthCheck {
  return async () => {
    await pool.query('SELECT 1');
  };
}

/** The parts of a nats.js connection a readiness check needs. */
export interface NatsConnectionLike {
  isClosed(): boolean;
  flush(): Promise<void>;
}

/**
 * The NATS connection is open and the server answers a round trip (`flush` is a PING/PONG).
 * `connection` may connect lazily and may reject when the server cannot be reached.
 */
export function natsCheck(
  connection: () => NatsConnectionLike | undefined | Promise<NatsConnectionLike | undefined>,
): HealthCheck {
  return async () => {
    const nc = await connection();
    if (!nc) throw new Error('not connected');
    if (nc.isClosed()) throw new Error('connection closed');
    await nc.flush();
  };
}
