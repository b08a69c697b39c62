import { replay } from '@lse/domain';
import { collectionDecider } from './decider';
import {
  CONFIDENTIAL_GROUP_MINIMUM,
  debtorStatement,
  nextStepsFor,
  statementLanguage,
  workerStatement,
} from './statements';
import { CASE, D1, opening, PLANTED_CONFIDENTIAL, W1, W2, W3 } from '../test/fixtures';
import type { CollectionCaseOpened } from '@lse/contracts';

const opened = (data: CollectionCaseOpened) =>
  replay(collectionDecider(), [{ type: 'CollectionCaseOpened', data }]);
const contact = { name: 'Office of Labor Standards Enforcement', phone: '555-0100' };

describe('the employer statement never lets an employer single out a confidential worker by elimination', () => {
  it(`below ${CONFIDENTIAL_GROUP_MINIMUM} confidential workers: no count, no amount per worker, a note (5 U.S.C. 552(b)(7)(D), Roviaro v. United States)`, () => {
    const s = debtorStatement(opened(opening()), CASE, D1, '2026-03-01');
    expect(s.withheldWorkers).toEqual({ note: expect.stringContaining('identities withheld') });
    // Named workers' amounts would give the withheld one's as the total less theirs.
    expect(s.workers).toEqual([{ name: 'Ana Open-Worker' }, { name: 'Luis Open-Worker' }]);
    const json = JSON.stringify(s);
    for (const leak of [PLANTED_CONFIDENTIAL, W2, '60000', '"count"']) expect(json).not.toContain(leak);
    expect(s.totals.assessedCents).toBe(200_000);
  });

  it(`${CONFIDENTIAL_GROUP_MINIMUM} or more: one line for all of them together, amounts by named worker (5 U.S.C. 552(b)(7)(D))`, () => {
    const base = opening();
    const extra = [4, 5].map((n) => ({
      workerId: `44444444-4444-4444-8444-44444444444${n}`,
      name: `Hidden Worker ${n}`,
      assessedCents: 10_000 * n,
      confidentialityRequested: true,
    }));
    const s = debtorStatement(
      opened({
        ...base,
        workers: [...base.workers, ...extra],
        totalAssessedCents: 290_000,
      }),
      CASE,
      D1,
      '2026-03-01',
    );
    expect(s.withheldWorkers).toMatchObject({ count: 3, assessedCents: 150_000, outstandingCents: 150_000 });
    expect(s.workers).toEqual([
      { name: 'Ana Open-Worker', assessedCents: 100_000, outstandingCents: 100_000 },
      { name: 'Luis Open-Worker', assessedCents: 40_000, outstandingCents: 40_000 },
    ]);
    expect(JSON.stringify(s)).not.toContain('Hidden Worker');
  });

  it('with no confidential worker: every worker by name with amounts, no withheld line', () => {
    const base = opening();
    const s = debtorStatement(
      opened({ ...base, workers: base.workers.map((w) => ({ ...w, confidentialityRequested: false })) }),
      CASE,
      D1,
      '2026-03-01',
    );
    expect(s.withheldWorkers).toBeUndefined();
    expect(s.workers).toHaveLength(3);
  });
});

describe("the worker's statement", () => {
  it("is in the worker's preferred language when English or Spanish, with the agency's contact and next steps", () => {
    const state = opened(opening());
    const es = workerStatement(state, CASE, W1, '2026-03-01', [], { preferredLanguage: 'es-MX', contact });
    expect(es).toMatchObject({
      language: 'es',
      office: 'SF-01',
      contact,
      nextSteps: ['collecting', 'report_retaliation'],
    });
    expect(es.preferredLanguage).toBeUndefined();
    const other = workerStatement(state, CASE, W3, '2026-03-01', [], { preferredLanguage: 'zh', contact });
    expect(other).toMatchObject({ language: 'en', preferredLanguage: 'zh' });
    expect(workerStatement(state, CASE, W3, '2026-03-01', [], { contact }).language).toBe('en');
  });

  it('says what comes next from the money: held for an unlocated worker, on its way, paid in full, closed; and that retaliation is unlawful (29 U.S.C. 215(a)(3))', () => {
    const f = (over: Record<string, number>) =>
      ({
        assessedCents: 100,
        outstandingCents: 0,
        collectedCents: 100,
        disbursedCents: 0,
        heldForUnlocatedCents: 0,
        transferredUnclaimedCents: 0,
        writtenOffCents: 0,
        undisbursedCents: 0,
        ...over,
      }) as never;
    expect(nextStepsFor(f({ heldForUnlocatedCents: 100, undisbursedCents: 100 }), 'open', true)).toEqual([
      'claim_held_wages',
      'report_retaliation',
    ]);
    expect(nextStepsFor(f({ undisbursedCents: 60, outstandingCents: 40 }), 'open', false)).toEqual([
      'payment_coming',
      'collecting',
      'report_retaliation',
    ]);
    expect(nextStepsFor(f({ disbursedCents: 100 }), 'closed', false)).toEqual([
      'paid_in_full',
      'case_closed',
      'report_retaliation',
    ]);
    expect(statementLanguage('ES')).toBe('es');
    expect(statementLanguage(undefined)).toBe('en');
  });
});
