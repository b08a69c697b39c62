import type { CollectionEvent } from '@lse/contracts';
import { given, replay } from '@lse/domain';
import { agreed, decider, fullPayment, opened, payment, PLAN } from '../../test/events';
import { CASE, cmd, D1, D2, id, NOW, W1, W2, W3 } from '../../test/fixtures';
import { ledgerView } from '../ledger';

describe('collection decider', () => {
  describe('payments', () => {
    it('allocates a partial payment pro rata by largest remainder and counts it toward the plan', () =>
      given(decider, [opened, ...agreed])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(101),
            input: { debtorId: D2, amountCents: 33_333, receivedOn: '2026-02-20', method: 'check' },
          }),
        )
        .then([
          {
            type: 'PaymentReceived',
            data: {
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
            },
          } as unknown as CollectionEvent,
        ]));

    it.each([-500, 0, 12.5])('refuses a payment of %s cents with a validation error', (amountCents) =>
      given(decider, [opened])
        .when(
          cmd('ReceivePayment', { paymentId: id(1), input: { debtorId: D1, amountCents, method: 'check' } }),
        )
        .thenThrows('validation'),
    );

    it('refuses a payment from someone not liable, above the balance, or on a paid case', () => {
      given(decider, [opened])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(1),
            input: { debtorId: id(77), amountCents: 1, method: 'check' },
          }),
        )
        .thenThrows('validation');
      given(decider, [opened])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(1),
            input: { debtorId: D1, amountCents: 200_001, method: 'check' },
          }),
        )
        .thenThrows('invalid_transition');
      given(decider, [opened, fullPayment])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(2),
            input: { debtorId: D1, amountCents: 1, method: 'check' },
          }),
        )
        .thenThrows('invalid_transition');
    });

    it('reverses a payment exactly, once, and not after its money was paid out', () => {
      const p = payment(1, 50_000, [
        [W1, 25_000],
        [W2, 15_000],
        [W3, 10_000],
      ]);
      const reversed: CollectionEvent = {
        type: 'PaymentReversed',
        data: {
          paymentId: id(101),
          reason: 'insufficient_funds',
          reversedOn: '2026-03-10',
          amountCents: 50_000,
          allocations: (p.data as { allocations: unknown[] }).allocations,
        },
      } as unknown as CollectionEvent;
      given(decider, [opened, ...agreed, p])
        .when(cmd('ReversePayment', { input: { paymentId: id(101), reason: 'insufficient_funds' } }))
        .then([reversed]);
      given(decider, [opened, ...agreed, p, reversed])
        .when(cmd('ReversePayment', { input: { paymentId: id(101), reason: 'insufficient_funds' } }))
        .thenThrows('invalid_transition');
      given(decider, [opened, p])
        .when(cmd('ReversePayment', { input: { paymentId: id(102), reason: 'other' } }))
        .thenThrows('not_found');
      const paidOut: CollectionEvent = {
        type: 'DisbursementIssued',
        data: {
          disbursementId: id(50),
          workerId: W1,
          amountCents: 25_000,
          issuedOn: '2026-03-01',
          method: 'check',
        },
      } as unknown as CollectionEvent;
      given(decider, [opened, ...agreed, p, paidOut])
        .when(cmd('ReversePayment', { input: { paymentId: id(101), reason: 'chargeback' } }))
        .thenThrows('invalid_transition');
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
        .then([
          {
            type: 'InstallmentMissed',
            data: { planId: PLAN, installmentNo: 2, dueOn: '2026-04-01', amountDueCents: 50_000 },
          } as unknown as CollectionEvent,
        ]));

    it('does not count the due date itself as late, nor record a miss twice', () => {
      given(decider, [opened, ...agreed, p1])
        .when(check('2026-04-01T23:59:00Z'))
        .then([]);
      const missed = {
        type: 'InstallmentMissed',
        data: { planId: PLAN, installmentNo: 2, dueOn: '2026-04-01', amountDueCents: 50_000 },
      } as unknown as CollectionEvent;
      given(decider, [opened, ...agreed, p1, missed])
        .when(check('2026-04-20T08:00:00Z'))
        .then([]);
    });

    it('finds several missed installments at once, and none on a case without an active plan', () => {
      const events = decider.decide(check('2026-05-02T00:00:00Z'), replay(decider, [opened, ...agreed]));
      expect(events.map((e) => (e.data as { installmentNo: number }).installmentNo)).toEqual([1, 2, 3]);
      given(decider, [opened]).when(check('2026-05-02T00:00:00Z')).then([]);
      given(decider, []).when(check('2026-05-02T00:00:00Z')).then([]);
    });

    it('declares a default only after a missed installment, accelerating the balance', () => {
      const missed = {
        type: 'InstallmentMissed',
        data: { planId: PLAN, installmentNo: 2, dueOn: '2026-04-01', amountDueCents: 50_000 },
      } as unknown as CollectionEvent;
      given(decider, [opened, ...agreed, p1])
        .when(cmd('DeclareDefault', { input: {} }))
        .thenThrows('invalid_transition');
      given(decider, [opened, ...agreed, p1, missed])
        .when(cmd('DeclareDefault', { input: { declaredOn: '2026-03-10' } }))
        .then([
          {
            type: 'DefaultDeclared',
            data: {
              planId: PLAN,
              declaredOn: '2026-03-10',
              missedInstallments: [2],
              balanceDueCents: 150_000,
            },
          } as unknown as CollectionEvent,
        ]);
    });
  });

  describe('escalation', () => {
    const lien = cmd('TakeEscalation', {
      escalationId: id(30),
      input: { kind: 'lien', debtorId: D1, reference: 'Recorder 2026-0001234' },
    });
    it('needs something enforceable first', () =>
      given(decider, [opened, ...agreed])
        .when(lien)
        .thenThrows('invalid_transition'));
    it.each([
      'lien',
      'levy',
      'stop_work_order',
      'license_hold',
      'bond_claim',
      'prosecution_referral',
      'publication',
    ] as const)('takes a %s after a missed installment', (kind) => {
      const missed = {
        type: 'InstallmentMissed',
        data: { planId: PLAN, installmentNo: 1, dueOn: '2026-03-01', amountDueCents: 50_000 },
      } as unknown as CollectionEvent;
      given(decider, [opened, ...agreed, missed])
        .when(cmd('TakeEscalation', { escalationId: id(30), input: { kind, debtorId: D2 } }))
        .then([
          {
            type: 'EscalationTaken',
            data: { escalationId: id(30), kind, debtorId: D2, takenOn: '2026-03-10' },
          } as unknown as CollectionEvent,
        ]);
    });
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
