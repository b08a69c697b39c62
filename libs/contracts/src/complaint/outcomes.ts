import { z } from 'zod';
import { deliberative, enforcementSensitive, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, officeCode, text, uuid } from '../fields';
import { AllegationSchema, COMPLAINT_CATEGORY, ComplainantSchema, PRIORITIES } from './parts';

export const DuplicateLinked = defineEvent({
  type: 'DuplicateLinked',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    duplicateOfCaseId: pub(uuid()),
    reason: deliberative(text(2000)),
  }),
});
export type DuplicateLinked = z.infer<typeof DuplicateLinked.schema>;

/** On the surviving case: a complaint was linked to it as its duplicate (the record on both). */
export const DuplicateAttached = defineEvent({
  type: 'DuplicateAttached',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    duplicateCaseId: pub(uuid()),
    reason: deliberative(text(2000)),
  }),
});
export type DuplicateAttached = z.infer<typeof DuplicateAttached.schema>;

/**
 * Two cases about related facts (the same employer's other site, a joint employer's own case):
 * both stay open. Recorded on both: `reciprocal` is false on the case the link was asked on.
 */
export const RelatedCaseLinked = defineEvent({
  type: 'RelatedCaseLinked',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    relatedCaseId: pub(uuid()),
    reason: deliberative(text(2000)),
    reciprocal: pub(z.boolean()),
  }),
});
export type RelatedCaseLinked = z.infer<typeof RelatedCaseLinked.schema>;

/** A complaint merged into another case: its complainants and allegations move there; nothing more here. */
export const ComplaintMerged = defineEvent({
  type: 'ComplaintMerged',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    intoCaseId: pub(uuid()),
    reason: deliberative(text(2000)),
  }),
});
export type ComplaintMerged = z.infer<typeof ComplaintMerged.schema>;

/** On the surviving case: the complainants and allegations a merged complaint brought. */
export const ComplaintMergedIn = defineEvent({
  type: 'ComplaintMergedIn',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    fromCaseId: pub(uuid()),
    reason: deliberative(text(2000)),
    complainants: z.array(ComplainantSchema).max(100),
    allegations: z.array(AllegationSchema).min(1).max(50),
  }),
});
export type ComplaintMergedIn = z.infer<typeof ComplaintMergedIn.schema>;

export const RECEIVING_AGENCIES = ['OSHA', 'EEOC', 'NLRB', 'STATE_AGENCY', 'OTHER'] as const;

export const ComplaintReferredOut = defineEvent({
  type: 'ComplaintReferredOut',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      receivingAgency: pub(z.enum(RECEIVING_AGENCIES)),
      agencyName: pub(text(200)).optional(),
      // Cross-filed: the agency keeps its own case too, rather than handing the complaint over.
      crossFiled: pub(z.boolean()),
      reason: deliberative(text(2000)),
    })
    .refine((d) => !['STATE_AGENCY', 'OTHER'].includes(d.receivingAgency) || d.agencyName !== undefined, {
      message: 'name the state or other agency',
      path: ['agencyName'],
    }),
});
export type ComplaintReferredOut = z.infer<typeof ComplaintReferredOut.schema>;

export const DECLINE_REASONS = [
  'no_jurisdiction',
  'outside_limitations',
  'no_violation_alleged',
  'insufficient_information',
  'complainant_unreachable',
  'resolved_before_intake',
  'other',
] as const;

export const ComplaintDeclined = defineEvent({
  type: 'ComplaintDeclined',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      reasonCode: pub(z.enum(DECLINE_REASONS)),
      note: deliberative(text(2000)).optional(),
    })
    .refine((d) => d.reasonCode !== 'other' || d.note !== undefined, {
      message: "explain 'other'",
      path: ['note'],
    }),
});
export type ComplaintDeclined = z.infer<typeof ComplaintDeclined.schema>;

export const ComplaintWithdrawn = defineEvent({
  type: 'ComplaintWithdrawn',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // The complainant's own reason (fear of retaliation, a private settlement...): about them.
    reason: personal(text(2000)),
  }),
});
export type ComplaintWithdrawn = z.infer<typeof ComplaintWithdrawn.schema>;

export const CaseOpened = defineEvent({
  type: 'CaseOpened',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    caseNumber: pub(z.string().regex(/^LSE-\d{4}-\d{6}$/, 'expected a case number like LSE-2026-000123')),
    // Same reason as TriageScored.priority.
    priority: enforcementSensitive(z.enum(PRIORITIES)),
    office: pub(officeCode()),
    openedAt: pub(instant()),
  }),
});
export type CaseOpened = z.infer<typeof CaseOpened.schema>;
