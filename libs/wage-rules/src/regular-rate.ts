import type { PreparedWeek } from './prepared-week';

/**
 * Regular rate (notation: workweek.ts): the agreed hourly rate (hours-weighted, 29 CFR 778.110,
 * 778.115; a salary for fixed hours counts as its rate, 778.113) plus piece, salary and bonus pay
 * (`other`) spread over the hours worked (778.109-111). Hourly lines count at their rate whether
 * they paid fewer hours than were worked (the rest is unpaid time at that rate) or more (pay for
 * hours not worked is not part of the regular rate, 778.218). Writes the exact fraction, cents per
 * hour, into `out`.
 */
export function regularRate(wk: PreparedWeek, other: number, out: { rrN: number; rrD: number }): void {
  const W = wk.W;
  if (W === 0) {
    out.rrN = 0;
    out.rrD = 1;
  } else if (wk.P > 0) {
    if (wk.singleRate >= 0) {
      out.rrN = wk.singleRate * W + 100 * other;
      out.rrD = W;
    } else {
      out.rrN = wk.A * W + 100 * other * wk.P;
      out.rrD = W * wk.P;
    }
  } else {
    out.rrN = 100 * other;
    out.rrD = W;
  }
}

/**
 * The regular rate under a salary divisor (Labor Code 515(d)): A / P for the rate lines, `other`
 * over the hours worked, and `salary` over `divisor` hours (all 1/100 h), exact: doubles while
 * every product is a safe integer, else BigInt, reduced.
 */
export function regularRateWithSalaryDivisor(
  W: number,
  A: number,
  P: number,
  other: number,
  salary: number,
  divisor: number,
  out: { rrN: number; rrD: number },
): void {
  if (W === 0) {
    out.rrN = 0;
    out.rrD = 1;
    return;
  }
  // rr = A/P + 100 other/W + 100 salary/divisor, over the common denominator P W divisor.
  const q = P > 0 ? P : 1;
  const fast = (P > 0 ? A * W * divisor : 0) + 100 * other * q * divisor + 100 * salary * W * q;
  if (
    Number.isSafeInteger(fast) &&
    Number.isSafeInteger(A * W * divisor) &&
    Number.isSafeInteger(100 * salary * W * q)
  ) {
    out.rrN = fast;
    out.rrD = q * W * divisor;
    return;
  }
  const p = P > 0 ? BigInt(P) : 1n;
  const n =
    (P > 0 ? BigInt(A) * BigInt(W) * BigInt(divisor) : 0n) +
    100n * BigInt(other) * p * BigInt(divisor) +
    100n * BigInt(salary) * BigInt(W) * p;
  const d = p * BigInt(W) * BigInt(divisor);
  let a = n;
  let b = d;
  while (b) [a, b] = [b, a % b];
  const g = a || 1n;
  const rn = n / g;
  const rd = d / g;
  if (rn > BigInt(Number.MAX_SAFE_INTEGER) || rd > BigInt(Number.MAX_SAFE_INTEGER)) {
    // Beyond any real pay; keep the engine's exact-integer promise rather than round silently.
    throw new RangeError('regular rate beyond exact integer range');
  }
  out.rrN = Number(rn);
  out.rrD = Number(rd);
}
