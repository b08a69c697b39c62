import {
  BenchSettings,
  groupBySuite,
  median,
  Measurement,
  parseArgs,
  quantile,
  selectMeasurements,
  sharedSample,
  summarize,
} from './harness';

const m = (name: string, baseline?: string): Measurement => ({
  name,
  unit: 'x/s',
  baseline,
  measure: () => Promise.resolve(0),
});

describe('bench harness', () => {
  it('reports the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('parses --only, --runs and --seconds in both spellings', () => {
    expect(parseArgs([])).toEqual({ only: [], runs: 3, seconds: 5, list: false });
    expect(parseArgs(['--only', 'append', '--only=pgbench,x', '--runs=5', '--seconds', '0.5'])).toEqual({
      only: ['append', 'pgbench', 'x'],
      runs: 5,
      seconds: 0.5,
      list: false,
    });
    expect(() => parseArgs(['--runs', '0'])).toThrow(/positive/);
    expect(() => parseArgs(['--only'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
  });

  it('selects by prefix, adds baselines and places each just before its first user', () => {
    const all = [m('append.a', 'raw.a'), m('append.b', 'raw.b'), m('raw.a'), m('raw.b'), m('other')];
    expect(selectMeasurements(all, ['append']).map((x) => x.name)).toEqual([
      'raw.a',
      'append.a',
      'raw.b',
      'append.b',
    ]);
    expect(selectMeasurements(all, ['raw.b', 'other']).map((x) => x.name)).toEqual(['raw.b', 'other']);
    expect(selectMeasurements(all, []).map((x) => x.name)).toEqual([
      'raw.a',
      'append.a',
      'raw.b',
      'append.b',
      'other',
    ]);
    expect(() => selectMeasurements(all, ['nothing'])).toThrow(/no result name starts with nothing/);
    expect(() => selectMeasurements([m('a', 'missing')], [])).toThrow(/unknown baseline/);
  });

  it('computes ratios against the baseline of the same run', () => {
    const results = summarize(
      [m('raw'), m('append', 'raw')],
      new Map([
        ['raw', [1000, 3000, 2000]],
        ['append', [900, 1100, 1000]],
      ]),
    );
    expect(results).toEqual([
      { name: 'raw', value: 2000, unit: 'x/s', baseline: null, baselineValue: null, ratio: null },
      { name: 'append', value: 1000, unit: 'x/s', baseline: 'raw', baselineValue: 2000, ratio: 0.5 },
    ]);
  });

  it('takes nearest-rank quantiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow();
  });

  it('gives several results from one sample per run, and measures again in the next run', async () => {
    let measured = 0;
    const shared = sharedSample(() => Promise.resolve([++measured * 10, measured * 100]));
    const p50 = shared('p50', (s) => s[0]);
    const p99 = shared('p99', (s) => s[1]);
    const settings: BenchSettings = { runs: 2, seconds: 1, databaseUrl: '' };
    expect([await p50(settings), await p99(settings)]).toEqual([10, 100]); // run 1: one sample
    expect([await p50(settings), await p99(settings)]).toEqual([20, 200]); // run 2: a new one
    expect(await p99(settings)).toBe(300); // asked for alone (--only p99): measures each time
    expect(await p99(settings)).toBe(400);
    expect(measured).toBe(4);
  });

  it('runs suite by suite, each baseline with its first user', () => {
    const all = [
      m('raw.a'),
      m('raw.b'),
      m('append.a', 'raw.a'),
      m('cmd.x', 'raw.a'),
      m('cmd.y', 'raw.b'),
      m('w'),
    ];
    const suiteOf = (x: Measurement) => x.name.split('.')[0];
    const selected = selectMeasurements(all, []);
    const groups = groupBySuite(selected, suiteOf).map((g) => [g.home, g.measurements.map((x) => x.name)]);
    expect(groups).toEqual([
      ['append', ['raw.a', 'append.a']],
      ['cmd', ['cmd.x', 'raw.b', 'cmd.y']],
      ['w', ['w']],
    ]);
    // Baselines alone form their own suite's group.
    expect(groupBySuite(selectMeasurements(all, ['raw']), suiteOf).map((g) => g.home)).toEqual(['raw']);
  });
});
