/**
 * The benchmark harness behind `npm run bench` (test/bench/run.ts).
 *
 * A suite is a module in test/bench/suites/ whose default export is `defineSuite({...})`. It
 * registers named measurements; each returns one number (in its unit) for one measurement of
 * `seconds` seconds. The harness repeats each measurement `runs` times, interleaved with the
 * others of its suite, and reports the median. A measurement may name a baseline measured in the same run
 * (e.g. raw pgbench inserts): the report gives value / baselineValue as its ratio.
 *
 * Names are stable across runs so that results stay comparable: `<area>.<what>.<clients>`,
 * e.g. `append.single.c16`. Add new suites as new files; do not rename existing results.
 */

export interface BenchSettings {
  /** How many times each measurement is repeated; the median is reported. */
  runs: number;
  /** Duration of one measurement. */
  seconds: number;
  /** The benchmark's own database (BENCH_DATABASE_URL, default .../lse_bench). */
  databaseUrl: string;
}

export interface Measurement {
  /** Stable result name, e.g. `append.single.c16`. */
  name: string;
  /** e.g. `events/s`, `rows/s`, `ms`. */
  unit: string;
  /** Name of the measurement this one is compared with, measured in the same run. */
  baseline?: string;
  /** One measurement of about `settings.seconds` seconds, from a reset state. */
  measure(settings: BenchSettings): Promise<number>;
}

/**
 * A target for a result: `minRatio` against its baseline (or against the result named in
 * `relativeTo`), or an absolute `maxValue` in the result's unit (e.g. a p99 in ms).
 */
export interface Goal {
  name: string;
  minRatio?: number;
  relativeTo?: string;
  maxValue?: number;
  /** An absolute floor in the result's unit (e.g. events/s). */
  minValue?: number;
  /** Where the goal comes from, e.g. `issue 2`. */
  source?: string;
}

export interface GoalVerdict {
  name: string;
  /** The goal as written in the table, e.g. `<= 25 ms`, `>= 0.5 x pgbench.insert1.c16`. */
  goal: string;
  /** What the goal is compared with: the value, or the ratio for a ratio goal. */
  actual: number;
  met: boolean;
  source: string | null;
}

/** A goal judged against the results, or undefined when what it needs was not measured. */
export function evaluateGoal(goal: Goal, results: readonly Result[]): GoalVerdict | undefined {
  const r = results.find((x) => x.name === goal.name);
  if (!r) return undefined;
  const verdict = (text: string, actual: number, met: boolean): GoalVerdict => ({
    name: goal.name,
    goal: text,
    actual: Math.round(actual * 1000) / 1000,
    met,
    source: goal.source ?? null,
  });
  if (goal.maxValue !== undefined)
    return verdict(`<= ${formatNumber(goal.maxValue)} ${r.unit}`, r.value, r.value <= goal.maxValue);
  if (goal.minValue !== undefined)
    return verdict(`>= ${formatNumber(goal.minValue)} ${r.unit}`, r.value, r.value >= goal.minValue);
  const against = goal.relativeTo ?? r.baseline;
  const other = results.find((x) => x.name === against);
  if (!other || goal.minRatio === undefined || other.value === 0) return undefined;
  const ratio = r.value / other.value;
  return verdict(`>= ${goal.minRatio} x ${against}`, ratio, ratio >= goal.minRatio);
}

/** The verdict line of a goal, or undefined when its results were not measured. */
export function judgeGoal(goal: Goal, results: readonly Result[]): string | undefined {
  const v = evaluateGoal(goal, results);
  if (!v) return undefined;
  const source = v.source ? `  (${v.source})` : '';
  return `  ${v.met ? 'pass' : 'MISS'}  ${v.name} ${v.goal}: ${v.actual.toFixed(2)}${source}`;
}

/**
 * Several results from one measurement (p50 and p99 of the same load, the count of what was
 * measured): the first of them asked for in a run measures, the others take their value from that
 * sample; a result asked for again (the next run) measures anew. So `--only x.p99` still measures.
 */
export function sharedSample<T>(
  measure: (settings: BenchSettings) => Promise<T>,
): (name: string, pick: (sample: T) => number) => (settings: BenchSettings) => Promise<number> {
  let sample: T | undefined;
  const taken = new Set<string>();
  return (name, pick) => async (settings) => {
    if (sample === undefined || taken.has(name)) {
      sample = undefined;
      taken.clear();
      sample = await measure(settings);
    }
    taken.add(name);
    return pick(sample);
  };
}

/** The q-quantile (0..1) of ascending values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Suite {
  name: string;
  measurements: Measurement[];
  goals?: Goal[];
  /** Before the first selected measurement of the suite (create databases, tables, ...). */
  setup?(settings: BenchSettings): Promise<void>;
  /** After the last one, also when a measurement failed. */
  teardown?(): Promise<void>;
}

