import { allocateCapped, cents, type Cents } from '@lse/domain';
import type { WorkerShare } from '@lse/contracts';

/**
 * THE allocation rule for partial payments (and for compromises and write-offs):
 *
 *   An amount is split across the workers pro rata to each worker's outstanding balance, by the
 *   largest-remainder method: each worker first gets the exact share rounded down to the cent,
 *   then the cents left over go one each to the largest fractional remainders; equal remainders
 *   go to the lower worker id (workers are ordered by id). No worker gets more than they are
 *   owed, the shares add up to the amount exactly, and the same inputs give the same split.
 *
 * Workers owed nothing get nothing and are left out. The caller refuses amounts above the total
 * outstanding before calling (an overpayment is not invented onto a balance).
 */
export function allocateAcrossWorkers(
  amount: Cents,
  outstanding: ReadonlyArray<{ workerId: string; outstandingCents: number }>,
): WorkerShare[] {
  const ordered = [...outstanding].sort((a, b) =>
    a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0,
  );
  const { shares, unallocated } = allocateCapped(
    amount,
    ordered.map((w) => cents(Math.max(0, w.outstandingCents))),
  );
  if (unallocated !== 0) throw new RangeError(`${amount} cents exceed the total outstanding`);
  return ordered
    .map((w, i) => ({ workerId: w.workerId, amountCents: shares[i] }))
    .filter((s) => s.amountCents > 0);
}
