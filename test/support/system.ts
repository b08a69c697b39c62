import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freePort, PrivateNats, startPrivateNats, testDatabaseUrl } from '@lse/testing';
import { migrateAll } from '../../scripts/migrate';
import { localAuthEnv, SERVICES, ServiceSpec } from '../../scripts/lib/services';
import { Supervisor } from '../../scripts/lib/supervisor';
import { startRecordingProxy, type ContractChecker } from './contract';

export interface RunningSystem {
  /**
   * Where clients send requests: the contract-checking proxy in front of the gateway, or the
   * gateway itself with `checkContract: false`.
   */
  gatewayUrl: string;
  /** The gateway's own address (bypasses the contract check: for probes the document omits). */
  directGatewayUrl: string;
  /** Every response seen so far against services/gateway/openapi.json (with checkContract). */
  contract?: ContractChecker;
  databaseUrl: string;
  nats: PrivateNats;
  supervisor: Supervisor;
  /** Recent output lines per service, for diagnosing a failure. */
  logs: Map<string, string[]>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  /**
   * Put the contract check in front of the gateway (default): every response a client receives
   * is checked against services/gateway/openapi.json, and `stop()` fails on any mismatch or when
   * no response was checked at all. Benchmarks and the fuzz/authorization suites (which send what
   * the document rules out on purpose) turn it off.
   */
  checkContract?: boolean;
}

/**
 * The whole system as `npm start` runs it (every service its own process), on a database and a
 * nats-server of its own, so an end-to-end suite neither sees nor disturbs anything else.
 */
export async function startSystem(
  services: readonly ServiceSpec[] = SERVICES,
  options: SystemOptions = {},
): Promise<RunningSystem> {
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
  const directGatewayUrl = supervisor.url('gateway');
  const proxy = options.checkContract === false ? undefined : await startRecordingProxy(directGatewayUrl);
  return {
    gatewayUrl: proxy?.url ?? directGatewayUrl,
    directGatewayUrl,
    contract: proxy?.checker,
    databaseUrl,
    nats,
    supervisor,
    logs,
    async stop() {
      await proxy?.close();
      await supervisor.stopAll();
      await nats.stop();
      await dropDatabase(databaseUrl, dbName);
      if (proxy) {
        process.stdout.write(`contract: ${proxy.checker.count} responses checked against openapi.json\n`);
        proxy.checker.assertClean();
      }
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
