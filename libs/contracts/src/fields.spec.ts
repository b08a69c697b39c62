import { randomUUID } from 'node:crypto';
import { WorkerSharesSchema } from './collection/parts';
import { repeatedIndexes } from './fields';

describe('repeatedIndexes', () => {
  it('gives every repeat after the first occurrence, in order, and nothing for distinct ids', () => {
    expect(repeatedIndexes(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([2, 4, 5]);
    expect(repeatedIndexes(['a', 'b', 'c'])).toEqual([]);
    expect(repeatedIndexes([])).toEqual([]);
  });

  it('finds the one repeat among 14,000 worker shares (a 1 MB body) at its index', () => {
    const shares = Array.from({ length: 14_000 }, () => ({ workerId: randomUUID(), amountCents: 100 }));
    expect(WorkerSharesSchema.safeParse(shares).success).toBe(true);
    shares[13_999] = { ...shares[7], amountCents: 5 };
    const result = WorkerSharesSchema.safeParse(shares);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[13_999, 'workerId'], 'worker appears twice'],
    ]);
  });
});
