/**
 * `npm run test:fault`: the long fault run. Prints progress and the counts, exits 1 on any problem.
 * FAULT_CYCLES (default 1000), FAULT_SEED, FAULT_CONCURRENCY, FAULT_NATS_OUTAGE_MS (default 30000).
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { runCampaign, summary } from './campaign';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

async function main(): Promise<void> {
  const seed = num('FAULT_SEED', Date.now() % 1_000_000);
  const cycles = num('FAULT_CYCLES', 1000);
  process.stdout.write(`fault run: ${cycles} kill cycles, seed ${seed}\n`);
  // Ctrl-C or SIGTERM ends the cycles early; the checker still runs on what was done.
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stdout.write(`${signal}: ending the fault cycles, then checking\n`);
      abort.abort();
    });
  const report = await runCampaign({
    cycles,
    seed,
    concurrency: num('FAULT_CONCURRENCY', 4),
    redeliverEvery: num('FAULT_REDELIVER_EVERY', 5),
    holdEvery: num('FAULT_HOLD_EVERY', 7),
    holdMs: num('FAULT_HOLD_MS', 2_000),
    longNatsOutageMs: num('FAULT_NATS_OUTAGE_MS', 30_000),
    convergeMs: num('FAULT_CONVERGE_MS', 120_000),
    signal: abort.signal,
    log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
  });
  process.stdout.write(`\n${summary(report)}\n`);
  process.exitCode = report.problems.length ? 1 : 0;
}

main().catch((err: Error) => {
  process.stderr.write(`fault run failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
