import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freePort, PrivateNats, startPrivateNats, testDatabaseUrl } from '@lse/testing';
import { migrateAll } from '../../scripts/migrate';
import { localAuthEnv, SERVICES, ServiceSpec } from '../../scripts/lib/services';
import { Supervisor } from '../../scripts/lib/supervisor';

export interface RunningSystem {
  gatewayUrl: string;
  databaseUrl: string;
  nats: PrivateNats;
  supervisor: Supervisor;
  /** Recent output lines per service, for diagnosing a failure. */
  logs: Map<string, string[]>;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it (every service its own process), on a database and a
 * nats-server of its own, so an end-to-end suite neither sees nor disturbs anything else.
 */
export async function startSystem(services: readonly ServiceSpec[] = SERVICES): Promise<RunningSystem> {
  const base = new URL(testDatabaseUrl());
  const dbName = `lse_e2e_${randomBytes(4).toString('hex')}`;
  base.pathname = `/${dbName}`;
  const databaseUrl = base.toString();
  await migrateAll(databaseUrl);
  const nats = await startPrivateNats();
  const ports: Record<string, number> = {};
  for (const s of services) ports[s.name] = await freePort();
  const logs = new Map<string, string[]>();
  const supervisor = new Supervisor({
    services,
    env: {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      ...localAuthEnv(),
    },
    ports,
    output: (service, line) => {
      const lines = logs.get(service) ?? [];
      lines.push(line);
      if (lines.length > 200) lines.shift();
      logs.set(service, lines);
    },
  });
  try {
    await supervisor.startAll();
  } catch (err) {
    await supervisor.stopAll();
    await nats.stop();
    const tail = [...logs].map(([s, l]) => `--- ${s}\n${l.slice(-20).join('\n')}`).join('\n');
    throw new Error(`${(err as Error).message}\n${tail}`);
  }
  return {
    gatewayUrl: supervisor.url('gateway'),
    databaseUrl,
    nats,
    supervisor,
    logs,
    async stop() {
      await supervisor.stopAll();
      await nats.stop();
      await dropDatabase(databaseUrl, dbName);
    },
  };
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
