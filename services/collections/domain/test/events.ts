import { collectionDecider } from '../src/decider';
import { D1, event, id, openedEvent, W1, W2, W3 } from './fixtures';

/* Past events shared by the collection decider specs (one spec per use case, under src/). */

/** Unclaimed wages may go to the fund 30 days after a worker is declared unlocated; no grace days. */
export const decider = collectionDecider({ unclaimedAfterDays: 30, graceDays: 0 });
export const opened = openedEvent();

/** Three installments paying the whole 2,000.00 balance. */
export const schedule = [
  { dueOn: '2026-03-01', amountCents: 50_000 },
  { dueOn: '2026-04-01', amountCents: 50_000 },
  { dueOn: '2026-05-01', amountCents: 100_000 },
];
/** The schedule as the events record it. */
export const numbered = schedule.map((s, i) => ({ installmentNo: i + 1, ...s }));
export const PLAN = id(3);
export const SETTLEMENT = id(1);

/** A supervisor-approved settlement for the whole balance, paid by that schedule. */
export const agreed = [
  event('SettlementAgreed', {
    settlementId: SETTLEMENT,
    agreedOn: '2026-02-15',
    amountCents: 200_000,
    installments: numbered,
    nonMonetaryTerms: [
      { kind: 'notice_posting', description: 'Post the FLSA notice in Spanish and English.' },
    ],
    approvedBy: 'supervisor-1',
  }),
  event('PaymentPlanEstablished', {
    planId: PLAN,
    basis: 'settlement',
    sourceId: SETTLEMENT,
    establishedOn: '2026-02-15',
    installments: numbered,
  }),
];

/** A payment received toward the plan, split across the workers as given. */
export const payment = (
  n: number,
  amount: number,
  shares: [string, number][],
  receivedOn = '2026-02-20',
  planId: string | undefined = PLAN,
) =>
  event('PaymentReceived', {
    paymentId: id(100 + n),
    debtorId: D1,
    amountCents: amount,
    receivedOn,
    method: 'check',
    ...(planId ? { planId } : {}),
    allocations: shares.map(([workerId, amountCents]) => ({ workerId, amountCents })),
  });

/** The whole balance, paid at once. */
export const fullPayment = payment(1, 200_000, [
  [W1, 100_000],
  [W2, 60_000],
  [W3, 40_000],
]);

/** Every worker paid out what fullPayment allocated to them. */
export const paidOut = [W1, W2, W3].map((workerId, i) =>
  event('DisbursementIssued', {
    disbursementId: id(50 + i),
    workerId,
    amountCents: [100_000, 60_000, 40_000][i],
    issuedOn: '2026-03-01',
    method: 'check',
  }),
);

/** Closed once fully paid and paid out. */
export const closedInFull = event('CollectionCaseClosed', {
  closedOn: '2026-03-10',
  reason: 'paid_in_full',
  collectedCents: 200_000,
  writtenOffCents: 0,
});

/** The plan's n-th installment, recorded as missed. */
export const missed = (installmentNo: number) =>
  event('InstallmentMissed', {
    planId: PLAN,
    installmentNo,
    dueOn: numbered[installmentNo - 1].dueOn,
    amountDueCents: numbered[installmentNo - 1].amountCents,
  });
