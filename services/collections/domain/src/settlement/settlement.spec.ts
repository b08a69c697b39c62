import { given, replay } from '@lse/domain';
import {
  agreed,
  decider,
  fullPayment,
  numbered,
  opened,
  PLAN,
  schedule,
  SETTLEMENT,
} from '../../test/events';
import { cmd, event, id, officer, supervisor, W1, W2, W3 } from '../../test/fixtures';

describe('collection decider', () => {
  describe('settlement', () => {
    const offer = {
      offeredBy: 'debtor' as const,
      amountCents: 150_000,
      installments: schedule.slice(0, 1).map((s) => ({ ...s, amountCents: 150_000 })),
      nonMonetaryTerms: [],
    };
    const offered = event('SettlementOffered', {
      offerId: id(10),
      offeredBy: 'debtor',
      offeredOn: '2026-03-10',
      amountCents: 150_000,
      installments: [{ installmentNo: 1, dueOn: '2026-03-01', amountCents: 150_000 }],
      nonMonetaryTerms: [],
    });
    const counter = (inResponseTo: string) =>
      cmd('CounterSettlement', {
        offerId: id(11),
        input: { ...offer, offeredBy: 'agency', amountCents: 200_000, installments: schedule, inResponseTo },
      });

    it('records an offer as a negotiation position', () =>
      given(decider, [opened])
        .when(cmd('OfferSettlement', { offerId: id(10), input: offer }))
        .then([offered]));

    it('records a counter-offer in response to an offer', () =>
      given(decider, [opened, offered])
        .when(counter(id(10)))
        .then([
          event('SettlementCountered', {
            offerId: id(11),
            offeredBy: 'agency',
            offeredOn: '2026-03-10',
            amountCents: 200_000,
            installments: numbered,
            nonMonetaryTerms: [],
            inResponseTo: id(10),
          }),
        ]));

    it('refuses a counter to an unknown offer', () =>
      given(decider, [opened])
        .when(counter(id(99)))
        .thenThrows('offer_not_found'));

    it('refuses an offer on a case with nothing outstanding', () =>
      given(decider, [opened, fullPayment])
        .when(cmd('OfferSettlement', { offerId: id(10), input: offer }))
        .thenThrows('nothing_outstanding'));

    const agree = (
      amountCents: number,
      extra: { compromiseReason?: string; acceptedOfferId?: string } = {},
    ) =>
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
        .when({ ...agree(200_000), actor: officer })
        .thenThrows('supervisor_approval_required'));

    it('refuses accepting an offer never made', () =>
      given(decider, [opened])
        .when(agree(200_000, { acceptedOfferId: id(99) }))
        .thenThrows('offer_not_found'));

    it('refuses settling for less without a reason', () =>
      given(decider, [opened]).when(agree(180_000)).thenThrows('compromise_reason_required'));

    it('settles for less with a reason, compromising the difference pro rata', () => {
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
      given(decider, [opened]).when(agree(200_001)).thenThrows('exceeds_outstanding'));
  });

  describe('orders, judgments and plans', () => {
    const order = (amountCents: number) =>
      cmd('IssueOrder', {
        orderId: id(20),
        input: { kind: 'administrative_order', amountCents, dueOn: '2026-04-01' },
      });
    const judgment = (input: { amountCents: number; enteredOn?: string }) =>
      cmd('EnterJudgment', {
        judgmentId: id(21),
        input: {
          court: 'SF Superior Court',
          docketNumber: 'CGC-26-000123',
          interestRateBasisPoints: 1000,
          ...input,
        },
      });
    const plan = (installments: { dueOn: string; amountCents: number }[]) =>
      cmd('EstablishPaymentPlan', {
        planId: PLAN,
        input: { basis: 'voluntary', establishedOn: '2026-02-15', installments },
      });

    it('issues an order', () =>
      given(decider, [opened])
        .when(order(200_000))
        .then([
          event('OrderIssued', {
            orderId: id(20),
            kind: 'administrative_order',
            issuedOn: '2026-03-10',
            amountCents: 200_000,
            dueOn: '2026-04-01',
          }),
        ]));

    it('refuses an order above the outstanding balance', () =>
      given(decider, [opened]).when(order(200_001)).thenThrows('exceeds_outstanding'));

    it('enters a judgment with an interest rate', () =>
      given(decider, [opened])
        .when(judgment({ amountCents: 200_000 }))
        .then([
          event('JudgmentEntered', {
            judgmentId: id(21),
            court: 'SF Superior Court',
            docketNumber: 'CGC-26-000123',
            enteredOn: '2026-03-10',
            amountCents: 200_000,
            interestRateBasisPoints: 1000,
          }),
        ]));

    it('refuses a judgment above the outstanding balance', () =>
      given(decider, [opened])
        .when(judgment({ amountCents: 200_001 }))
        .thenThrows('exceeds_outstanding'));

    it('refuses a judgment entered in the future', () =>
      given(decider, [opened])
        .when(judgment({ amountCents: 1, enteredOn: '2026-03-11' }))
        .thenThrows('future_date'));

    it('establishes a payment plan', () =>
      given(decider, [opened])
        .when(plan(schedule))
        .then([
          event('PaymentPlanEstablished', {
            planId: PLAN,
            basis: 'voluntary',
            establishedOn: '2026-02-15',
            installments: numbered,
          }),
        ]));

    it('refuses a payment plan larger than the balance', () =>
      given(decider, [opened])
        .when(plan([{ dueOn: '2026-04-01', amountCents: 200_001 }]))
        .thenThrows('exceeds_outstanding'));

    it('refuses a payment plan on a case with nothing outstanding', () =>
      given(decider, [opened, fullPayment]).when(plan(schedule)).thenThrows('nothing_outstanding'));
  });
});
