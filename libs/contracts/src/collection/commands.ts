import { z } from 'zod';
import { isoDate, officeCode, text, uuid } from '../fields';
import {
  CLOSE_REASONS,
  REOPEN_REASONS,
  COMPROMISE_KINDS,
  DISBURSEMENT_METHODS,
  ESCALATION_KINDS,
  NonMonetaryTermSchema,
  OFFER_PARTIES,
  ORDER_KINDS,
  PAYMENT_METHODS,
  PLAN_BASES,
  positiveCents,
  REVERSAL_REASONS,
  scheduleIssues,
} from './parts';

/*
 * Commands and queries of the collections service (request bodies and NATS payloads). Not stored
 * as such, so not classified: the events they cause are. Dates default to the service's today.
 */

/** NATS request/reply patterns served by `services/collections` (queue group `collections`). */
export const COLLECTIONS_PATTERNS = {
  offerSettlement: 'collections.offerSettlement',
  counterSettlement: 'collections.counterSettlement',
  agreeSettlement: 'collections.agreeSettlement',
  issueOrder: 'collections.issueOrder',
  enterJudgment: 'collections.enterJudgment',
  establishPaymentPlan: 'collections.establishPaymentPlan',
  receivePayment: 'collections.receivePayment',
  reversePayment: 'collections.reversePayment',
  declareDefault: 'collections.declareDefault',
  takeEscalation: 'collections.takeEscalation',
  issueDisbursement: 'collections.issueDisbursement',
  markWorkerUnlocated: 'collections.markWorkerUnlocated',
  transferUnclaimedWages: 'collections.transferUnclaimedWages',
  compromiseDebt: 'collections.compromiseDebt',
  closeCase: 'collections.closeCase',
  reopenCase: 'collections.reopenCase',
  runInstallmentCheck: 'collections.runInstallmentCheck',
  getCase: 'collections.getCase',
  getLedger: 'collections.getLedger',
  debtorStatement: 'collections.debtorStatement',
  workerStatement: 'collections.workerStatement',
  listReceivables: 'collections.listReceivables',
  listInstallmentsDue: 'collections.listInstallmentsDue',
  listDefaults: 'collections.listDefaults',
  collectionRate: 'collections.collectionRate',
} as const;
export type CollectionsPattern = (typeof COLLECTIONS_PATTERNS)[keyof typeof COLLECTIONS_PATTERNS];

/** An installment as a client enters it: numbered by position. */
export const InstallmentInput = z.strictObject({ dueOn: isoDate(), amountCents: positiveCents() });
export const InstallmentsInput = z
  .array(InstallmentInput)
  .min(1)
  .max(600)
  .superRefine((items, ctx) => {
    for (const message of scheduleIssues(items)) ctx.addIssue({ code: 'custom', message });
  });

const scheduleAddsUp = (
  d: { amountCents: number; installments: { amountCents: number }[] },
  ctx: z.RefinementCtx,
) => {
  const sum = d.installments.reduce((s, i) => s + i.amountCents, 0);
  if (sum !== d.amountCents)
    ctx.addIssue({
      code: 'custom',
      path: ['installments'],
      message: `installments add up to ${sum} cents, not the amount of ${d.amountCents}`,
    });
};

const positionInput = {
  offeredBy: z.enum(OFFER_PARTIES),
  offeredOn: isoDate().optional(),
  amountCents: positiveCents(),
  installments: InstallmentsInput,
  nonMonetaryTerms: z.array(NonMonetaryTermSchema).max(50).default([]),
  note: text(4000).optional(),
};

export const OfferSettlementInput = z.strictObject(positionInput).superRefine(scheduleAddsUp);
export type OfferSettlementInput = z.infer<typeof OfferSettlementInput>;

export const CounterSettlementInput = z
  .strictObject({ ...positionInput, inResponseTo: uuid() })
  .superRefine(scheduleAddsUp);
export type CounterSettlementInput = z.infer<typeof CounterSettlementInput>;

export const AgreeSettlementInput = z
  .strictObject({
    acceptedOfferId: uuid().optional(),
    agreedOn: isoDate().optional(),
    amountCents: positiveCents(),
    installments: InstallmentsInput,
    nonMonetaryTerms: z.array(NonMonetaryTermSchema).max(50).default([]),
    /** Why the agency accepts less than the outstanding balance, when it does. */
    compromiseReason: text(4000).optional(),
  })
  .superRefine(scheduleAddsUp);
export type AgreeSettlementInput = z.infer<typeof AgreeSettlementInput>;

export const IssueOrderInput = z.strictObject({
  kind: z.enum(ORDER_KINDS),
  issuedOn: isoDate().optional(),
  amountCents: positiveCents(),
  dueOn: isoDate(),
  issuer: text(300).optional(),
});
export type IssueOrderInput = z.infer<typeof IssueOrderInput>;

export const EnterJudgmentInput = z.strictObject({
  court: text(300),
  docketNumber: text(100),
  enteredOn: isoDate().optional(),
  amountCents: positiveCents(),
  interestRateBasisPoints: z.int().min(0).max(10_000),
});
export type EnterJudgmentInput = z.infer<typeof EnterJudgmentInput>;

export const EstablishPaymentPlanInput = z.strictObject({
  basis: z.enum(PLAN_BASES),
  sourceId: uuid().optional(),
  establishedOn: isoDate().optional(),
  installments: InstallmentsInput,
});
export type EstablishPaymentPlanInput = z.infer<typeof EstablishPaymentPlanInput>;

