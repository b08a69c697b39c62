import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, text, uuid } from '../fields';
import {
  COLLECTION_CATEGORY,
  InstallmentsSchema,
  NonMonetaryTermSchema,
  OFFER_PARTIES,
  ORDER_KINDS,
  PLAN_BASES,
  positiveCents,
  staffUserId,
} from './parts';

/** Negotiation positions are pre-decisional ((b)(5)) until an agreement is reached. */
const position = {
  offerId: pub(uuid()),
  offeredBy: pub(z.enum(OFFER_PARTIES)),
  offeredOn: pub(isoDate()),
  amountCents: deliberative(positiveCents()),
  installments: deliberative(InstallmentsSchema),
  nonMonetaryTerms: deliberative(z.array(NonMonetaryTermSchema).max(50)),
  note: deliberative(text(4000)).optional(),
};

export const SettlementOffered = defineEvent({
  type: 'SettlementOffered',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject(position),
});
export type SettlementOffered = z.infer<typeof SettlementOffered.schema>;

export const SettlementCountered = defineEvent({
  type: 'SettlementCountered',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({ ...position, inResponseTo: pub(uuid()) }),
});
export type SettlementCountered = z.infer<typeof SettlementCountered.schema>;

/** The agreement, approved by a supervisor: amount, installment schedule and non-monetary terms. */
export const SettlementAgreed = defineEvent({
  type: 'SettlementAgreed',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    settlementId: pub(uuid()),
    acceptedOfferId: pub(uuid()).optional(),
    agreedOn: pub(isoDate()),
    amountCents: pub(positiveCents()),
    installments: InstallmentsSchema,
    nonMonetaryTerms: z.array(NonMonetaryTermSchema).max(50),
    approvedBy: personal(staffUserId()),
  }),
});
export type SettlementAgreed = z.infer<typeof SettlementAgreed.schema>;

export const OrderIssued = defineEvent({
  type: 'OrderIssued',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    orderId: pub(uuid()),
    kind: pub(z.enum(ORDER_KINDS)),
    issuedOn: pub(isoDate()),
    amountCents: pub(positiveCents()),
    dueOn: pub(isoDate()),
    issuer: pub(text(300)).optional(),
  }),
});
export type OrderIssued = z.infer<typeof OrderIssued.schema>;

/** Post-judgment interest is simple annual interest in basis points (650 = 6.5 %). */
export const JudgmentEntered = defineEvent({
  type: 'JudgmentEntered',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    judgmentId: pub(uuid()),
    court: pub(text(300)),
    docketNumber: pub(text(100)),
    enteredOn: pub(isoDate()),
    amountCents: pub(positiveCents()),
    interestRateBasisPoints: pub(z.int().min(0).max(10_000)),
  }),
});
export type JudgmentEntered = z.infer<typeof JudgmentEntered.schema>;

/** The schedule the missed-installment check watches; a new plan replaces the previous one. */
export const PaymentPlanEstablished = defineEvent({
  type: 'PaymentPlanEstablished',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    planId: pub(uuid()),
    basis: pub(z.enum(PLAN_BASES)),
    // The settlement, order or judgment the plan carries out.
    sourceId: pub(uuid()).optional(),
    establishedOn: pub(isoDate()),
    installments: InstallmentsSchema,
  }),
});
export type PaymentPlanEstablished = z.infer<typeof PaymentPlanEstablished.schema>;
