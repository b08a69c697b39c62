/**
 * `npm run bench -- [--only <prefix>] [--runs N] [--seconds S] [--list]`
 *
 * Loads every suite in test/bench/suites/, runs the selected measurements `runs` times each,
 * suite by suite (one suite's system up at a time; baselines next to what they are compared with,
 * see groupBySuite), prints a table of medians with goals and writes bench/results/latest.json.
 * See harness.ts for how to add a suite.
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchDatabaseUrl, prepareBenchDatabase, serverVersion, settle } from './db';
import {
  BenchSettings,
  formatNumber,
  formatTable,
  groupBySuite,
  evaluateGoal,
  Goal,
  GoalVerdict,
  judgeGoal,
  HelpRequested,
  Measurement,
  parseArgs,
  selectMeasurements,
  summarize,
  Suite,
  USAGE,
} from './harness';

const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'bench/results/latest.json');

function loadSuites(): Suite[] {
  const dir = join(__dirname, 'suites');
  return readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.spec.ts'))
    .sort()
    .map((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(dir, f)) as { default?: Suite };
      if (!mod.default?.measurements) throw new Error(`suites/${f} has no default export from defineSuite()`);
      return mod.default;
    });
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof HelpRequested) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const suites = loadSuites();
  const suiteOf = new Map<Measurement, Suite>();
  for (const s of suites) for (const m of s.measurements) suiteOf.set(m, s);
  const all = suites.flatMap((s) => s.measurements);
  if (options.list) {
    for (const m of all)
      process.stdout.write(`${m.name}  (${m.unit}${m.baseline ? `, baseline ${m.baseline}` : ''})\n`);
    return 0;
  }

  let selected: Measurement[];
  try {
    selected = selectMeasurements(all, options.only);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const settings: BenchSettings = {
    runs: options.runs,
    seconds: options.seconds,
    databaseUrl: benchDatabaseUrl(),
  };
  await prepareBenchDatabase(settings.databaseUrl);
  const postgres = await serverVersion(settings.databaseUrl);
  const loadAtStart = loadavg();
  const estimate = Math.round(selected.length * settings.runs * (settings.seconds + 1));
  log(
    `bench: ${selected.map((m) => m.name).join(', ')}\n` +
      `       ${settings.runs} run(s) x ${settings.seconds}s each, about ${estimate}s; PostgreSQL ${postgres}, ${cpus().length} cores, Node ${process.version}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const samples = new Map<string, number[]>();
  const failures = new Map<string, string>();
  const active: Suite[] = [];
  let exitCode = 0;
  const groups = groupBySuite(selected, (m) => suiteOf.get(m)!);
  const setUp = async (suite: Suite): Promise<void> => {
    if (active.includes(suite) || failedSetup.has(suite)) return;
    try {
      await suite.setup?.(settings);
      active.push(suite);
    } catch (err) {
      failedSetup.add(suite);
      for (const m of suite.measurements)
        failures.set(m.name, `setup of suite ${suite.name} failed: ${String(err)}`);
      log(`suite ${suite.name}: setup failed: ${(err as Error).stack ?? String(err)}`);
      // Whatever the setup started before it failed (processes, databases) is stopped too.
      await suite
        .teardown?.()
        .catch((e: unknown) => log(`suite ${suite.name}: teardown failed: ${String(e)}`));
    }
  };
  const tearDown = async (suite: Suite): Promise<void> => {
    active.splice(active.indexOf(suite), 1);
    await suite
      .teardown?.()
      .catch((err: unknown) => log(`suite ${suite.name}: teardown failed: ${String(err)}`));
  };
  const failedSetup = new Set<Suite>();
  // Ctrl-C or a kill: stop the suites' systems (service processes, nats-servers) before exiting.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`bench: ${signal}, stopping ${active.map((s) => s.name).join(', ') || 'nothing'}`);
    stopping = Promise.all([...active].reverse().map((s) => tearDown(s)));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const [g, group] of groups.entries()) {
      if (stopping) break;
      for (const m of group.measurements) await setUp(suiteOf.get(m)!);
      const waited = await settle(settings.databaseUrl);
      if (waited > 1000) log(`  (waited ${(waited / 1000).toFixed(1)} s for PostgreSQL to go idle)`);
      for (let r = 1; r <= settings.runs; r++) {
        for (const m of group.measurements) {
          if (failures.has(m.name) || stopping) continue;
          try {
            const value = await m.measure(settings);
            samples.set(m.name, [...(samples.get(m.name) ?? []), value]);
            log(
              `  run ${r}/${settings.runs}  ${m.name.padEnd(24)} ${formatNumber(value).padStart(12)} ${m.unit}`,
            );
          } catch (err) {
            failures.set(m.name, String(err));
            log(
              `  run ${r}/${settings.runs}  ${m.name.padEnd(24)} FAILED: ${(err as Error).stack ?? String(err)}`,
            );
          }
        }
      }
      // Take down what no later group measures with (a system of processes, pools, seeded data).
      const later = new Set(groups.slice(g + 1).flatMap((x) => x.measurements.map((m) => suiteOf.get(m)!)));
      for (const suite of [...active].reverse()) if (!later.has(suite)) await tearDown(suite);
    }
  } finally {
    for (const suite of [...active].reverse()) await tearDown(suite);
  }

  const complete = selected.filter((m) => !failures.has(m.name));
  const results = summarize(complete, samples);
  const goals: Goal[] = suites.flatMap((s) => s.goals ?? []);
  const verdicts = goals.flatMap((g) => evaluateGoal(g, results) ?? []);
  const goalCell = (name: string): string =>
    verdicts
      .filter((v: GoalVerdict) => v.name === name)
      .map((v) => `${v.goal}: ${v.met ? 'pass' : 'MISS'}`)
      .join('; ');
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    r.baseline ? `${r.baseline} (${formatNumber(r.baselineValue ?? NaN)})` : '',
    r.ratio === null ? '' : r.ratio.toFixed(2),
    goalCell(r.name),
  ]);
  process.stdout.write(
    `\nmedian of ${settings.runs} run(s), ${settings.seconds}s each; load average ${loadAtStart[0].toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (1 min)\n\n`,
  );
  process.stdout.write(
    `${formatTable(['name', 'value', 'unit', 'baseline', 'ratio', 'goal'], rows, new Set([1, 4]))}\n`,
  );

  const goalLines = goals.flatMap((g) => judgeGoal(g, results) ?? []);
  if (goalLines.length) process.stdout.write(`\ngoals\n${goalLines.join('\n')}\n`);
  const missed = verdicts.filter((v) => !v.met).length;
  if (missed) process.stdout.write(`${missed} goal(s) missed (reported, not an error)\n`);
  for (const [name, why] of failures) {
    process.stdout.write(`\nFAILED ${name}: ${why.split('\n')[0]}\n`);
    exitCode = 1;
  }

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const report = {
    results,
    runs: settings.runs,
    seconds: settings.seconds,
    goals: verdicts,
    failures: Object.fromEntries([...failures].map(([name, why]) => [name, why.split('\n')[0]])),
    machine: {
      cores: cpus().length,
      node: process.version,
      postgres,
      loadAverage: { start: loadAtStart, end: loadavg() },
    },
    at: new Date().toISOString(),
  };
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwrote ${RESULTS.slice(ROOT.length + 1)}\n`);
  return exitCode;
}

/** Set on SIGINT/SIGTERM: the suites' teardowns, which the exit waits for. */
let stopping: Promise<unknown> | undefined;

main().then(
  async (code) => {
    if (stopping) await stopping;
    process.exit(stopping ? 130 : code);
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