export const ReceivePaymentInput = z.strictObject({
  debtorId: uuid(),
  amountCents: positiveCents(),
  receivedOn: isoDate().optional(),
  method: z.enum(PAYMENT_METHODS),
  reference: text(100).optional(),
});
export type ReceivePaymentInput = z.infer<typeof ReceivePaymentInput>;

export const ReversePaymentInput = z.strictObject({
  paymentId: uuid(),
  reason: z.enum(REVERSAL_REASONS),
  reversedOn: isoDate().optional(),
  note: text(2000).optional(),
});
export type ReversePaymentInput = z.infer<typeof ReversePaymentInput>;

export const DeclareDefaultInput = z.strictObject({
  declaredOn: isoDate().optional(),
  reason: text(2000).optional(),
});
export type DeclareDefaultInput = z.infer<typeof DeclareDefaultInput>;

export const TakeEscalationInput = z.strictObject({
  kind: z.enum(ESCALATION_KINDS),
  debtorId: uuid(),
  takenOn: isoDate().optional(),
  reference: text(200).optional(),
  details: text(4000).optional(),
});
export type TakeEscalationInput = z.infer<typeof TakeEscalationInput>;

export const IssueDisbursementInput = z.strictObject({
  workerId: uuid(),
  /** Defaults to everything collected for the worker and not yet paid out. */
  amountCents: positiveCents().optional(),
  issuedOn: isoDate().optional(),
  method: z.enum(DISBURSEMENT_METHODS),
  reference: text(100).optional(),
});
export type IssueDisbursementInput = z.infer<typeof IssueDisbursementInput>;

export const MarkWorkerUnlocatedInput = z.strictObject({
  workerId: uuid(),
  declaredOn: isoDate().optional(),
  searchEfforts: text(4000).optional(),
});
export type MarkWorkerUnlocatedInput = z.infer<typeof MarkWorkerUnlocatedInput>;

export const TransferUnclaimedWagesInput = z.strictObject({
  workerId: uuid(),
  transferredOn: isoDate().optional(),
  fund: text(200),
  reference: text(100).optional(),
});
export type TransferUnclaimedWagesInput = z.infer<typeof TransferUnclaimedWagesInput>;

export const CompromiseDebtInput = z.strictObject({
  kind: z.enum(COMPROMISE_KINDS),
  amountCents: positiveCents(),
  decidedOn: isoDate().optional(),
  reason: text(4000),
});
export type CompromiseDebtInput = z.infer<typeof CompromiseDebtInput>;

export const CloseCollectionCaseInput = z.strictObject({
  reason: z.enum(CLOSE_REASONS),
  closedOn: isoDate().optional(),
  note: text(4000).optional(),
});
export type CloseCollectionCaseInput = z.infer<typeof CloseCollectionCaseInput>;

/** Supervisors only; the reason and a note saying what happened are required. */
export const ReopenCollectionCaseInput = z.strictObject({
  reason: z.enum(REOPEN_REASONS),
  note: text(4000),
  reopenedOn: isoDate().optional(),
});
export type ReopenCollectionCaseInput = z.infer<typeof ReopenCollectionCaseInput>;

export const RunInstallmentCheckInput = z.strictObject({});

export const CaseRequest = z.strictObject({ caseId: uuid() });
export const LedgerRequest = z.strictObject({ caseId: uuid(), asOf: isoDate().optional() });
export const DebtorStatementRequest = z.strictObject({
  caseId: uuid(),
  debtorId: uuid(),
  asOf: isoDate().optional(),
});
export const WorkerStatementRequest = z.strictObject({
  caseId: uuid(),
  workerId: uuid(),
  asOf: isoDate().optional(),
});

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The employer's NAICS sector (first two digits), as collection cases keep it. */
const industrySector = () => z.string().regex(/^\d{2}$/, 'expected a NAICS sector of two digits, like "72"');

export const ListReceivablesQuery = z.strictObject({
  office: officeCode().optional(),
  industry: industrySector().optional(),
  bucket: z.enum(AGING_BUCKETS).optional(),
});
export const INSTALLMENT_LISTS = ['due', 'missed'] as const;
export const ListInstallmentsDueQuery = z.strictObject({
  office: officeCode().optional(),
  industry: industrySector().optional(),
  /** How many days ahead (default 7); `due` only. */
  days: z.coerce.number().int().min(1).max(90).optional(),
  /** `due` (default): unpaid and due in the next `days`; `missed`: recorded missed and still unpaid. */
  status: z.enum(INSTALLMENT_LISTS).optional(),
});
export const ListDefaultsQuery = z.strictObject({
  office: officeCode().optional(),
  industry: industrySector().optional(),
});

/** A position in a list ordered by (key, caseId), inside the opaque cursor. */
export const CollectionListPosition = z.strictObject({
  at: z.string().min(1).max(64),
  caseId: uuid(),
  n: z.int().min(0).optional(),
});
export type CollectionListPosition = z.infer<typeof CollectionListPosition>;

export const collectionListRequest = <S extends z.ZodType>(filters: S) =>
  z.strictObject({ filters, limit: z.int().min(1).max(1000), after: CollectionListPosition.optional() });

export const COLLECTION_RATE_GROUPS = ['office', 'industry', 'period'] as const;
export const CollectionRateQuery = z.strictObject({
  groupBy: z.enum(COLLECTION_RATE_GROUPS),
  office: officeCode().optional(),
  industry: industrySector().optional(),
  /** Periods are calendar months (YYYY-MM) of the case's opening. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'expected a month like 2026-01')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'expected a month like 2026-12')
    .optional(),
});
export type CollectionRateQuery = z.infer<typeof CollectionRateQuery>;
