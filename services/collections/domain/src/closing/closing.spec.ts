import { given } from '@lse/domain';
import { closedInFull, decider, fullPayment, opened, paidOut } from '../../test/events';
import { cmd, D1, event, id, officer, supervisor, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
  describe('compromise and write-off', () => {
    const writeOff = (amountCents: number, actor = supervisor, n = 60) =>
      cmd(
        'CompromiseDebt',
        {
          compromiseId: id(n),
          input: { kind: 'write_off', amountCents, reason: 'Debtor dissolved; no assets.' },
        },
        actor,
      );
    const writtenOff = event('DebtCompromised', {
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
    });

    it('writes off with a supervisor, pro rata to the balances', () =>
      given(decider, [opened]).when(writeOff(200_000)).then([writtenOff]));

    it('refuses a write-off without a supervisor', () =>
      given(decider, [opened]).when(writeOff(200_000, officer)).thenThrows('supervisor_approval_required'));

    it('refuses writing off more than is outstanding', () =>
      given(decider, [opened]).when(writeOff(200_001)).thenThrows('exceeds_outstanding'));

    it('refuses a write-off when nothing is outstanding', () =>
      given(decider, [opened, writtenOff])
        .when(writeOff(1, supervisor, 61))
        .thenThrows('nothing_outstanding'));

    it('refuses the same compromise twice', () =>
      given(decider, [opened, writtenOff]).when(writeOff(1)).thenThrows('duplicate_id'));
  });

  describe('close', () => {
    const close = cmd('CloseCollectionCase', { input: { reason: 'paid_in_full' } });

    it('closes when nothing is outstanding and everything collected was paid out', () =>
      given(decider, [opened, fullPayment, ...paidOut])
        .when(close)
        .then([closedInFull]));

    it('refuses closing while money collected is not paid out', () =>
      given(decider, [opened, fullPayment]).when(close).thenThrows('money_open'));

    it('refuses closing while money is outstanding', () =>
      given(decider, [opened]).when(close).thenThrows('money_open'));

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
        .thenThrows('collection_case_closed'),
    );

    it('leaves a closed case out of the scheduled check', () =>
      given(decider, [opened, fullPayment, ...paidOut, closedInFull])
        .when(cmd('CheckInstallments', {}))
        .then([]));
  });
});
