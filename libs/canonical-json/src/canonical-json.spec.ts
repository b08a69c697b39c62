import { canonicalJson } from './index';

describe('canonical JSON', () => {
  it('sorts keys by code unit at every depth and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: true }, B: null, é: 2 })).toBe(
      '{"B":null,"a":{"c":true,"d":[1,"x"]},"b":1,"é":2}',
    );
  });

  it('gives the same text whatever order the keys came in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('drops undefined members and writes an undefined array item as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe(
      JSON.stringify({ a: undefined, b: [undefined, 1] }),
    );
  });

  it('writes a date as its ISO instant (what jsonb gives back)', () => {
    expect(canonicalJson({ at: new Date('2026-03-02T10:00:00Z') })).toBe('{"at":"2026-03-02T10:00:00.000Z"}');
  });

  it('refuses what JSON cannot hold exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('non-finite');
    expect(() => canonicalJson({ n: Infinity })).toThrow('non-finite');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('cannot hold a function');
    expect(() => canonicalJson({ n: 1n })).toThrow('cannot hold a bigint');
  });
});
