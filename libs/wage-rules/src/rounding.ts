/**
 * THE ROUNDING RULE (the only one in the engine):
 *
 * Every intermediate value is exact. Money is integer cents, hours are integer hundredths of an
 * hour, multipliers are integer quarters (1.5 -> 6, 2 -> 8), and the regular rate is kept as an
 * exact fraction of cents per hour (numerator / denominator, both integers). Each figure owed
 * for a workweek (minimum wage shortfall, overtime due) is therefore an exact rational number
 * of cents, computed with integer arithmetic, and is rounded ONCE to a whole cent, half up
 * (x.5 cents -> x+1). Liquidated damages are the sum of the rounded figures they equal; worker
 * and grand totals are sums of rounded workweek figures, so nothing is rounded twice and the
 * parts always add up to the totals.
 *
 * Integer arithmetic runs on doubles while every product stays below 2^53 (always, for
 * realistic pay), and falls back to BigInt when it would not, so the result is always exact.
 */

/** round_half_up(max(0, a*b - c*e) / d) for integers a, b, c, e and an integer d > 0. */
export function roundedOwed(a: number, b: number, c: number, e: number, d: number): number {
  const ab = a * b;
  const ce = c * e;
  const n = ab - ce;
  if (Number.isSafeInteger(ab) && Number.isSafeInteger(ce) && Number.isSafeInteger(n)) {
    if (n <= 0) return 0;
    const twice = 2 * n + d;
    if (Number.isSafeInteger(twice)) return floorDiv(twice, 2 * d);
  }
  return roundedOwedBig(BigInt(a), BigInt(b), BigInt(c), BigInt(e), BigInt(d));
}

function roundedOwedBig(a: bigint, b: bigint, c: bigint, e: bigint, d: bigint): number {
  const n = a * b - c * e;
  if (n <= 0n) return 0;
  return Number((2n * n + d) / (2n * d));
}

/** floor(x / y) for safe integers x >= 0, y > 0, corrected for the float quotient's error. */
function floorDiv(x: number, y: number): number {
  let q = Math.floor(x / y);
  let r = x - q * y;
  while (r < 0) {
    q -= 1;
    r += y;
  }
  while (r >= y) {
    q += 1;
    r -= y;
  }
  return q;
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An exact rate in cents per hour as text: "1000", or "2225/3" when it is not a whole cent. */
export function rateText(numerator: number, denominator: number): string {
  const g = gcd(numerator, denominator) || 1;
  const n = numerator / g;
  const d = denominator / g;
  return d === 1 ? String(n) : `${n}/${d}`;
}

/** A rate for people: "$10.00/h", or "$9.1667/h (exactly 2750/3 cents)" when not whole cents. */
export function rateDollars(numerator: number, denominator: number): string {
  const exact = rateText(numerator, denominator);
  if (!exact.includes('/')) return `${dollars(Number(exact))}/h`;
  return `$${(numerator / denominator / 100).toFixed(4)}/h (exactly ${exact} cents)`;
}

export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Hundredths of an hour as decimal hours text: 4050 -> "40.50". */
export function hoursText(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}
