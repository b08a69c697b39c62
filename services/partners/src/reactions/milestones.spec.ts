import { reactionTo } from './milestones';

describe('what a collection case closing tells the referral', () => {
  it('carries the amount collected, for the disclosure matrix to allow or withhold', () => {
    const closed = {
      closedOn: '2026-03-10',
      reason: 'paid_in_full',
      collectedCents: 200_000,
      writtenOffCents: 0,
    };
    expect(reactionTo({ type: 'CollectionCaseClosed', data: closed })).toEqual({
      kind: 'close',
      reason: 'case_closed',
      facts: {
        milestone: 'case_closed',
        fields: {
          stage: 'closed',
          status: 'case_closed',
          occurredOn: '2026-03-10',
          closureReason: 'paid_in_full',
          amountCollectedCents: 200_000,
        },
      },
    });
  });

  it('has no amount for a case closed before closings recorded one', () => {
    const old = reactionTo({
      type: 'CollectionCaseClosed',
      data: { closedOn: '2025-01-02', reason: 'uncollectible' },
    });
    expect(old?.kind === 'close' && old.facts?.fields).not.toHaveProperty('amountCollectedCents');
  });
});
