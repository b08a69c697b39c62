import fc from 'fast-check';
import { allocate, allocateCapped } from './allocate';
import { cents, type Cents } from './money';
import { ValidationError } from './errors';

const total = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(cents);
const weights = fc
  .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 })
  .filter((ws) => ws.some((w) => w > 0));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('splits by largest remainder; ties go to the earlier index', () => {
    expect(allocate(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(cents(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(cents(5), [3, 3, 0, 3])).toEqual([2, 2, 0, 1]);
    // Remainders 0.4, 0.6: the larger one gets the cent even though it comes later.
    expect(allocate(cents(1), [2, 3])).toEqual([0, 1]);
  });

  it('never loses or invents a cent', () => {
    fc.assert(fc.property(total, weights, (t, ws) => expect(sum(allocate(t, ws))).toBe(t)));
  });

  it('keeps each share within one cent of the exact pro-rata share', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const shares = allocate(t, ws);
        const w = sum(ws);
        shares.forEach((share, i) => {
          // Exact comparison in integers: |share * W - t * w_i| < W.
          const diff = BigInt(share) * BigInt(w) - BigInt(t) * BigInt(ws[i]);
          expect(diff < BigInt(w) && diff > -BigInt(w)).toBe(true);
        });
      }),
    );
  });

  it('gives zero to a zero weight', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        allocate(t, ws).forEach((share, i) => {
          if (ws[i] === 0) expect(share).toBe(0);
        });
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(total, weights, (t, ws) => expect(allocate(t, ws)).toEqual(allocate(t, [...ws]))));
  });

  it('refuses bad weights and an all-zero split of a non-zero total', () => {
    expect(() => allocate(cents(10), [1, -1])).toThrow(ValidationError);
    expect(() => allocate(cents(10), [0.5, 1])).toThrow(ValidationError);
    expect(() => allocate(cents(10), [0, 0])).toThrow(ValidationError);
    expect(() => allocate(cents(10), [])).toThrow(ValidationError);
    expect(allocate(cents(0), [0, 0])).toEqual([0, 0]);
  });

  it('is exact for amounts and weights far beyond float precision of their product', () => {
    const shares = allocate(cents(Number.MAX_SAFE_INTEGER), [Number.MAX_SAFE_INTEGER, 1]);
    expect(sum(shares)).toBe(Number.MAX_SAFE_INTEGER);
    expect(shares[1]).toBe(1);
  });
});

describe('allocateCapped', () => {
  const caps = fc.array(fc.integer({ min: 0, max: 10_000_000 }).map(cents), { minLength: 1, maxLength: 30 });
  const nonNegative = fc.integer({ min: 0, max: 400_000_000 }).map(cents);

  it('applies a partial payment pro rata to balances, never above a balance', () => {
    fc.assert(
      fc.property(nonNegative, caps, (t, cs: Cents[]) => {
        const { shares, unallocated } = allocateCapped(t, cs);
        expect(sum(shares) + unallocated).toBe(t);
        shares.forEach((share, i) => {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(cs[i]);
        });
        if (t <= sum(cs)) expect(unallocated).toBe(0);
      }),
    );
  });

  it('pays every balance in full and reports the overpayment', () => {
    expect(allocateCapped(cents(1000), [cents(300), cents(500)])).toEqual({
      shares: [300, 500],
      unallocated: 200,
    });
    expect(allocateCapped(cents(100), [cents(0), cents(0)])).toEqual({ shares: [0, 0], unallocated: 100 });
  });

  it('splits a short payment by balance', () => {
    expect(allocateCapped(cents(100), [cents(100), cents(200), cents(0)])).toEqual({
      shares: [33, 67, 0],
      unallocated: 0,
    });
  });

  it('refuses negative totals and caps', () => {
    expect(() => allocateCapped(cents(-1), [cents(1)])).toThrow(ValidationError);
    expect(() => allocateCapped(cents(1), [cents(-1)])).toThrow(ValidationError);
  });
});
