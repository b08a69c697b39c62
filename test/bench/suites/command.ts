/**
 * The full command path: HTTP -> gateway process -> NATS request/reply -> intake process ->
 * PostgreSQL append, each process started as `npm start` starts it (its own database and
 * nats-server). Only the path's own services run: the other services' reactions to the events
 * (audit's timeline, ...) and their background loops are not the command path, and would make
 * the result depend on how many services exist. The command is "receive a complaint" with a
 * fresh Idempotency-Key, as a client sends it. Compared with raw pgbench single-row inserts at
 * 16 clients from the same run.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { SERVICES } from '../../../scripts/lib/services';
import { caughtUp } from '../../support/checkpoints';
import { RunningSystem, startSystem } from '../../support/system';
import { defineSuite } from '../harness';

/** The services a command passes through. */
export const COMMAND_PATH = SERVICES.filter((s) => s.name === 'intake' || s.name === 'gateway');

let system: RunningSystem | undefined;
let pool: Pool | undefined;
let token = '';
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
const body = JSON.stringify(receiveInput());
const bodyLength = Buffer.byteLength(body);
/** POST /api/v1/complaints on the system's gateway, once it runs. */
let target: URL | undefined;

/**
 * One POST /complaints; resolves with its status, 0 when the connection failed. A request sent
 * on a reused keep-alive socket that the server had just closed is sent again with the same
 * Idempotency-Key, which is what makes the retry of a POST safe.
 */
function receive(key: string = randomUUID(), retry = true): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target!.hostname,
        port: target!.port,
        path: target!.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': bodyLength,
          'idempotency-key': key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(retry && req.reusedSocket ? receive(key, false) : 0));
    req.end(body);
  });
}

/** Closed loop: `clients` callers each send the next command when the last one answered. */
async function saturation(seconds: number, clients = 48): Promise<number> {
  let ok = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        if ((await receive()) === 201) ok++;
        else failed++;
      }
    }),
  );
  if (failed > ok / 100) throw new Error(`${failed} of ${ok + failed} commands failed`);
  return ok / ((performance.now() - start) / 1000);
}

/**
 * Open loop at a fixed rate: request i is due at start + i/rate, and its latency counts from
 * when it was due, so a stall delays (and is charged to) every request behind it. Between sends
 * the driver sleeps until the next one is due (timers fire at most about a millisecond late,
 * and that lateness is charged too); it used to poll with setImmediate, which kept one of the
 * machine's two cores busy doing nothing, taken from the services being measured.
 */
async function latencies(seconds: number, rate: number): Promise<number[]> {
  const total = Math.round(seconds * rate);
  const results: Array<Promise<number>> = [];
  const start = performance.now() + 50;
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + (next * 1000) / rate <= now) {
      const due = start + (next * 1000) / rate;
      results.push(receive().then((status) => (status === 201 ? performance.now() - due : Number.NaN)));
      next++;
    }
    if (next < total) await sleepUntil(start + (next * 1000) / rate);
  }
  const all = await Promise.all(results);
  const failed = all.filter(Number.isNaN).length;
  if (failed > total / 100) throw new Error(`${failed} of ${total} commands failed at ${rate}/s`);
  return all.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
}

/** Resolves at `due` (performance.now() time), or on the next turn when it has passed. */
export const sleepUntil = (due: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));

/**
 * Waits until intake's projection and relay have applied every event: a run at 1,000 commands/s
 * leaves thousands of events for them to catch up on after its last reply, work that would
 * otherwise be charged to whichever measurement comes next. (It was not what made each run slower
 * than the one before: that was the gateway's idempotency table being scanned whole, ded82e5.)
 */
const settled = () => caughtUp(pool!, 120_000);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export default defineSuite({
  name: 'command',
  async setup() {
    system = await startSystem(COMMAND_PATH, { checkContract: false });
    pool = new Pool({ connectionString: system.databaseUrl, max: 1 });
    target = new URL(`${system.gatewayUrl}/api/v1/complaints`);
    token = await mintDevToken({ roles: ['intake_officer'], sub: 'bench' });
    await saturation(1, 16); // warm up connections, JIT and statement plans
  },
  async teardown() {
    agent.destroy();
    await pool?.end();
    await system?.stop();
  },
  measurements: [
    {
      name: 'command.saturation',
      unit: 'commands/s',
      baseline: 'pgbench.insert1.c16',
      measure: async (s) => {
        await settled();
        return saturation(s.seconds);
      },
    },
    {
      name: 'command.p50.at1000',
      unit: 'ms',
      measure: async (s) => {
        await settled();
        return quantile(await latencies(s.seconds, 1000), 0.5);
      },
    },
    {
      name: 'command.p99.at1000',
      unit: 'ms',
      measure: async (s) => {
        await settled();
        return quantile(await latencies(s.seconds, 1000), 0.99);
      },
    },
  ],
  goals: [
    { name: 'command.saturation', minRatio: 0.12, source: 'issue 3' },
    { name: 'command.p99.at1000', maxValue: 25, source: 'issue 3' },
  ],
});
