import { canonicalJson, canonicalJsonDeep, requestHash } from '../src/idempotency/fingerprint';

/** Random JSON values as bodies parse to: objects, arrays, strings (escapes, unicode), numbers. */
function randomJson(seed: number, depth: number): unknown {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const value = (d: number): unknown => {
    const r = next();
    if (d <= 0 || r < 0.3) {
      const k = next();
      if (k < 0.25) return Math.round(next() * 1e6) / 100;
      if (k < 0.5) return ['a', 'Ä"\\\n', '名前', '', 'x'.repeat(40)][Math.floor(next() * 5)];
      if (k < 0.7) return next() < 0.5;
      return null;
    }
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 5) }, () => value(d - 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i--)
      o[['b', 'a', 'B', 'é', '10', '2', 'aa', '_'][Math.floor(next() * 8)] + String(i)] = value(d - 1);
    return o;
  };
  return value(depth);
}

describe('the request fingerprint', () => {
  it('writes the same text as the iterative writer for any JSON value', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const v = randomJson(seed, 6);
      expect(canonicalJson(v)).toBe(canonicalJsonDeep(v));
    }
  });

  it('sorts keys, skips undefined members and writes holes and undefined items as null', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole, as JSON never has but a body object might
    expect(canonicalJson({ b: 1, a: [undefined, 2, , 'x'], c: undefined, A: { z: null, y: {} } })).toBe(
      '{"A":{"y":{},"z":null},"a":[null,2,null,"x"],"b":1}',
    );
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1, b: 2 })).not.toBe(requestHash({ a: 1, b: 3 }));
  });

  it('handles nesting far deeper than the stack allows', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    const text = canonicalJson(deep);
    expect(text).toBe(canonicalJsonDeep(deep));
    expect(text.length).toBeGreaterThan(300_000);
  });
});
