import type { CollectionEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { decider, fullPayment, opened, payment } from '../../test/events';
import { cmd, id, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
  describe('disbursement', () => {
    const disburse = (workerId: string, amountCents?: number, n = 50) =>
      cmd('IssueDisbursement', {
        disbursementId: id(n),
        input: { workerId, method: 'check', ...(amountCents ? { amountCents } : {}) },
      });

    it('pays a worker what was collected for them, by default all of it', () =>
      given(decider, [opened, fullPayment])
        .when(disburse(W2))
        .then([
          {
            type: 'DisbursementIssued',
            data: {
              disbursementId: id(50),
              workerId: W2,
              amountCents: 60_000,
              issuedOn: '2026-03-10',
              method: 'check',
            },
          } as unknown as CollectionEvent,
        ]));

    it('never pays more than was collected for the worker, nor the same disbursement twice', () => {
      const half = payment(1, 100_000, [
        [W1, 50_000],
        [W2, 30_000],
        [W3, 20_000],
      ]);
      given(decider, [opened, half]).when(disburse(W1, 50_001)).thenThrows('invalid_transition');
      const first = {
        type: 'DisbursementIssued',
        data: {
          disbursementId: id(50),
          workerId: W1,
          amountCents: 50_000,
          issuedOn: '2026-03-10',
          method: 'check',
        },
      } as unknown as CollectionEvent;
      given(decider, [opened, half, first])
        .when(disburse(W1, undefined, 51))
        .thenThrows('invalid_transition');
      given(decider, [opened, half, first])
        .when(disburse(W2, 1, 50))
        .thenThrows('conflict');
      given(decider, [opened]).when(disburse(W1)).thenThrows('invalid_transition');
      given(decider, [opened, half])
        .when(disburse(id(77)))
        .thenThrows('validation');
    });

    it('holds an unlocated worker’s money and transfers it to the fund after the configured period', () => {
      const unlocated = {
        type: 'WorkerUnlocated',
        data: { workerId: W3, declaredOn: '2026-02-25', heldCents: 40_000 },
      } as unknown as CollectionEvent;
      given(decider, [opened, fullPayment])
        .when(cmd('MarkWorkerUnlocated', { input: { workerId: W3, declaredOn: '2026-02-25' } }))
        .then([unlocated]);
      given(decider, [opened, fullPayment, unlocated])
        .when(cmd('MarkWorkerUnlocated', { input: { workerId: W3 } }))
        .thenThrows('invalid_transition');
      const transfer = (on: string, now = '2026-04-01T00:00:00Z') => ({
        ...cmd('TransferUnclaimedWages', {
          input: { workerId: W3, fund: 'State Unclaimed Wage Fund', transferredOn: on },
        }),
        now,
      });
      // Unlocated on 2026-02-25 with a 30-day period: the fund may take it from 2026-03-27.
      given(decider, [opened, fullPayment, unlocated])
        .when(transfer('2026-03-26'))
        .thenThrows('invalid_transition');
      given(decider, [opened, fullPayment, unlocated]).when(transfer('2026-04-02')).thenThrows('validation'); // future
      given(decider, [opened, fullPayment, unlocated])
        .when(transfer('2026-03-27'))
        .then([
          {
            type: 'UnclaimedWagesTransferred',
            data: {
              workerId: W3,
              amountCents: 40_000,
              transferredOn: '2026-03-27',
              fund: 'State Unclaimed Wage Fund',
            },
          } as unknown as CollectionEvent,
        ]);
      given(decider, [opened, fullPayment]).when(transfer('2026-03-01')).thenThrows('invalid_transition');
    });
  });
});
