import type { CollectionEvent } from '@lse/contracts';
import { given, replay } from '@lse/domain';
import { agreed, decider, numbered, opened, PLAN, schedule, SETTLEMENT } from '../../test/events';
import { cmd, id, supervisor, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
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
});
