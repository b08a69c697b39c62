import { z } from 'zod';
import { commercial, confidentialSource, confidentialWhen, personal, pub } from '../classification';
import { dataSubject } from '../data-subjects';
import { isoDate, repeatedIndexes, text, usAddress, uuid } from '../fields';

/** Collection stream: `collection-<caseId>` (docs/architecture.md#streams-and-categories). */
export const COLLECTION_CATEGORY = 'collection';
export const collectionStreamId = (caseId: string) => `${COLLECTION_CATEGORY}-${caseId}`;

/** How a debtor is liable (the investigation's employer roles); all are jointly and severally liable. */
export const DEBTOR_ROLES = ['direct', 'joint', 'successor', 'client', 'contractor'] as const;
export const NON_MONETARY_TERM_KINDS = [
  'training',
  'notice_posting',
  'monitoring',
  'anti_retaliation',
  'other',
] as const;
export const ESCALATION_KINDS = [
  'lien',
  'levy',
  'stop_work_order',
  'license_hold',
  'bond_claim',
  'prosecution_referral',
  'publication',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export const PAYMENT_METHODS = [
  'check',
  'cashiers_check',
  'money_order',
  'ach',
  'wire',
  'card',
  'levy_proceeds',
  'bond_proceeds',
  'other',
] as const;
export const REVERSAL_REASONS = [
  'insufficient_funds',
  'stop_payment',
  'chargeback',
  'entered_in_error',
  'other',
] as const;
export const DISBURSEMENT_METHODS = ['check', 'direct_deposit', 'prepaid_card', 'other'] as const;
export const PLAN_BASES = ['settlement', 'order', 'judgment', 'voluntary'] as const;
export const ORDER_KINDS = ['administrative_order', 'consent_order', 'court_order'] as const;
export const COMPROMISE_KINDS = ['compromise', 'write_off'] as const;
export const CLOSE_REASONS = ['paid_in_full', 'compromised', 'written_off', 'vacated', 'other'] as const;
/** Why a closed collection case is reopened: money arrived after closing, or a payment bounced. */
export const REOPEN_REASONS = ['late_payment', 'bounced_check', 'other'] as const;
export const OFFER_PARTIES = ['agency', 'debtor'] as const;

/** A positive whole number of cents: money in collections is never zero, negative or fractional. */
export const positiveCents = () =>
  z
    .int({ error: 'must be a whole number of cents' })
    .positive({ error: 'must be a positive amount of cents (negative or zero amounts are refused)' })
    .max(Number.MAX_SAFE_INTEGER);

export const nonNegativeCents = () =>
  z.int({ error: 'must be a whole number of cents' }).nonnegative().max(Number.MAX_SAFE_INTEGER);

/** A staff user id from the token's `sub` (often an e-mail address). */
export const staffUserId = () => z.string().trim().min(1).max(200);

/** One installment of a schedule: numbered from 1 in due-date order. */
export const InstallmentSchema = z.strictObject({
  installmentNo: pub(z.int().min(1).max(600)),
  dueOn: pub(isoDate()),
  amountCents: pub(positiveCents()),
});
export type Installment = z.infer<typeof InstallmentSchema>;

/** Numbered 1..n and due strictly one after another. */
export function scheduleIssues(installments: readonly { installmentNo?: number; dueOn: string }[]): string[] {
  const issues: string[] = [];
  installments.forEach((item, index) => {
    if (item.installmentNo !== undefined && item.installmentNo !== index + 1)
      issues.push(`installment ${index + 1} is numbered ${item.installmentNo}`);
    if (index > 0 && item.dueOn <= installments[index - 1].dueOn)
      issues.push(`installment ${index + 1} is not due after installment ${index}`);
  });
  return issues;
}

export const InstallmentsSchema = z
  .array(InstallmentSchema)
  .min(1)
  .max(600)
  .superRefine((items, ctx) => {
    for (const message of scheduleIssues(items)) ctx.addIssue({ code: 'custom', message });
  });

export const NonMonetaryTermSchema = z.strictObject({
  kind: pub(z.enum(NON_MONETARY_TERM_KINDS)),
  description: pub(text(1000)),
  dueOn: pub(isoDate()).optional(),
});
export type NonMonetaryTerm = z.infer<typeof NonMonetaryTermSchema>;

/** A business liable for the whole amount (jointly and severally with the others). */
export const DebtorSchema = z.strictObject({
  debtorId: pub(uuid()),
  // The business is the subject of enforcement (see complaint EmployerSchema).
  name: pub(text(300)),
  role: pub(z.enum(DEBTOR_ROLES)),
  // A tax id of the business: commercial/financial, (b)(4).
  fein: commercial(z.string().regex(/^\d{2}-\d{7}$/, 'expected a FEIN like 12-3456789')).optional(),
  address: pub(usAddress()).optional(),
});
export type Debtor = z.infer<typeof DebtorSchema>;

/**
 * A worker owed money. Identity is personal (confidential source when the worker asked for
 * confidentiality); amounts are released with the identity withheld, as in the determination.
 */
export const WorkerClaimSchema = dataSubject(
  'worker',
  'workerId',
  confidentialWhen(
    'confidentialityRequested',
    z.strictObject({
      workerId: personal(uuid()),
      name: personal(text(200)),
      assessedCents: pub(positiveCents()),
      confidentialityRequested: confidentialSource(z.boolean()),
    }),
  ),
);
export type WorkerClaim = z.infer<typeof WorkerClaimSchema>;

/** A worker's share of a payment, reversal or write-off. */
export const WorkerShareSchema = z.strictObject({
  workerId: personal(uuid()),
  amountCents: pub(positiveCents()),
});
export type WorkerShare = z.infer<typeof WorkerShareSchema>;

export const WorkerSharesSchema = z
  .array(WorkerShareSchema)
  .min(1)
  .max(100_000)
  .superRefine((shares, ctx) => {
    for (const i of repeatedIndexes(shares.map((s) => s.workerId)))
      ctx.addIssue({ code: 'custom', path: [i, 'workerId'], message: 'worker appears twice' });
  });

/** Shares must add up to the amount they split. */
export function sharesSum(shares: readonly WorkerShare[]): number {
  return shares.reduce((sum, s) => sum + s.amountCents, 0);
}
