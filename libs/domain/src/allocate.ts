import { ValidationError } from './errors';
import { cents, type Cents } from './money';

/**
 * Splits `total` pro rata to `weights` by the largest-remainder method: each share is the exact
 * share rounded down, then the cents left over go one each to the largest remainders.
 * Ties go to the earlier index, so the result is deterministic. The shares always sum to `total`,
 * each is within one cent of the exact pro-rata share, and a zero weight gets zero.
 * A negative total is split as the mirror image of its absolute value (reversals).
 *
 * Weights must be non-negative safe integers (cents balances, hours in minutes...): integer
 * weights keep the exact share a rational number computed with BigInt, so nothing is lost.
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  cents(total);
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new ValidationError(`allocation weights must be non-negative integers: ${weight}`, { weight });
    }
  }
  const sumWeights = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (sumWeights === 0n) {
    if (total === 0) return weights.map(() => cents(0));
    throw new ValidationError(`cannot allocate ${total} cents: all weights are zero`, { total });
  }
  const sign = total < 0 ? -1 : 1;
  const amount = BigInt(Math.abs(total));
  const floors = weights.map((weight) => (amount * BigInt(weight)) / sumWeights);
  const remainders = weights.map((weight) => (amount * BigInt(weight)) % sumWeights);
  let left = Number(amount - floors.reduce((sum, share) => sum + share, 0n));
  // Stable order: larger remainder first, then lower index.
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  const shares = floors.map(Number);
  for (const index of order) {
    if (left === 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares.map((share) => cents(sign * share));
}

export interface CappedAllocation {
  shares: Cents[];
  /** What no share could take because every cap was reached (e.g. an overpayment). */
  unallocated: Cents;
}

/**
 * Splits a non-negative `total` across balances without any share exceeding its cap: used to
 * apply a payment across workers' outstanding balances.
 *
 * Rule: if the total covers every cap, each share is its cap and the excess is `unallocated`
 * (never invented onto a balance). Otherwise the total is allocated pro rata to the caps with
 * `allocate` (largest remainder, earlier index wins ties); that never exceeds a cap, because an
 * exact share total*cap/sum <= cap only rounds up when it is not a whole number.
 */
export function allocateCapped(total: Cents, caps: readonly Cents[]): CappedAllocation {
  cents(total);
  if (total < 0) {
    throw new ValidationError(`cannot allocate a negative amount under caps: ${total}`, { total });
  }
  for (const cap of caps) {
    if (!Number.isSafeInteger(cap) || cap < 0) {
      throw new ValidationError(`caps must be non-negative cents: ${cap}`, { cap });
    }
  }
  // Checked: a sum past 2^53 throws rather than mis-computing the excess.
  const sumCaps = cents(caps.reduce((sum, cap) => sum + cap, 0));
  if (total >= sumCaps) {
    return { shares: caps.map((cap) => cents(cap)), unallocated: cents(total - sumCaps) };
  }
  return { shares: allocate(total, caps), unallocated: cents(0) };
}
