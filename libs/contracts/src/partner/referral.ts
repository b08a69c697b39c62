import { z } from 'zod';
import { confidentialSource, confidentialWhen, personal, pub } from '../classification';
import { dataSubject } from '../data-subjects';
import { defineEvent } from '../registry';
import { instant, languageTag, officeCode, phone, repeatedIndexes, text, uuid } from '../fields';
import { AllegationSchema, EmployerSchema } from '../complaint/parts';
import { DECLINE_REASONS } from '../complaint/outcomes';
import { consentScopes, PARTNER_TYPES, REFERRAL_CATEGORY } from './parts';

/** A worker the partner refers, with what they allow the agency to tell the partner back. */
export const ReferredWorkerSchema = dataSubject(
  'worker',
  'workerId',
  confidentialWhen(
    'confidentialityRequested',
    z.strictObject({
      workerId: personal(uuid()),
      name: personal(text(200)),
      phone: personal(phone()).optional(),
      email: personal(z.email()).optional(),
      preferredLanguage: personal(languageTag()),
      interpreterNeeded: personal(z.boolean()),
      confidentialityRequested: confidentialSource(z.boolean()),
      /** Consent version 1; later ConsentGranted/Narrowed/Revoked events version it. */
      consent: z.strictObject({ scopes: personal(consentScopes()) }),
    }),
  ),
);
export type ReferredWorker = z.infer<typeof ReferredWorkerSchema>;

export const PREP_WORK_KINDS = [
  'intake_interview',
  'documents_gathered',
  'wage_calculation',
  'translation',
  'coworker_outreach',
  'employer_research',
  'other',
] as const;

export const DOCUMENT_KINDS = [
  'paystub',
  'timesheet',
  'schedule',
  'bank_record',
  'photo',
  'declaration',
  'wage_calculation',
  'other',
] as const;

export const ReferralSubmitted = defineEvent({
  type: 'ReferralSubmitted',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      partnerId: pub(uuid()),
      /** A consulate's referral becomes a consulate_referral complaint. */
      partnerType: pub(z.enum(PARTNER_TYPES)),
      office: pub(officeCode()),
      submittedAt: pub(instant()),
      workers: z.array(ReferredWorkerSchema).min(1).max(100),
      employer: EmployerSchema,
      allegations: z.array(AllegationSchema).min(1).max(50),
      /** "How much prep work do you want the advocacy group to do?": what it did. */
      prepWork: z
        .array(
          z.strictObject({
            kind: pub(z.enum(PREP_WORK_KINDS)),
            // The partner's account names workers and circumstances.
            description: personal(text(2000)),
          }),
        )
        .max(30),
      documents: z
        .array(
          z.strictObject({
            documentId: pub(uuid()),
            kind: pub(z.enum(DOCUMENT_KINDS)),
            // Titles like "Ana's paystubs March" identify people.
            title: personal(text(300)),
            sha256: pub(z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest')).optional(),
            sizeBytes: pub(z.int().min(0)).optional(),
          }),
        )
        .max(100),
      /** The agreement the partner refers under, if it names one. */
      agreementId: pub(uuid()).optional(),
    })
    .superRefine((d, ctx) => {
      for (const i of repeatedIndexes(d.workers.map((w) => w.workerId)))
        ctx.addIssue({ code: 'custom', path: ['workers', i, 'workerId'], message: 'duplicate workerId' });
    }),
});
export type ReferralSubmitted = z.infer<typeof ReferralSubmitted.schema>;

/*
 * Consent is versioned per worker and lives in the referral stream: it is consent to tell THIS
 * partner about THIS case, and a disclosure decided against the stream's version cannot slip past
 * a revocation appended meanwhile (the append would conflict and the decision be made again).
 */
const consentChange = {
  workerId: personal(uuid()),
  /** The worker's consent version after the change (the referral's own is 1). */
  version: pub(z.int().min(2)),
  recordedAt: pub(instant()),
};

export const ConsentGranted = defineEvent({
  type: 'ConsentGranted',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({ ...consentChange, scopes: personal(consentScopes().min(1)) }),
});
export type ConsentGranted = z.infer<typeof ConsentGranted.schema>;

export const ConsentNarrowed = defineEvent({
  type: 'ConsentNarrowed',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({ ...consentChange, scopes: personal(consentScopes().min(1)) }),
});
export type ConsentNarrowed = z.infer<typeof ConsentNarrowed.schema>;

export const ConsentRevoked = defineEvent({
  type: 'ConsentRevoked',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({ ...consentChange }),
});
export type ConsentRevoked = z.infer<typeof ConsentRevoked.schema>;

/** Intake opened a case from the referral. The partner always learns this answer to its own request. */
export const ReferralAccepted = defineEvent({
  type: 'ReferralAccepted',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({ acceptedAt: pub(instant()) }),
});
export type ReferralAccepted = z.infer<typeof ReferralAccepted.schema>;

export const REFERRAL_DECLINE_REASONS = [...DECLINE_REASONS, 'referred_out'] as const;

export const ReferralDeclined = defineEvent({
  type: 'ReferralDeclined',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // The code only: intake's note on the decision is deliberative and stays with the complaint.
    reasonCode: pub(z.enum(REFERRAL_DECLINE_REASONS)),
    declinedAt: pub(instant()),
  }),
});
export type ReferralDeclined = z.infer<typeof ReferralDeclined.schema>;

export const REFERRAL_CLOSE_REASONS = ['case_closed', 'withdrawn', 'duplicate'] as const;

export const ReferralClosed = defineEvent({
  type: 'ReferralClosed',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reason: pub(z.enum(REFERRAL_CLOSE_REASONS)),
    closedAt: pub(instant()),
  }),
});
export type ReferralClosed = z.infer<typeof ReferralClosed.schema>;
