import fc from 'fast-check';
import { COLLECTION_EVENTS, type CollectionCaseOpened, type CollectionEvent } from '@lse/contracts';
import { cents, isDomainError, replay } from '@lse/domain';
import { allocateAcrossWorkers } from './allocation';
import type { CollectionCommand } from './commands';
import { collectionDecider } from './decider';
import { ledgerView, buildLedger } from './ledger';
import type { CollectionState } from './state';
import { cmd, D1, id, supervisor } from '../test/fixtures';

const WORKER_IDS = ['0a', '1b', '2c', '3d', '4e'].map(
  (p) => `${p}${p}${p}${p}${p}${p}${p}${p}`.slice(0, 8) + '-0000-4000-8000-000000000000',
);

describe('the allocation rule', () => {
  const balances = fc
    .array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 5 })
    .filter((b) => b.some((x) => x > 0))
    .map((b) => b.map((outstandingCents, i) => ({ workerId: WORKER_IDS[i], outstandingCents })));

  it('loses no cent, never exceeds a balance, stays within a cent of pro rata, and ignores input order', () => {
    fc.assert(
      fc.property(
        balances.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.integer({ min: 1, max: b.reduce((s, w) => s + w.outstandingCents, 0) }),
          ),
        ),
        ([b, amount]) => {
          const shares = allocateAcrossWorkers(cents(amount), b);
          expect(shares.reduce((s, x) => s + x.amountCents, 0)).toBe(amount);
          const total = b.reduce((s, w) => s + w.outstandingCents, 0);
          for (const share of shares) {
            const owed = b.find((w) => w.workerId === share.workerId)!.outstandingCents;
            expect(share.amountCents).toBeGreaterThan(0);
            expect(share.amountCents).toBeLessThanOrEqual(owed);
            expect(Math.abs(share.amountCents - (amount * owed) / total)).toBeLessThan(1);
          }
          expect(allocateAcrossWorkers(cents(amount), [...b].reverse())).toEqual(shares);
        },
      ),
    );
  });

  it('gives a tied cent to the lower worker id', () => {
    const [low, high] = WORKER_IDS;
    expect(
      allocateAcrossWorkers(cents(1), [
        { workerId: high, outstandingCents: 100 },
        { workerId: low, outstandingCents: 100 },
      ]),
    ).toEqual([{ workerId: low, amountCents: 1 }]);
  });

  it('refuses more than is outstanding', () => {
    expect(() =>
      allocateAcrossWorkers(cents(11), [{ workerId: WORKER_IDS[0], outstandingCents: 10 }]),
    ).toThrow(RangeError);
  });
});

