/**
 * Baselines: raw single-statement INSERTs with pgbench into a table shaped like the event store's
 * events table (libs/event-store/src/postgres/migrations), same indexes and constraints, same
 * payload size. Nothing else: no stream head, no expected-version check, no hash chain. The
 * event-store appends (suites/append.ts) are reported as a ratio of these.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, libpqEnv, prepareBenchDatabase, resetTables, run } from '../db';
import { BenchSettings, defineSuite, Measurement, quantile, sharedSample } from '../harness';
import { benchData, benchMetadata, sqlLiteral } from '../payload';

const SCHEMA = 'bench_raw';
const TABLE = `${SCHEMA}.events`;

const DDL = [
  `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`,
  `CREATE SCHEMA ${SCHEMA}`,
  `CREATE TABLE ${TABLE} (
     global_position bigserial PRIMARY KEY,
     event_id        uuid NOT NULL UNIQUE,
     stream_id       text NOT NULL,
     category        text NOT NULL,
     stream_version  bigint NOT NULL CHECK (stream_version > 0),
     type            text NOT NULL,
     schema_version  integer NOT NULL,
     data            jsonb NOT NULL,
     metadata        jsonb NOT NULL,
     case_id         uuid,
     tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
     recorded_at     timestamptz NOT NULL,
     prev_hash       text NOT NULL,
     hash            text NOT NULL,
     UNIQUE (stream_id, stream_version)
   )`,
  `CREATE INDEX ON ${TABLE} (case_id, global_position) WHERE case_id IS NOT NULL`,
  `CREATE INDEX ON ${TABLE} (tx_id, global_position)`,
];

const COLUMNS =
  'event_id, stream_id, category, stream_version, type, schema_version, data, metadata, case_id, recorded_at, prev_hash, hash';
// pgbench substitutes `:name` only for variables it knows; JSON's `"key":value` is left alone.
const DATA = `${sqlLiteral(JSON.stringify(benchData(1)))}::jsonb`;
const METADATA = `${sqlLiteral(JSON.stringify(benchMetadata('00000000-0000-4000-8000-000000000000')))}::jsonb`;
const HASH = `md5(random()::text) || md5(random()::text)`;

/** One event in its own new stream, autocommit. */
const INSERT1 = `INSERT INTO ${TABLE} (${COLUMNS})
VALUES (gen_random_uuid(), 'bench-' || gen_random_uuid(), 'bench', 1, 'ComplaintReceived', 1,
        ${DATA}, ${METADATA}, gen_random_uuid(), now(), '', ${HASH});
`;

/** Ten events of one new stream in one multi-row INSERT (one transaction). */
const INSERT10 = `INSERT INTO ${TABLE} (${COLUMNS})
SELECT gen_random_uuid(), s.stream_id, 'bench', v, 'ComplaintReceived', 1,
       ${DATA}, ${METADATA}, s.case_id, now(), '', ${HASH}
FROM (SELECT 'bench-' || gen_random_uuid() AS stream_id, gen_random_uuid() AS case_id) s,
     generate_series(1, 10) AS v;
`;

/**
 * The database's share of a cross-service handoff: the cause's commit, then the reaction's commit
 * (two autocommit single-row inserts, one after the other). suites/handoff.ts compares with it.
 */
const HANDOFF = `${INSERT1}${INSERT1}`;
/** Handoffs per second in the raw handoff baseline, as in suites/handoff.ts (issue 8). */
export const HANDOFF_RATE = 500;

let scriptDir: string | undefined;

function pgbenchMeasurement(
  name: string,
  script: 'insert1' | 'insert10',
  clients: number,
  rowsPerTx: number,
): Measurement {
  return {
    name,
    unit: 'rows/s',
    async measure(settings: BenchSettings): Promise<number> {
      if (!scriptDir) throw new Error('pgbench suite not set up');
      await resetTables(settings.databaseUrl, [TABLE]);
      const args = [
        '-n',
        '-c',
        String(clients),
        '-j',
        String(Math.min(2, clients)),
        '-T',
        String(Math.max(1, Math.round(settings.seconds))),
        '-f',
        join(scriptDir, `${script}.sql`),
      ];
      const out = await run('pgbench', args, libpqEnv(settings.databaseUrl));
      const tps = /^tps = ([0-9.]+)/m.exec(out.stdout);
      const failed = /number of failed transactions: (\d+)/.exec(out.stdout);
      if (out.code !== 0 || !tps) {
        throw new Error(
          `pgbench ${args.join(' ')} failed (exit ${out.code}): ${(out.stderr || out.stdout).trim().slice(-800)}`,
        );
      }
      if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} failed transactions`);
      return Number(tps[1]) * rowsPerTx;
    },
  };
}

/**
 * Open loop at HANDOFF_RATE (pgbench -R): the latency of each script counts from when it was due
 * (pgbench's per-transaction log, which includes the schedule lag), sorted ascending, in ms.
 */
async function rawHandoffLatencies(settings: BenchSettings): Promise<number[]> {
  if (!scriptDir) throw new Error('pgbench suite not set up');
  await resetTables(settings.databaseUrl, [TABLE]);
  const logDir = mkdtempSync(join(scriptDir, 'log-'));
  try {
    const args = [
      '-n',
      '-c',
      '4',
      '-j',
      '2',
      '-R',
      String(HANDOFF_RATE),
      '-T',
      String(Math.max(1, Math.round(settings.seconds))),
    ];
    args.push('-l', `--log-prefix=${join(logDir, 'tx')}`, '-f', join(scriptDir, 'handoff.sql'));
    const out = await run('pgbench', args, libpqEnv(settings.databaseUrl));
    if (out.code !== 0) {
      throw new Error(
        `pgbench ${args.join(' ')} failed (exit ${out.code}): ${(out.stderr || out.stdout).trim().slice(-800)}`,
      );
    }
    // client_id transaction_no time_us script_no epoch epoch_us [schedule_lag_us]
    const latencies = readdirSync(logDir).flatMap((f) =>
      readFileSync(join(logDir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => Number(line.split(' ')[2]) / 1000),
    );
    if (latencies.length < HANDOFF_RATE * settings.seconds * 0.5)
      throw new Error(`pgbench logged only ${latencies.length} handoffs`);
    return latencies.sort((a, b) => a - b);
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

const rawHandoff = sharedSample(rawHandoffLatencies);

export default defineSuite({
  name: 'pgbench',
  async setup(settings) {
    await prepareBenchDatabase(settings.databaseUrl);
    await execute(settings.databaseUrl, ...DDL);
    scriptDir = mkdtempSync(join(tmpdir(), 'lse-bench-'));
    writeFileSync(join(scriptDir, 'insert1.sql'), INSERT1);
    writeFileSync(join(scriptDir, 'insert10.sql'), INSERT10);
    writeFileSync(join(scriptDir, 'handoff.sql'), HANDOFF);
  },
  async teardown() {
    if (scriptDir) rmSync(scriptDir, { recursive: true, force: true });
    scriptDir = undefined;
    return Promise.resolve();
  },
  measurements: [
    pgbenchMeasurement('pgbench.insert1.c1', 'insert1', 1, 1),
    pgbenchMeasurement('pgbench.insert1.c16', 'insert1', 16, 1),
    pgbenchMeasurement('pgbench.insert10.c16', 'insert10', 16, 10),
    { name: 'pgbench.handoff.p50', unit: 'ms', measure: rawHandoff('p50', (l) => quantile(l, 0.5)) },
    { name: 'pgbench.handoff.p99', unit: 'ms', measure: rawHandoff('p99', (l) => quantile(l, 0.99)) },
  ],
});
