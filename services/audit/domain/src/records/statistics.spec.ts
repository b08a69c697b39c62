import { countReferrals, MINIMUM_CELL_SIZE, suppressedCells, suppressedParts, type ReferralFacts } from '..';

const referral = (over: Partial<ReferralFacts> = {}): ReferralFacts => ({
  submittedOn: '2026-03-10',
  status: 'accepted',
  channel: 'partner_referral',
  workers: 1,
  ...over,
});
const times = (n: number, over: Partial<ReferralFacts> = {}) =>
  Array.from({ length: n }, () => referral(over));

const RULE =
  'threshold rule, minimum cell 5, complementary suppression (FCSM Statistical Policy Working Paper 22; 5 U.S.C. 552(b)(6), (b)(7)(C))';

describe(`small-cell suppression of referral statistics: ${RULE}`, () => {
  it(`withholds counts from 1 to ${MINIMUM_CELL_SIZE - 1} and releases 0 and ${MINIMUM_CELL_SIZE} or more (${RULE})`, () => {
    expect(suppressedParts({ a: 0, b: 5, c: 12 })).toEqual([]);
    expect(suppressedParts({ a: 1, b: 4, c: 5 })).toEqual(['a', 'b']);
    expect(suppressedParts({ a: 0, b: 0 })).toEqual([]);
  });

  it(`withholds the smallest other non-zero part when exactly one part is withheld, so it cannot be found by subtraction (${RULE})`, () => {
    expect(suppressedParts({ accepted: 7, declined: 1, closed: 0, submitted: 6 })).toEqual([
      'declined',
      'submitted',
    ]);
    // Ties go to the first listed.
    expect(suppressedParts({ a: 3, b: 9, c: 9 })).toEqual(['a', 'b']);
    // Nothing else non-zero: the total is that part's own count and is withheld by the threshold.
    expect(suppressedParts({ a: 3, b: 0 })).toEqual(['a']);
  });

  it(`a single referred worker is never released, neither in the total nor in a breakdown (${RULE})`, () => {
    const counts = countReferrals([referral({ status: 'declined' })], '2026-03-01', '2026-03-31');
    expect(counts).toMatchObject({ referrals: 1, workersReferred: 1 });
    expect(suppressedCells(counts)).toEqual([
      'referrals',
      'workersReferred',
      'byStatus.declined',
      'byChannel.partner_referral',
    ]);
  });

  it(`releases a table with no small cell whole (${RULE})`, () => {
    const counts = countReferrals(
      [...times(6, { workers: 2 }), ...times(5, { status: 'declined', channel: 'consulate_referral' })],
      '2026-03-01',
      '2026-03-31',
    );
    expect(counts).toEqual({
      referrals: 11,
      workersReferred: 17,
      byStatus: { submitted: 0, accepted: 6, declined: 5, closed: 0 },
      byChannel: { partner_referral: 6, consulate_referral: 5 },
    });
    expect(suppressedCells(counts)).toEqual([]);
  });

  it('counts only referrals submitted within the period, both days included', () => {
    const counts = countReferrals(
      [
        referral({ submittedOn: '2026-02-28' }),
        referral({ submittedOn: '2026-03-01' }),
        referral({ submittedOn: '2026-03-31' }),
        referral({ submittedOn: '2026-04-01' }),
      ],
      '2026-03-01',
      '2026-03-31',
    );
    expect(counts.referrals).toBe(2);
  });
});
