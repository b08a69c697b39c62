import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';

/**
 * Checks that PostgreSQL and NATS with JetStream answer before anything starts, and says what to
 * start and how when one does not: a clear message instead of a stack of connection errors.
 */
export async function preflight(databaseUrl: string, natsUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    problems.push(
      `PostgreSQL is not reachable at ${admin.host} (${(err as Error).message}).\n` +
        `  Start it with:  npm run services:up   (or: pg_ctlcluster --skip-systemctl-redirect 15 main start)\n` +
        `  or point DATABASE_URL at a running server.`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    // transport-node re-exports its types from a subpath that node resolution cannot follow.
    const nc = (await connect({ servers: natsUrl, timeout: 3_000, reconnect: false })) as NatsConnection;
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
    } catch {
      problems.push(`NATS at ${natsUrl} answers but JetStream is off: restart nats-server with -js.`);
    } finally {
      await nc.close();
    }
  } catch (err) {
    problems.push(
      `NATS is not reachable at ${natsUrl} (${(err as Error).message}).\n` +
        `  Start it with:  npm run services:up   (or: nats-server -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server)\n` +
        `  or point NATS_URL at a running server.`,
    );
  }
  return problems;
}
