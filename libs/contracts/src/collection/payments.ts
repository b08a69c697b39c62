import { z } from 'zod';
import { commercial, deliberative, enforcementSensitive, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, text, uuid } from '../fields';
import {
  COLLECTION_CATEGORY,
  ESCALATION_KINDS,
  PAYMENT_METHODS,
  positiveCents,
  REVERSAL_REASONS,
  sharesSum,
  WorkerSharesSchema,
} from './parts';

const sharesAddUp = <T extends { amountCents: number; allocations: { amountCents: number }[] }>(
  d: T,
  ctx: z.RefinementCtx,
) => {
  const sum = sharesSum(d.allocations as never);
  if (sum !== d.amountCents)
    ctx.addIssue({
      code: 'custom',
      path: ['allocations'],
      message: `shares add up to ${sum}, not ${d.amountCents}`,
    });
};

/**
 * A payment from one of the jointly and severally liable debtors, with its allocation across the
 * workers as the allocation rule made it (recorded, so the ledger never re-derives history).
 */
export const PaymentReceived = defineEvent({
  type: 'PaymentReceived',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      paymentId: pub(uuid()),
      debtorId: pub(uuid()),
      amountCents: pub(positiveCents()),
      receivedOn: pub(isoDate()),
      method: pub(z.enum(PAYMENT_METHODS)),
      // Check, account or transaction numbers: the debtor's financial data, (b)(4).
      reference: commercial(text(100)).optional(),
      // The active plan it counts toward, if any.
      planId: pub(uuid()).optional(),
      allocations: WorkerSharesSchema,
    })
    .superRefine(sharesAddUp),
});
export type PaymentReceived = z.infer<typeof PaymentReceived.schema>;

/** A payment that did not clear: its allocation is undone exactly. */
export const PaymentReversed = defineEvent({
  type: 'PaymentReversed',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      paymentId: pub(uuid()),
      reason: pub(z.enum(REVERSAL_REASONS)),
      reversedOn: pub(isoDate()),
      amountCents: pub(positiveCents()),
      allocations: WorkerSharesSchema,
      note: deliberative(text(2000)).optional(),
    })
    .superRefine(sharesAddUp),
});
export type PaymentReversed = z.infer<typeof PaymentReversed.schema>;

/**
 * Found by the scheduled check when a due date passed unpaid. The content depends only on the plan
 * and the installment, so replicas racing to record it write the same event (one id).
 */
export const InstallmentMissed = defineEvent({
  type: 'InstallmentMissed',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    planId: pub(uuid()),
    installmentNo: pub(z.int().min(1)),
    dueOn: pub(isoDate()),
    amountDueCents: pub(positiveCents()),
  }),
});
export type InstallmentMissed = z.infer<typeof InstallmentMissed.schema>;

/** The plan is in default: the whole balance is due (acceleration). */
export const DefaultDeclared = defineEvent({
  type: 'DefaultDeclared',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    planId: pub(uuid()),
    declaredOn: pub(isoDate()),
    missedInstallments: pub(z.array(z.int().min(1)).min(1)),
    balanceDueCents: pub(positiveCents()),
    reason: deliberative(text(2000)).optional(),
  }),
});
export type DefaultDeclared = z.infer<typeof DefaultDeclared.schema>;

export const EscalationTaken = defineEvent({
  type: 'EscalationTaken',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    escalationId: pub(uuid()),
    kind: pub(z.enum(ESCALATION_KINDS)),
    debtorId: pub(uuid()),
    takenOn: pub(isoDate()),
    // A lien's recording number, a referral's docket: public record once taken.
    reference: pub(text(200)).optional(),
    // Assets targeted and next steps: enforcement plans, (b)(7)(A)/(E).
    details: enforcementSensitive(text(4000)).optional(),
  }),
});
export type EscalationTaken = z.infer<typeof EscalationTaken.schema>;
