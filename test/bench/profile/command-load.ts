/**
 * Load for profiling the command path (not a bench suite): starts gateway and intake as the
 * command bench does (ALL_SERVICES=1: every service), warms up, then sends POST /complaints
 * closed-loop from N clients or open-loop at a rate, and prints throughput, latencies, CPU
 * milliseconds per command of each of the system's own processes (proc-cpu.ts: its services, its
 * nats-server, its database's PostgreSQL backends, this driver; other work on the machine is not
 * counted), PostgreSQL commits and rows per command, and whether the projector and relay kept up.
 *
 *   node -r @swc-node/register test/bench/profile/command-load.ts [clients | rate/s] [seconds]
 *
 * With PROFILE=1 and NODE_OPTIONS="--require ./test/bench/profile/cpu-profile.js" each service
 * writes <name>.cpuprofile for the measured window (PROFILE_DIR, default the working directory).
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { startSystem } from '../../support/system';
import { COMMAND_PATH, sleepUntil } from '../suites/command';
import { cpuWindow, findPid } from './proc-cpu';

const agent = new Agent({ keepAlive: true, maxSockets: 128 });
const body = JSON.stringify(receiveInput());

async function main() {
  const arg = process.argv[2] ?? '48';
  const seconds = Number(process.argv[3] ?? 10);
  const system = await startSystem(process.env.ALL_SERVICES ? undefined : COMMAND_PATH, {
    checkContract: false,
  });
  const token = await mintDevToken({ roles: ['intake_officer'], sub: 'bench' });
  const url = new URL(`${system.gatewayUrl}/api/v1/complaints`);
  const receive = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': randomUUID(),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const closed = async (clients: number, secs: number) => {
    const lat: number[] = [];
    let failed = 0;
    const start = performance.now();
    const deadline = start + secs * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const t = performance.now();
          if ((await receive()) === 201) lat.push(performance.now() - t);
          else failed++;
        }
      }),
    );
    return {
      rate: lat.length / ((performance.now() - start) / 1000),
      lat: lat.sort((a, b) => a - b),
      failed,
    };
  };
  const open = async (rate: number, secs: number) => {
    const total = Math.round(secs * rate);
    const results: Array<Promise<number>> = [];
    const start = performance.now() + 50;
    let next = 0;
    while (next < total) {
      const now = performance.now();
      while (next < total && start + (next * 1000) / rate <= now) {
        const due = start + (next * 1000) / rate;
        results.push(receive().then((s) => (s === 201 ? performance.now() - due : Number.NaN)));
        next++;
      }
      if (next < total) await sleepUntil(start + (next * 1000) / rate);
    }
    const all = await Promise.all(results);
    const lat = all.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    return { rate: lat.length / secs, lat, failed: all.length - lat.length };
  };
  const services = [...system.supervisor.services.entries()].map(
    ([name, s]) => [name, s.child?.pid] as const,
  );
  const pids = services.map(([, pid]) => pid).filter(Boolean) as number[];
  const roles: Record<string, number | undefined> = {
    ...Object.fromEntries(services),
    'nats-server': findPid(new RegExp(`nats-server .*-p ${system.nats.port} `)),
    driver: process.pid,
  };
  const { Pool } = await import('pg');
  const stats = new Pool({ connectionString: system.databaseUrl, max: 1 });
  const cpu = cpuWindow({
    processes: roles,
    pool: stats,
    database: new URL(system.databaseUrl).pathname.slice(1),
  });
  try {
    await closed(16, 2);
    if (process.env.IDLE_MS) await new Promise((res) => setTimeout(res, Number(process.env.IDLE_MS)));
    if (process.env.PROFILE) for (const p of pids) process.kill(p, 'SIGUSR2');
    const dbStats = async () => {
      const { Client } = await import('pg');
      const c = new Client({ connectionString: system.databaseUrl });
      await c.connect();
      const { rows } = await c.query<{ xact_commit: string; tup_inserted: string; tup_updated: string }>(
        'SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = current_database()',
      );
      await c.end();
      return rows[0];
    };
    const db0 = await dbStats();
    for (let i = 1; i < Number(process.env.REPEAT ?? 1); i++) {
      const r0 = arg.endsWith('/s')
        ? await open(Number(arg.slice(0, -2)), seconds)
        : await closed(Number(arg), seconds);
      process.stdout.write(
        `pass ${i}: ${r0.rate.toFixed(0)}/s, p50 ${r0.lat[Math.floor(r0.lat.length / 2)]?.toFixed(1)} ms\n`,
      );
    }
    await cpu.start();
    const r = arg.endsWith('/s')
      ? await open(Number(arg.slice(0, -2)), seconds)
      : await closed(Number(arg), seconds);
    if (process.env.PROFILE) {
      for (const p of pids) process.kill(p, 'SIGUSR2');
      await new Promise((res) => setTimeout(res, 1500));
    }
    const used = await cpu.stop(r.lat.length);
    await new Promise((res) => setTimeout(res, 600)); // stats are reported by backends every 500 ms
    const db1 = await dbStats();
    const per = (k: keyof typeof db0) => ((Number(db1[k]) - Number(db0[k])) / r.lat.length).toFixed(2);
    {
      const { Client } = await import('pg');
      const c = new Client({ connectionString: system.databaseUrl });
      await c.connect();
      const q = async (sql: string) => (await c.query<{ n: string }>(sql)).rows[0]?.n;
      process.stdout.write(
        `events ${await q('SELECT count(*)::text AS n FROM event_store.events')}, queue rows ${await q('SELECT count(*)::text AS n FROM intake.complaint_queue')}, ` +
          `relay at ${await q('SELECT position::text AS n FROM intake.relay_checkpoints')} of ${await q('SELECT max(global_position)::text AS n FROM event_store.events')}\n`,
      );
      await c.end();
    }
    process.stdout.write(
      `db per command: commits ${per('xact_commit')}, inserted ${per('tup_inserted')}, updated ${per('tup_updated')}\n`,
    );
    process.stdout.write(`cpu ms per command: ${used.text}\n`);
    const q = (x: number) => r.lat[Math.min(r.lat.length - 1, Math.floor(x * r.lat.length))]?.toFixed(1);
    process.stdout.write(
      `${arg} ${seconds}s: ${r.rate.toFixed(0)}/s ok, failed ${r.failed}, p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)} ms\n`,
    );
  } finally {
    await stats.end();
    agent.destroy();
    await system.stop();
  }
}
void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