export function defineSuite(suite: Suite): Suite {
  return suite;
}

export interface BenchOptions {
  only: string[];
  runs: number;
  seconds: number;
  list: boolean;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { only: [], runs: 3, seconds: 5, list: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const positive = (v: string, flag: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, not "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--only':
        options.only.push(...next().split(',').filter(Boolean));
        break;
      case '--runs':
        options.runs = Math.round(positive(next(), flag));
        break;
      case '--seconds':
        options.seconds = positive(next(), flag);
        break;
      case '--list':
        options.list = true;
        break;
      case '--help':
      case '-h':
        throw new HelpRequested();
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  return options;
}

export class HelpRequested extends Error {
  constructor() {
    super('help');
  }
}

export const USAGE = `usage: npm run bench -- [--only <prefix>[,<prefix>...]] [--runs N] [--seconds S] [--list]

  --only <prefix>  run only results whose name starts with a prefix (repeatable, comma-separated);
                   the baselines they are compared with are measured too
  --runs N         repetitions of each measurement, the median is reported (default 3)
  --seconds S      duration of one measurement (default 5)
  --list           list the registered results and exit

Writes bench/results/latest.json. BENCH_DATABASE_URL overrides postgres://postgres@127.0.0.1:5432/lse_bench.`;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The measurements to run, in run order: those matching a prefix, plus (transitively) their
 * baselines, each baseline placed just before the first measurement that uses it so that the
 * two are measured close together in time.
 */
export function selectMeasurements(all: readonly Measurement[], only: readonly string[]): Measurement[] {
  const byName = new Map<string, Measurement>();
  for (const m of all) {
    if (byName.has(m.name)) throw new Error(`two measurements are named ${m.name}`);
    byName.set(m.name, m);
  }
  const wanted = only.length ? all.filter((m) => only.some((p) => m.name.startsWith(p))) : [...all];
  if (wanted.length === 0) {
    throw new Error(
      `no result name starts with ${only.join(' or ')}; known: ${all.map((m) => m.name).join(', ')}`,
    );
  }
  const ordered: Measurement[] = [];
  const placed = new Set<string>();
  const place = (m: Measurement, chain: string[]): void => {
    if (placed.has(m.name)) return;
    if (chain.includes(m.name)) throw new Error(`baseline cycle: ${[...chain, m.name].join(' -> ')}`);
    if (m.baseline) {
      const base = byName.get(m.baseline);
      if (!base) throw new Error(`${m.name} names an unknown baseline ${m.baseline}`);
      place(base, [...chain, m.name]);
    }
    placed.add(m.name);
    ordered.push(m);
  };
  // Measurements with a baseline first (in registration order), so each pair sits together.
  for (const m of wanted) if (m.baseline) place(m, []);
  for (const m of wanted) place(m, []);
  return ordered;
}

/**
 * The selected measurements in groups run one after another, each group all its runs before the
 * next: a group is a suite's measurements with the baselines they are compared with (a baseline
 * goes with its first user). So only one suite's system (processes, pools, seeded stores) is up
 * at a time, and each baseline is still measured beside what it serves, in the same run.
 */
export function groupBySuite<S>(
  selected: readonly Measurement[],
  suiteOf: (m: Measurement) => S,
): Array<{ home: S; measurements: Measurement[] }> {
  const firstUser = new Map<string, Measurement>();
  for (const m of selected) if (m.baseline && !firstUser.has(m.baseline)) firstUser.set(m.baseline, m);
  const homeOf = (m: Measurement): S => {
    let at = m;
    const seen = new Set<string>();
    while (firstUser.has(at.name) && !seen.has(at.name)) {
      seen.add(at.name);
      at = firstUser.get(at.name)!;
    }
    return suiteOf(at);
  };
  const groups: Array<{ home: S; measurements: Measurement[] }> = [];
  for (const m of selected) {
    const home = homeOf(m);
    let group = groups.find((g) => g.home === home);
    if (!group) groups.push((group = { home, measurements: [] }));
    group.measurements.push(m);
  }
  return groups;
}

export interface Result {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
}

export function summarize(
  measurements: readonly Measurement[],
  samples: ReadonlyMap<string, readonly number[]>,
): Result[] {
  const values = new Map<string, number>();
  for (const m of measurements) {
    const s = samples.get(m.name);
    if (s?.length) values.set(m.name, median(s));
  }
  const results: Result[] = [];
  for (const m of measurements) {
    const value = values.get(m.name);
    if (value === undefined) continue;
    const baselineValue = m.baseline ? (values.get(m.baseline) ?? null) : null;
    results.push({
      name: m.name,
      value: round(value),
      unit: m.unit,
      baseline: m.baseline ?? null,
      baselineValue: baselineValue === null ? null : round(baselineValue),
      ratio: baselineValue ? Math.round((value / baselineValue) * 1000) / 1000 : null,
    });
  }
  return results;
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

export function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
