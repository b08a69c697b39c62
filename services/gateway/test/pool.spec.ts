import { Client } from 'pg';
import { testDatabaseUrl, ensureDatabase } from '@lse/testing';
import { createGatewayPool } from '../src/database/pool';

/**
 * Found by the fault test (test/fault): restarting PostgreSQL killed the gateway. An idle pooled
 * connection that the server ends emits 'error' on the pool; with no listener that is an uncaught
 * exception and the process exits.
 */
describe('the gateway pool when PostgreSQL ends its connections', () => {
  it('drops the dead idle connection and serves the next query', async () => {
    await ensureDatabase(testDatabaseUrl());
    const pool = createGatewayPool(testDatabaseUrl(), 2);
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    const admin = new Client({ connectionString: testDatabaseUrl() });
    try {
      const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      expect(pool.idleCount).toBe(1);
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const deadline = Date.now() + 5_000;
      while (pool.totalCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(pool.totalCount).toBe(0);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      for (const l of listeners) process.on('uncaughtException', l);
      await admin.end();
      await pool.end();
    }
  });
});

describe('the gateway pool opens connections without racing its own queries', () => {
  it('plans each execution from the first query, issuing no query of its own on connect (pg: "Calling client.query() when the client is already executing a query")', async () => {
    await ensureDatabase(testDatabaseUrl());
    // What pg warns of (and pg 9 refuses): a query sent while the client still runs another.
    const overlapping: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      const self = this as unknown as { _activeQuery: unknown; queryQueue: unknown[] };
      if (self._activeQuery || self.queryQueue.length > 0) overlapping.push(String(args[0]));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    });
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('options', '-c application_name=lse-pool-test');
    const pool = createGatewayPool(url.toString(), 4);
    try {
      const rows = await Promise.all(
        [1, 2, 3, 4].map(async () => {
          const { rows } = await pool.query<{ plan: string; app: string }>(
            `SELECT current_setting('plan_cache_mode') AS plan, current_setting('application_name') AS app`,
          );
          return rows[0];
        }),
      );
      for (const row of rows) expect(row).toEqual({ plan: 'force_custom_plan', app: 'lse-pool-test' });
      expect(overlapping).toEqual([]);
    } finally {
      spy.mockRestore();
      await pool.end();
    }
  });
});
