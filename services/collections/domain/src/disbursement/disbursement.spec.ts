import { given } from '@lse/domain';
import { decider, fullPayment, opened, payment } from '../../test/events';
import { cmd, event, id, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
  describe('disbursement', () => {
    const disburse = (workerId: string, amountCents?: number, n = 50) =>
      cmd('IssueDisbursement', {
        disbursementId: id(n),
        input: { workerId, method: 'check', ...(amountCents ? { amountCents } : {}) },
      });
    const half = payment(1, 100_000, [
      [W1, 50_000],
      [W2, 30_000],
      [W3, 20_000],
    ]);
    const first = event('DisbursementIssued', {
      disbursementId: id(50),
      workerId: W1,
      amountCents: 50_000,
      issuedOn: '2026-03-10',
      method: 'check',
    });

    it('pays a worker what was collected for them, by default all of it', () =>
      given(decider, [opened, fullPayment])
        .when(disburse(W2))
        .then([
          event('DisbursementIssued', {
            disbursementId: id(50),
            workerId: W2,
            amountCents: 60_000,
            issuedOn: '2026-03-10',
            method: 'check',
          }),
        ]));

    it('never pays more than was collected for the worker', () =>
      given(decider, [opened, half]).when(disburse(W1, 50_001)).thenThrows('exceeds_collected'));

    it('refuses paying a worker whose collected money was all paid out', () =>
      given(decider, [opened, half, first])
        .when(disburse(W1, undefined, 51))
        .thenThrows('nothing_to_disburse'));

    it('refuses paying a worker before anything was collected', () =>
      given(decider, [opened]).when(disburse(W1)).thenThrows('nothing_to_disburse'));

    it('refuses the same disbursement twice', () =>
      given(decider, [opened, half, first])
        .when(disburse(W2, 1, 50))
        .thenThrows('duplicate_id'));

    it('refuses paying someone who is not owed on the case', () =>
      given(decider, [opened, half])
        .when(disburse(id(77)))
        .thenThrows('unknown_worker'));
  });

  describe('unlocated workers and unclaimed wages', () => {
    const unlocated = event('WorkerUnlocated', { workerId: W3, declaredOn: '2026-02-25', heldCents: 40_000 });
    const transfer = (on: string) => ({
      ...cmd('TransferUnclaimedWages', {
        input: { workerId: W3, fund: 'State Unclaimed Wage Fund', transferredOn: on },
      }),
      now: '2026-04-01T00:00:00Z',
    });

    it('holds an unlocated worker’s money', () =>
      given(decider, [opened, fullPayment])
        .when(cmd('MarkWorkerUnlocated', { input: { workerId: W3, declaredOn: '2026-02-25' } }))
        .then([unlocated]));

    it('refuses declaring a worker unlocated twice', () =>
      given(decider, [opened, fullPayment, unlocated])
        .when(cmd('MarkWorkerUnlocated', { input: { workerId: W3 } }))
        .thenThrows('already_unlocated'));

    // Unlocated on 2026-02-25 with a 30-day period: the fund may take it from 2026-03-27.
    it('transfers the held money to the fund once the period is over', () =>
      given(decider, [opened, fullPayment, unlocated])
        .when(transfer('2026-03-27'))
        .then([
          event('UnclaimedWagesTransferred', {
            workerId: W3,
            amountCents: 40_000,
            transferredOn: '2026-03-27',
            fund: 'State Unclaimed Wage Fund',
          }),
        ]));

    it('refuses a transfer before the period is over', () =>
      given(decider, [opened, fullPayment, unlocated])
        .when(transfer('2026-03-26'))
        .thenThrows('unclaimed_period_not_over'));

    it('refuses a transfer dated in the future', () =>
      given(decider, [opened, fullPayment, unlocated])
        .when(transfer('2026-04-02'))
        .thenThrows('future_date'));

    it('refuses transferring the wages of a worker not declared unlocated', () =>
      given(decider, [opened, fullPayment]).when(transfer('2026-03-01')).thenThrows('not_unlocated'));

    it('refuses a transfer when nothing is held for the worker', () => {
      const nothingHeld = event('WorkerUnlocated', { workerId: W3, declaredOn: '2026-02-25', heldCents: 0 });
      given(decider, [opened, nothingHeld]).when(transfer('2026-03-27')).thenThrows('nothing_held');
    });
  });
});
