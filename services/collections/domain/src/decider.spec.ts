import type { CollectionEvent } from '@lse/contracts';
import { given, replay } from '@lse/domain';
import { collectionDecider } from './decider';
import { ledgerView } from './ledger';
import { CASE, cmd, D1, D2, id, NOW, openedEvent, opening, supervisor, W1, W2, W3 } from '../test/fixtures';

const decider = collectionDecider({ unclaimedAfterDays: 30, graceDays: 0 });
const opened = openedEvent();

const schedule = [
  { dueOn: '2026-03-01', amountCents: 50_000 },
  { dueOn: '2026-04-01', amountCents: 50_000 },
  { dueOn: '2026-05-01', amountCents: 100_000 },
];
const numbered = schedule.map((s, i) => ({ installmentNo: i + 1, ...s }));
const PLAN = id(3);
const SETTLEMENT = id(1);

const agreed: CollectionEvent[] = [
  {
    type: 'SettlementAgreed',
    data: {
      settlementId: SETTLEMENT,
      agreedOn: '2026-02-15',
      amountCents: 200_000,
      installments: numbered,
      nonMonetaryTerms: [
        { kind: 'notice_posting', description: 'Post the FLSA notice in Spanish and English.' },
      ],
      approvedBy: 'supervisor-1',
    },
  } as unknown as CollectionEvent,
  {
    type: 'PaymentPlanEstablished',
    data: {
      planId: PLAN,
      basis: 'settlement',
      sourceId: SETTLEMENT,
      establishedOn: '2026-02-15',
      installments: numbered,
    },
  } as unknown as CollectionEvent,
];

const payment = (
  n: number,
  amount: number,
  shares: [string, number][],
  receivedOn = '2026-02-20',
  planId: string | undefined = PLAN,
) =>
  ({
    type: 'PaymentReceived',
    data: {
      paymentId: id(100 + n),
      debtorId: D1,
      amountCents: amount,
      receivedOn,
      method: 'check',
      ...(planId ? { planId } : {}),
      allocations: shares.map(([workerId, amountCents]) => ({ workerId, amountCents })),
    },
  }) as unknown as CollectionEvent;

const fullPayment = payment(1, 200_000, [
  [W1, 100_000],
  [W2, 60_000],
  [W3, 40_000],
]);

