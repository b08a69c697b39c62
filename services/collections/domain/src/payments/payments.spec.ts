import { given, replay } from '@lse/domain';
import { agreed, decider, fullPayment, missed, opened, payment, PLAN } from '../../test/events';
import { CASE, cmd, D1, D2, event, id, NOW, W1, W2, W3 } from '../../test/fixtures';
import { ledgerView } from '../ledger';

describe('collection decider', () => {
  describe('payments', () => {
    const receive = (amountCents: number, debtorId = D1, n = 1) =>
      cmd('ReceivePayment', { paymentId: id(100 + n), input: { debtorId, amountCents, method: 'check' } });

    it('allocates a partial payment pro rata by largest remainder and counts it toward the plan', () =>
      given(decider, [opened, ...agreed])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(101),
            input: { debtorId: D2, amountCents: 33_333, receivedOn: '2026-02-20', method: 'check' },
          }),
        )
        .then([
          event('PaymentReceived', {
            paymentId: id(101),
            debtorId: D2,
            amountCents: 33_333,
            receivedOn: '2026-02-20',
            method: 'check',
            planId: PLAN,
            allocations: [
              { workerId: W1, amountCents: 16_666 },
              { workerId: W2, amountCents: 10_000 },
              { workerId: W3, amountCents: 6_667 },
            ],
          }),
        ]));

    it.each([-500, 0, 12.5])('refuses a payment of %s cents', (amountCents) =>
      given(decider, [opened]).when(receive(amountCents)).thenThrows('invalid_amount'),
    );

    it('refuses a payment from someone not liable', () =>
      given(decider, [opened])
        .when(receive(1, id(77)))
        .thenThrows('unknown_debtor'));

    it('refuses a payment above the balance', () =>
      given(decider, [opened]).when(receive(200_001)).thenThrows('exceeds_outstanding'));

    it('refuses a payment on a case paid in full', () =>
      given(decider, [opened, fullPayment])
        .when(receive(1, D1, 2))
        .thenThrows('nothing_outstanding'));

    it('refuses a payment id already received', () =>
      given(decider, [opened, payment(1, 1_000, [[W1, 1_000]])])
        .when(receive(1_000))
        .thenThrows('duplicate_id'));

    it('refuses a payment received in the future', () =>
      given(decider, [opened])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(101),
            input: { debtorId: D1, amountCents: 1, receivedOn: '2026-03-11', method: 'check' },
          }),
        )
        .thenThrows('future_date'));
  });

  describe('reversing a payment', () => {
    const p = payment(1, 50_000, [
      [W1, 25_000],
      [W2, 15_000],
      [W3, 10_000],
    ]);
    const reverse = (
      paymentId = id(101),
      reason: 'insufficient_funds' | 'chargeback' = 'insufficient_funds',
    ) => cmd('ReversePayment', { input: { paymentId, reason } });
    const reversed = event('PaymentReversed', {
      paymentId: id(101),
      reason: 'insufficient_funds',
      reversedOn: '2026-03-10',
      amountCents: 50_000,
      allocations: p.data.allocations,
    });

    it('takes back exactly what the payment allocated', () =>
      given(decider, [opened, ...agreed, p])
        .when(reverse())
        .then([reversed]));

    it('refuses reversing a payment twice', () =>
      given(decider, [opened, ...agreed, p, reversed])
        .when(reverse())
        .thenThrows('already_reversed'));

    it('refuses reversing a payment never received', () =>
      given(decider, [opened, p])
        .when(reverse(id(102)))
        .thenThrows('payment_not_found'));

    it('refuses reversing a payment whose money was paid out', () => {
      const paidOut = event('DisbursementIssued', {
        disbursementId: id(50),
        workerId: W1,
        amountCents: 25_000,
        issuedOn: '2026-03-01',
        method: 'check',
      });
      given(decider, [opened, ...agreed, p, paidOut])
        .when(reverse(id(101), 'chargeback'))
        .thenThrows('already_disbursed');
    });
  });

  describe('the scheduled installment check', () => {
    const check = (now: string) =>
      cmd('CheckInstallments', {}, { id: 'service:collections', role: 'system' }, now);
    const p1 = payment(1, 50_000, [
      [W1, 25_000],
      [W2, 15_000],
      [W3, 10_000],
    ]);

    it('records an installment whose due date passed unpaid, with data that depends only on the plan', () =>
      given(decider, [opened, ...agreed, p1])
        .when(check('2026-04-02T08:00:00Z'))
        .then([missed(2)]));

    it('does not count the due date itself as late', () =>
      given(decider, [opened, ...agreed, p1])
        .when(check('2026-04-01T23:59:00Z'))
        .then([]));

    it('does not record a miss twice', () =>
      given(decider, [opened, ...agreed, p1, missed(2)])
        .when(check('2026-04-20T08:00:00Z'))
        .then([]));

    it('finds several missed installments at once', () => {
      const events = decider.decide(check('2026-05-02T00:00:00Z'), replay(decider, [opened, ...agreed]));
      expect(events).toEqual([missed(1), missed(2), missed(3)]);
    });

    it('finds none on a case without a plan', () =>
      given(decider, [opened]).when(check('2026-05-02T00:00:00Z')).then([]));

    it('finds none where no case was opened', () =>
      given(decider, []).when(check('2026-05-02T00:00:00Z')).then([]));
  });

  describe('default', () => {
    const p1 = payment(1, 50_000, [
      [W1, 25_000],
      [W2, 15_000],
      [W3, 10_000],
    ]);

    it('declares a default after a missed installment, accelerating the balance', () =>
      given(decider, [opened, ...agreed, p1, missed(2)])
        .when(cmd('DeclareDefault', { input: { declaredOn: '2026-03-10' } }))
        .then([
          event('DefaultDeclared', {
            planId: PLAN,
            declaredOn: '2026-03-10',
            missedInstallments: [2],
            balanceDueCents: 150_000,
          }),
        ]));

    it('refuses a default before any installment is missed', () =>
      given(decider, [opened, ...agreed, p1])
        .when(cmd('DeclareDefault', { input: {} }))
        .thenThrows('no_missed_installment'));

    it('refuses a default without an active plan', () =>
      given(decider, [opened])
        .when(cmd('DeclareDefault', { input: {} }))
        .thenThrows('no_active_plan'));
  });

  describe('escalation', () => {
    const lien = cmd('TakeEscalation', {
      escalationId: id(30),
      input: { kind: 'lien', debtorId: D1, reference: 'Recorder 2026-0001234' },
    });

    it('needs something enforceable first', () =>
      given(decider, [opened, ...agreed])
        .when(lien)
        .thenThrows('nothing_to_enforce'));

    it('refuses an escalation on a case paid in full', () =>
      given(decider, [opened, fullPayment]).when(lien).thenThrows('nothing_outstanding'));

    it('refuses an escalation against someone not liable', () =>
      given(decider, [opened, ...agreed, missed(1)])
        .when(cmd('TakeEscalation', { escalationId: id(30), input: { kind: 'lien', debtorId: id(77) } }))
        .thenThrows('unknown_debtor'));

    it.each([
      'lien',
      'levy',
      'stop_work_order',
      'license_hold',
      'bond_claim',
      'prosecution_referral',
      'publication',
    ] as const)('takes a %s after a missed installment', (kind) =>
      given(decider, [opened, ...agreed, missed(1)])
        .when(cmd('TakeEscalation', { escalationId: id(30), input: { kind, debtorId: D2 } }))
        .then([
          event('EscalationTaken', { escalationId: id(30), kind, debtorId: D2, takenOn: '2026-03-10' }),
        ]),
    );
  });

  it('keeps the ledger balanced along the way', () => {
    const state = replay(decider, [
      opened,
      ...agreed,
      payment(1, 33_333, [
        [W1, 16_666],
        [W2, 10_000],
        [W3, 6_667],
      ]),
    ]);
    if (state.status !== 'open') throw new Error('expected open');
    const view = ledgerView(state.ledger);
    expect(view.balanced).toBe(true);
    expect(view.totals).toMatchObject({
      assessedCents: 200_000,
      collectedCents: 33_333,
      outstandingCents: 166_667,
    });
    expect(state.plan?.paidCents).toBe(33_333);
    expect(CASE).toBeDefined();
    expect(NOW).toBe('2026-03-10T17:00:00.000Z');
  });
});
