import type { CollectionEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { closedInFull, decider, fullPayment, opened, paidOut } from '../../test/events';
import { cmd, D1, id, supervisor, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
  describe('compromise, write-off and close', () => {
    const writeOff = (amountCents: number, actor = supervisor) =>
      cmd(
        'CompromiseDebt',
        {
          compromiseId: id(60),
          input: { kind: 'write_off', amountCents, reason: 'Debtor dissolved; no assets.' },
        },
        actor,
      );

    it('writes off with a supervisor, pro rata to the balances', () => {
      given(decider, [opened])
        .when(writeOff(200_000, { id: 'officer-1', role: 'collections_officer' }))
        .thenThrows('forbidden');
      given(decider, [opened]).when(writeOff(200_001)).thenThrows('invalid_transition');
      given(decider, [opened])
        .when(writeOff(200_000))
        .then([
          {
            type: 'DebtCompromised',
            data: {
              compromiseId: id(60),
              kind: 'write_off',
              decidedOn: '2026-03-10',
              amountCents: 200_000,
              allocations: [
                { workerId: W1, amountCents: 100_000 },
                { workerId: W2, amountCents: 60_000 },
                { workerId: W3, amountCents: 40_000 },
              ],
              reason: 'Debtor dissolved; no assets.',
              approvedBy: 'supervisor-1',
            },
          } as unknown as CollectionEvent,
        ]);
    });

    it('closes only when nothing is outstanding and everything collected was paid out', () => {
      given(decider, [opened, fullPayment])
        .when(cmd('CloseCollectionCase', { input: { reason: 'paid_in_full' } }))
        .thenThrows('invalid_transition');
      given(decider, [opened, fullPayment, ...paidOut])
        .when(cmd('CloseCollectionCase', { input: { reason: 'paid_in_full' } }))
        .then([closedInFull]);
    });

    it.each([
      [
        'a payment',
        cmd('ReceivePayment', { paymentId: id(9), input: { debtorId: D1, amountCents: 1, method: 'check' } }),
      ],
      [
        'a disbursement',
        cmd('IssueDisbursement', { disbursementId: id(9), input: { workerId: W1, method: 'check' } }),
      ],
      [
        'an escalation',
        cmd('TakeEscalation', { escalationId: id(9), input: { kind: 'lien', debtorId: D1 } }),
      ],
      ['closing again', cmd('CloseCollectionCase', { input: { reason: 'other' } })],
    ])('refuses %s after close', (_what, command) =>
      given(decider, [opened, fullPayment, ...paidOut, closedInFull])
        .when(command)
        .thenThrows('invalid_transition'),
    );

    it('leaves a closed case out of the scheduled check', () =>
      given(decider, [opened, fullPayment, ...paidOut, closedInFull])
        .when(cmd('CheckInstallments', {}))
        .then([]));
  });
});