describe('collection decider', () => {
  describe('opening (reaction to DeterminationIssued)', () => {
    it('opens the case with the assessed amounts and the jointly liable debtors', () =>
      given(decider, [])
        .when(cmd('OpenCollectionCase', { opening: opening() }))
        .then([opened]));

    it('ignores the same determination delivered again', () =>
      given(decider, [opened])
        .when(cmd('OpenCollectionCase', { opening: opening() }))
        .then([]));

    it('refuses a second, different determination', () =>
      given(decider, [opened])
        .when(cmd('OpenCollectionCase', { opening: { ...opening(), determinationId: id(901) } }))
        .thenThrows('conflict'));

    it('refuses commands on a case that was never opened', () =>
      given(decider, [])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(1),
            input: { debtorId: D1, amountCents: 1, method: 'check' },
          }),
        )
        .thenThrows('not_found'));
  });

  describe('settlement', () => {
    const offer = {
      offeredBy: 'debtor' as const,
      amountCents: 150_000,
      installments: schedule.slice(0, 1).map((s) => ({ ...s, amountCents: 150_000 })),
      nonMonetaryTerms: [],
    };

    it('records an offer and a counter-offer as negotiation positions', () => {
      const offered: CollectionEvent = {
        type: 'SettlementOffered',
        data: {
          offerId: id(10),
          offeredBy: 'debtor',
          offeredOn: '2026-03-10',
          amountCents: 150_000,
          installments: [{ installmentNo: 1, dueOn: '2026-03-01', amountCents: 150_000 }],
          nonMonetaryTerms: [],
        },
      } as unknown as CollectionEvent;
      given(decider, [opened])
        .when(cmd('OfferSettlement', { offerId: id(10), input: offer }))
        .then([offered]);
      given(decider, [opened, offered])
        .when(
          cmd('CounterSettlement', {
            offerId: id(11),
            input: {
              ...offer,
              offeredBy: 'agency',
              amountCents: 200_000,
              installments: schedule,
              inResponseTo: id(10),
            },
          }),
        )
        .then([
          {
            type: 'SettlementCountered',
            data: {
              offerId: id(11),
              offeredBy: 'agency',
              offeredOn: '2026-03-10',
              amountCents: 200_000,
              installments: numbered,
              nonMonetaryTerms: [],
              inResponseTo: id(10),
            },
          } as unknown as CollectionEvent,
        ]);
    });

    it('refuses a counter to an unknown offer', () =>
      given(decider, [opened])
        .when(cmd('CounterSettlement', { offerId: id(11), input: { ...offer, inResponseTo: id(99) } }))
        .thenThrows('not_found'));

    const agree = (amountCents: number, extra: Record<string, unknown> = {}) =>
      cmd(
        'AgreeSettlement',
        {
          settlementId: SETTLEMENT,
          planId: PLAN,
          compromiseId: id(2),
          input: {
            agreedOn: '2026-02-15',
            amountCents,
            installments: schedule.map((s, i) =>
              i === 2 ? { ...s, amountCents: amountCents - 100_000 } : s,
            ),
            nonMonetaryTerms: [
              { kind: 'notice_posting', description: 'Post the FLSA notice in Spanish and English.' },
            ],
            ...extra,
          },
        },
        supervisor,
      );

    it('agrees a settlement for the whole balance with a supervisor: agreement and payment plan', () =>
      given(decider, [opened]).when(agree(200_000)).then(agreed));

    it('needs a supervisor to agree', () =>
      given(decider, [opened])
        .when({ ...agree(200_000), actor: { id: 'officer-1', role: 'collections_officer' } })
        .thenThrows('forbidden'));

    it('settles for less only with a reason, compromising the difference pro rata', () => {
      given(decider, [opened]).when(agree(180_000)).thenThrows('validation');
      const events = decider.decide(
        agree(180_000, { compromiseReason: 'Debtor hardship documented.' }),
        replay(decider, [opened]),
      );
      expect(events.map((e) => e.type)).toEqual([
        'SettlementAgreed',
        'DebtCompromised',
        'PaymentPlanEstablished',
      ]);
      expect(events[1].data).toMatchObject({
        kind: 'compromise',
        amountCents: 20_000,
        allocations: [
          { workerId: W1, amountCents: 10_000 },
          { workerId: W2, amountCents: 6_000 },
          { workerId: W3, amountCents: 4_000 },
        ],
        approvedBy: 'supervisor-1',
      });
    });

    it('refuses a settlement above the outstanding balance', () =>
      given(decider, [opened]).when(agree(200_001)).thenThrows('invalid_transition'));
  });

  describe('orders, judgments and plans', () => {
    it('issues an order and enters a judgment with an interest rate', () => {
      given(decider, [opened])
        .when(
          cmd('IssueOrder', {
            orderId: id(20),
            input: { kind: 'administrative_order', amountCents: 200_000, dueOn: '2026-04-01' },
          }),
        )
        .then([
          {
            type: 'OrderIssued',
            data: {
              orderId: id(20),
              kind: 'administrative_order',
              issuedOn: '2026-03-10',
              amountCents: 200_000,
              dueOn: '2026-04-01',
            },
          } as unknown as CollectionEvent,
        ]);
      given(decider, [opened])
        .when(
          cmd('EnterJudgment', {
            judgmentId: id(21),
            input: {
              court: 'SF Superior Court',
              docketNumber: 'CGC-26-000123',
              amountCents: 200_000,
              interestRateBasisPoints: 1000,
            },
          }),
        )
        .then([
          {
            type: 'JudgmentEntered',
            data: {
              judgmentId: id(21),
              court: 'SF Superior Court',
              docketNumber: 'CGC-26-000123',
              enteredOn: '2026-03-10',
              amountCents: 200_000,
              interestRateBasisPoints: 1000,
            },
          } as unknown as CollectionEvent,
        ]);
    });

    it('establishes a payment plan no larger than the balance', () => {
      given(decider, [opened])
        .when(
          cmd('EstablishPaymentPlan', {
            planId: PLAN,
            input: { basis: 'voluntary', establishedOn: '2026-02-15', installments: schedule },
          }),
        )
        .then([
          {
            type: 'PaymentPlanEstablished',
            data: { planId: PLAN, basis: 'voluntary', establishedOn: '2026-02-15', installments: numbered },
          } as unknown as CollectionEvent,
        ]);
      given(decider, [opened])
        .when(
          cmd('EstablishPaymentPlan', {
            planId: PLAN,
            input: { basis: 'voluntary', installments: [{ dueOn: '2026-04-01', amountCents: 200_001 }] },
          }),
        )
        .thenThrows('invalid_transition');
    });

    it('refuses dates in the future', () =>
      given(decider, [opened])
        .when(
          cmd('EnterJudgment', {
            judgmentId: id(21),
            input: {
              court: 'X',
              docketNumber: 'Y',
              enteredOn: '2026-03-11',
              amountCents: 1,
              interestRateBasisPoints: 0,
            },
          }),
        )
        .thenThrows('validation'));
  });

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

    const paidOut = [W1, W2, W3].map(
      (w, i) =>
        ({
          type: 'DisbursementIssued',
          data: {
            disbursementId: id(50 + i),
            workerId: w,
            amountCents: [100_000, 60_000, 40_000][i],
            issuedOn: '2026-03-01',
            method: 'check',
          },
        }) as unknown as CollectionEvent,
    );
    const closed = {
      type: 'CollectionCaseClosed',
      data: { closedOn: '2026-03-10', reason: 'paid_in_full', collectedCents: 200_000, writtenOffCents: 0 },
    } as unknown as CollectionEvent;

    it('closes only when nothing is outstanding and everything collected was paid out', () => {
      given(decider, [opened, fullPayment])
        .when(cmd('CloseCollectionCase', { input: { reason: 'paid_in_full' } }))
        .thenThrows('invalid_transition');
      given(decider, [opened, fullPayment, ...paidOut])
        .when(cmd('CloseCollectionCase', { input: { reason: 'paid_in_full' } }))
        .then([closed]);
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
      given(decider, [opened, fullPayment, ...paidOut, closed])
        .when(command)
        .thenThrows('invalid_transition'),
    );

    it('leaves a closed case out of the scheduled check', () =>
      given(decider, [opened, fullPayment, ...paidOut, closed])
        .when(cmd('CheckInstallments', {}))
        .then([]));
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
