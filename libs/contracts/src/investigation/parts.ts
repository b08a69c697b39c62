import { z } from 'zod';
import { commercial, personal, pub } from '../classification';
import { text, usAddress, uuid } from '../fields';

/** `investigation-<caseId>`, one per opened case (docs/architecture.md#streams-and-categories). */
export const INVESTIGATION_CATEGORY = 'investigation';
export const investigationStreamId = (caseId: string) => `${INVESTIGATION_CATEGORY}-${caseId}`;

/** How an employer is liable for the wages (docs/architecture.md#investigation). */
export const LIABILITY_ROLES = ['direct', 'joint', 'successor', 'client', 'contractor'] as const;
export type LiabilityRole = (typeof LIABILITY_ROLES)[number];

/** A staff user id from the token's `sub` (often an e-mail address). */
export const staffId = () => z.string().trim().min(1).max(200);

export const feinField = () => z.string().regex(/^\d{2}-\d{7}$/, 'expected a FEIN like 12-3456789');

/** A rule set's id in `@lse/wage-rules`, e.g. "US-FLSA" or "US-CA". */
export const ruleSetId = () =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected a rule-set id like "US-FLSA"');

/** A rule set of `@lse/wage-rules` as recorded with a computation: which rules, which edition. */
export const RuleSetRefSchema = pub(
  z.strictObject({
    id: ruleSetId(),
    version: z.string().min(1).max(40),
  }),
);
export type RuleSetRef = z.infer<typeof RuleSetRefSchema>;

/** An employer the investigation holds liable, as named in a determination. */
export const LiableEmployerSchema = z.strictObject({
  employerId: pub(uuid()),
  // The business is the subject of enforcement (see complaint EmployerSchema).
  name: pub(text(300)),
  role: pub(z.enum(LIABILITY_ROLES)),
  // A tax id obtained from or about the business: commercial/financial, (b)(4).
  fein: commercial(feinField()).optional(),
});
export type LiableEmployer = z.infer<typeof LiableEmployerSchema>;

/**
 * What one worker is owed. Identity is personal ((b)(6), (b)(7)(C)); the amounts are released
 * with the identity withheld, as back-wage lists usually are.
 */
export const WorkerAmountOwedSchema = z.strictObject({
  workerId: personal(uuid()),
  name: personal(text(200)),
  unpaidWagesCents: pub(z.int().nonnegative()),
  liquidatedDamagesCents: pub(z.int().nonnegative()),
  totalCents: pub(z.int().nonnegative()),
});
export type WorkerAmountOwed = z.infer<typeof WorkerAmountOwedSchema>;

export const EmployerAddressSchema = pub(usAddress());
