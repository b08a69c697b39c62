import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freePort, PrivateNats, startPrivateNats, testDatabaseUrl } from '@lse/testing';
import { migrateAll } from '../../scripts/migrate';
import { localAuthEnv, SERVICES, ServiceSpec } from '../../scripts/lib/services';
import { Supervisor } from '../../scripts/lib/supervisor';
import { PrivatePostgres, startPrivatePostgres } from '../support/private-postgres';

export interface FaultSystem {
  gatewayUrl: string;
  databaseUrl: string;
  services: readonly ServiceSpec[];
  nats: PrivateNats;
  /** Undefined when no PostgreSQL server binaries are installed: then no PostgreSQL restarts. */
  postgres?: PrivatePostgres;
  supervisor: Supervisor;
  logs: Map<string, string[]>;
  /** Exits nobody asked for (a service that died by itself after a fault), with a tail of its log. */
  unexpectedExits: string[];
  /** kill -9 the service's process and start it again; resolves once it is ready. */
  crash(service: string, options?: { waitReady?: boolean }): Promise<void>;
  tail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * Every service its own process (as `npm start` runs them) on a nats-server and, when the server
 * binaries are installed, a PostgreSQL cluster of the test's own: both get killed during the run,
 * and the shared ones must never be.
 */
export async function startFaultSystem(
  options: { services?: readonly ServiceSpec[]; privatePostgres?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<FaultSystem> {
  const services = options.services ?? SERVICES;
  const postgres = options.privatePostgres === false ? undefined : await startPrivatePostgres();
  const base = new URL(postgres?.url ?? testDatabaseUrl());
  const dbName = `lse_fault_${randomBytes(4).toString('hex')}`;
  base.pathname = `/${dbName}`;
  const databaseUrl = base.toString();
  await migrateAll(databaseUrl);
  const nats = await startPrivateNats();
  const ports: Record<string, number> = {};
  for (const s of services) ports[s.name] = await freePort();
  const logs = new Map<string, string[]>();
  const unexpectedExits: string[] = [];
  const killing = new Set<string>();
  let stopping = false;
  const supervisor = new Supervisor({
    services,
    env: {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
      ...localAuthEnv(),
      ...options.env,
    },
    ports,
    onExit: (service, code, signal) => {
      if (stopping || killing.delete(service)) return;
      const last = (logs.get(service) ?? []).slice(-40).join('\n');
      unexpectedExits.push(`${service} exited (code ${code}, signal ${signal})\n${last}`);
    },
    output: (service, line) => {
      const lines = logs.get(service) ?? [];
      lines.push(line);
      if (lines.length > 300) lines.shift();
      logs.set(service, lines);
    },
  });
  const tail = (n = 15) => [...logs].map(([s, l]) => `--- ${s}\n${l.slice(-n).join('\n')}`).join('\n');
  // If this process dies without stop() (a crash, Ctrl-C), take the services, nats-server and the
  // private cluster down with it rather than leave them running.
  const emergencyStop = () => {
    for (const service of supervisor.services.values()) service.child?.kill('SIGKILL');
    nats.kill();
    postgres?.stopNow();
  };
  process.once('exit', emergencyStop);
  const teardown = async () => {
    process.removeListener('exit', emergencyStop);
    stopping = true;
    await supervisor.stopAll();
    await nats.stop();
    if (postgres) await postgres.stop();
    else await dropDatabase(databaseUrl, dbName);
  };
  try {
    await supervisor.startAll(120_000);
  } catch (err) {
    const message = `${(err as Error).message}\n${tail()}`;
    await teardown();
    throw new Error(message);
  }
  return {
    gatewayUrl: supervisor.url('gateway'),
    databaseUrl,
    services,
    nats,
    postgres,
    supervisor,
    logs,
    unexpectedExits,
    tail,
    async crash(service, { waitReady = true } = {}) {
      const child = supervisor.services.get(service)?.child;
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        killing.add(service);
        supervisor.kill(service);
        await exited;
      }
      supervisor.start(service);
      if (waitReady) await supervisor.waitReady(service, 120_000);
    },
    stop: teardown,
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
