import { z } from 'zod';
import { commercial, confidentialSource, confidentialWhen, personal, pub } from '../classification';
import { dataSubject } from '../data-subjects';
import { centsAmount, isoDate, languageTag, phone, text, usAddress, uuid } from '../fields';

/** Complaint stream: `complaint-<caseId>` (docs/architecture.md#streams-and-categories). */
export const COMPLAINT_CATEGORY = 'complaint';
export const complaintStreamId = (caseId: string) => `${COMPLAINT_CATEGORY}-${caseId}`;

export const CHANNELS = [
  'hotline',
  'walk_in',
  'web',
  'email',
  'partner_referral',
  'consulate_referral',
  'agency_initiated',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMPLAINANT_ROLES = ['worker', 'representative', 'anonymous'] as const;

export const ALLEGATION_TYPES = [
  'minimum_wage',
  'overtime',
  'unpaid_wages',
  'final_paycheck',
  'meal_rest_break',
  'tip_theft',
  'misclassification',
  'retaliation',
  'recordkeeping',
  'child_labor',
  'other',
] as const;
export type AllegationType = (typeof ALLEGATION_TYPES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * A person who brought the complaint. Identity and contact are `personal`; when the complainant
 * asked for confidentiality, `confidentialWhen` raises them to `confidential_source` for that record.
 */
export const ComplainantSchema = dataSubject(
  'complainant',
  'complainantId',
  confidentialWhen(
    'confidentialityRequested',
    z.strictObject({
      // An opaque id still links one worker across cases and releases, so it is identity too.
      complainantId: personal(uuid()),
      name: personal(text(200)).optional(),
      phone: personal(phone()).optional(),
      email: personal(z.email()).optional(),
      address: personal(usAddress()).optional(),
      // Language and interpreter needs can single out a worker in a small workforce (and hint at national origin).
      preferredLanguage: personal(languageTag()),
      interpreterNeeded: personal(z.boolean()),
      // Even "asked for confidentiality" tells an employer a confidential source exists: (b)(7)(D).
      confidentialityRequested: confidentialSource(z.boolean()),
      role: pub(z.enum(COMPLAINANT_ROLES)),
    }),
  ),
).refine((c) => (c.role === 'anonymous') === (c.name === undefined), {
  message: 'a worker or representative has a name; an anonymous complainant has none',
  path: ['name'],
});
export type Complainant = z.infer<typeof ComplainantSchema>;

export const EmployerSchema = z.strictObject({
  // The business is the subject of enforcement; a sole proprietor's name is also a person's, which
  // a FOIA officer weighs case by case (an override is recorded), so the default is release.
  name: pub(text(300)),
  tradeName: pub(text(300)).optional(),
  address: pub(usAddress()),
  // A tax id obtained from or about the business: commercial/financial, (b)(4).
  fein: commercial(z.string().regex(/^\d{2}-\d{7}$/, 'expected a FEIN like 12-3456789')).optional(),
  naics: pub(z.string().regex(/^\d{2,6}$/, 'expected a NAICS code of 2 to 6 digits')).optional(),
});
export type Employer = z.infer<typeof EmployerSchema>;

export const AllegationSchema = z
  .strictObject({
    type: pub(z.enum(ALLEGATION_TYPES)),
    periodStart: pub(isoDate()),
    periodEnd: pub(isoDate()).optional(),
    workersAffected: pub(z.int().min(1)),
    ongoing: pub(z.boolean()),
    // The worker's own estimate of their unpaid pay: their finances, hence personal.
    estimatedAmountCents: personal(centsAmount()).optional(),
    // The complainant's narrative names people and circumstances that identify them.
    description: personal(text(5000)).optional(),
  })
  .refine((a) => a.periodEnd === undefined || a.periodEnd >= a.periodStart, {
    message: 'periodEnd is before periodStart',
    path: ['periodEnd'],
  });
export type Allegation = z.infer<typeof AllegationSchema>;
