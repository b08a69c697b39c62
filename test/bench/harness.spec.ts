import { median, Measurement, parseArgs, selectMeasurements, summarize } from './harness';

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
});