/** A random case and a random run of commands against it; refusals are part of the run. */
const opening = fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 5 }).map(
  (amounts): CollectionCaseOpened =>
    ({
      determinationId: id(900),
      office: 'SF-01',
      openedOn: '2026-01-01',
      debtors: [{ debtorId: D1, name: 'Debtor LLC', role: 'direct' }],
      workers: amounts.map((assessedCents, i) => ({
        workerId: WORKER_IDS[i],
        name: `Worker ${i}`,
        assessedCents,
        confidentialityRequested: i % 2 === 0,
      })),
      totalAssessedCents: amounts.reduce((s, a) => s + a, 0),
      civilPenaltiesCents: 0,
    }) as CollectionCaseOpened,
);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    amount: fc.integer({ min: -10, max: 3_000_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('disburse' as const),
    worker: fc.nat(4),
    amount: fc.option(fc.integer({ min: 1, max: 3_000_000 })),
    reuse: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('unlocated' as const), worker: fc.nat(4) }),
  fc.record({ kind: fc.constant('transfer' as const), worker: fc.nat(4) }),
  fc.record({ kind: fc.constant('writeOff' as const), amount: fc.integer({ min: 1, max: 3_000_000 }) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const decider = collectionDecider({ unclaimedAfterDays: 0, graceDays: 0 });

function commandFor(s: Step, n: number, state: CollectionState): CollectionCommand {
  const workers = state.status === 'none' ? [] : state.workers;
  const workerId = (i: number) => workers[i % workers.length].workerId;
  const now = '2026-03-01T12:00:00Z';
  switch (s.kind) {
    case 'pay':
      return cmd(
        'ReceivePayment',
        {
          paymentId: id(1000 + n),
          input: {
            debtorId: D1,
            amountCents: s.amount,
            method: 'check',
            receivedOn: `2026-02-${String(s.day).padStart(2, '0')}`,
          },
        },
        undefined,
        now,
      );
    case 'reverse': {
      const payments = state.status === 'none' ? [] : state.payments;
      const paymentId = payments.length ? payments[s.pick % payments.length].paymentId : id(1);
      return cmd('ReversePayment', { input: { paymentId, reason: 'insufficient_funds' } }, undefined, now);
    }
    case 'disburse':
      return cmd(
        'IssueDisbursement',
        {
          disbursementId: id(s.reuse ? 5000 : 5000 + n),
          input: {
            workerId: workerId(s.worker),
            method: 'check',
            ...(s.amount ? { amountCents: s.amount } : {}),
          },
        },
        undefined,
        now,
      );
    case 'unlocated':
      return cmd('MarkWorkerUnlocated', { input: { workerId: workerId(s.worker) } }, undefined, now);
    case 'transfer':
      return cmd(
        'TransferUnclaimedWages',
        { input: { workerId: workerId(s.worker), fund: 'Unclaimed Wage Fund' } },
        undefined,
        now,
      );
    case 'writeOff':
      return cmd(
        'CompromiseDebt',
        {
          compromiseId: id(7000 + n),
          input: { kind: 'write_off', amountCents: s.amount, reason: 'uncollectible' },
        },
        supervisor,
        now,
      );
  }
}

describe('the ledger under any run of commands (property)', () => {
  it('conserves money, pays no worker more than was collected for them, and pays nothing twice', () => {
    fc.assert(
      fc.property(opening, fc.array(step, { maxLength: 40 }), (open, steps) => {
        const events: CollectionEvent[] = [{ type: 'CollectionCaseOpened', data: open }];
        let state = replay(decider, events);
        steps.forEach((s, n) => {
          let decided: CollectionEvent[] = [];
          try {
            decided = decider.decide(commandFor(s, n, state), state);
          } catch (err) {
            if (!isDomainError(err)) throw err; // a refusal writes nothing
          }
          // Every event the decider makes must pass its contract (e.g. allocations add up).
          for (const e of decided) COLLECTION_EVENTS[e.type].parse(1, e.data);
          events.push(...decided);
          state = decided.reduce(decider.evolve, state);
        });

        const ledger = buildLedger(events);
        const view = ledgerView(ledger);
        expect(view.balanced).toBe(true);
        const t = view.totals;
        expect(t.assessedCents).toBe(open.totalAssessedCents);
        expect(t.assessedCents).toBe(t.outstandingCents + t.collectedCents + t.writtenOffCents);
        for (const w of view.workers) {
          expect(w.assessedCents).toBe(w.outstandingCents + w.collectedCents + w.writtenOffCents);
          expect(w.outstandingCents).toBeGreaterThanOrEqual(0);
          expect(w.undisbursedCents).toBeGreaterThanOrEqual(0);
          expect(w.heldForUnlocatedCents).toBeGreaterThanOrEqual(0);
          expect(w.disbursedCents + w.transferredUnclaimedCents).toBeLessThanOrEqual(w.collectedCents);
        }
        const disbursements = events
          .filter((e) => e.type === 'DisbursementIssued')
          .map((e) => (e.data as { disbursementId: string }).disbursementId);
        expect(new Set(disbursements).size).toBe(disbursements.length);
        const reversals = events
          .filter((e) => e.type === 'PaymentReversed')
          .map((e) => (e.data as { paymentId: string }).paymentId);
        expect(new Set(reversals).size).toBe(reversals.length);
        // Balances as of any date are balanced too, and only grow toward today's.
        for (const asOf of ['2025-12-31', '2026-01-01', '2026-02-10', '2026-03-01'])
          expect(ledgerView(ledger, asOf).balanced).toBe(true);
        expect(ledgerView(ledger, '2025-12-31').totals.assessedCents).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
