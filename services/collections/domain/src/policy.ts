/** Collections' configurable rules: data handed to the decider, which stays pure. */
export interface CollectionsPolicy {
  /** Days a worker stays unlocated before their held wages may go to the unclaimed-wage fund. */
  unclaimedAfterDays: number;
  /** Days after a due date before an unpaid installment counts as missed (0: the day after). */
  graceDays: number;
}

export const DEFAULT_COLLECTIONS_POLICY: CollectionsPolicy = { unclaimedAfterDays: 365, graceDays: 0 };
