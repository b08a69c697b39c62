/**
 * The allocation preview: how collections will split a payment across the workers, computed with
 * THE allocation rule of services/collections/domain/src/allocation.ts (allocateAcrossWorkers over
 * @lse/domain's allocateCapped), so the officer sees the split before confirming. The service
 * records its own split; the screen shows the recorded one afterwards, side by side.
 *
 * Pro rata to each worker's outstanding balance, largest remainder: each worker first gets the
 * exact share rounded down to the cent, then the cents left over go one each to the largest
 * remainders; equal remainders go to the lower worker id. A payment that covers every balance
 * pays each in full; workers owed nothing get nothing.
 */
export interface Outstanding {
  workerId: string;
  outstandingCents: number;
}
export interface Share {
  workerId: string;
  amountCents: number;
}

export type Preview =
  | { kind: 'split'; shares: Share[] }
  /** More than the whole outstanding balance: the service refuses it. */
  | { kind: 'exceeds'; outstandingCents: number }
  | { kind: 'nothing_outstanding' };

export function previewAllocation(amountCents: number, workers: readonly Outstanding[]): Preview {
  const ordered = [...workers]
    .map((w) => ({ workerId: w.workerId, cap: Math.max(0, w.outstandingCents) }))
    .sort((a, b) => (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0));
  const total = ordered.reduce((sum, w) => sum + w.cap, 0);
  if (total === 0) return { kind: 'nothing_outstanding' };
  if (amountCents > total) return { kind: 'exceeds', outstandingCents: total };
  const amount = BigInt(amountCents);
  const sum = BigInt(total);
  const floors = ordered.map((w) => (amount * BigInt(w.cap)) / sum);
  const remainders = ordered.map((w) => (amount * BigInt(w.cap)) % sum);
  let left = amountCents - floors.reduce((s, x) => s + Number(x), 0);
  const order = ordered
    .map((_, i) => i)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  const shares = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return {
    kind: 'split',
    shares: ordered
      .map((w, i) => ({ workerId: w.workerId, amountCents: shares[i]! }))
      .filter((s) => s.amountCents > 0),
  };
}
