import { z } from 'zod';
import { deliberative, enforcementSensitive, personal, pub } from '../classification';
import { commandVersion, openReply, pageReply } from '../replies';
import { LimitationsAssessed, TriageScored } from './assessments';
import { CASE_STATUSES, COMPLAINT_STATUSES } from './commands';
import { PRIORITIES } from './parts';

/* What intake answers: its commands' result, the complaint, the queue, the case index, employers. */

export const ComplaintCommandReply = z.object({
  caseId: pub(z.uuid()),
  version: commandVersion(),
  status: pub(z.enum(['none', ...COMPLAINT_STATUSES])),
  events: pub(z.array(z.string())),
  replayed: pub(z.boolean()).describe('True when intake recognised a retry and wrote nothing new.'),
  triage: TriageScored.schema.optional().describe('The score, priority and an explanation per factor.'),
  limitations: LimitationsAssessed.schema.optional(),
  case: z
    .object({
      caseNumber: pub(z.string()),
      // Same reason as TriageScored.priority.
      priority: enforcementSensitive(z.enum(PRIORITIES)),
      office: pub(z.string()),
      openedAt: pub(z.string()),
    })
    .optional(),
});
export type ComplaintCommandReply = z.infer<typeof ComplaintCommandReply>;

/** The complaint as intake folds it from its events (complainants included: staff only). */
export const ComplaintViewReply = openReply('personal', {
  caseId: pub(z.uuid()),
  version: pub(z.int()),
  status: pub(z.enum(COMPLAINT_STATUSES)),
  // The folded complaint: complainants' names and contacts among it.
  complaint: personal(z.record(z.string(), z.unknown())),
});
export type ComplaintViewReply = z.infer<typeof ComplaintViewReply>;

export const QueueItemReply = z.object({
  caseId: pub(z.uuid()),
  status: pub(z.enum(COMPLAINT_STATUSES)),
  priority: enforcementSensitive(z.enum(PRIORITIES).nullable()),
  score: enforcementSensitive(z.int().nullable()),
  office: pub(z.string()),
  channel: pub(z.string()),
  naics: pub(z.string().nullable()),
  industry: pub(z.string().nullable()),
  employerName: pub(z.string()),
  workersAffected: pub(z.int()),
  ongoing: pub(z.boolean()),
  limitationsExpiresOn: pub(z.string().nullable()),
  limitationsWarning: pub(z.string().nullable()),
  caseNumber: pub(z.string().nullable()),
  receivedAt: pub(z.string()),
  version: pub(z.int()),
});
export type QueueItemReply = z.infer<typeof QueueItemReply>;

export const CaseItemReply = z.object({
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string().nullable()).describe(
    'Null for a complaint that ended at intake (declined, referred out, duplicate, merged).',
  ),
  employerName: pub(z.string()),
  status: pub(z.enum(CASE_STATUSES)),
  statusChangedAt: pub(z.string()).describe('When the case took its current status.'),
  statusHistory: pub(z.array(z.object({ status: z.enum(CASE_STATUSES), at: z.string() }))).describe(
    'Every change of status with its date, oldest first; the last is the current status.',
  ),
  priority: enforcementSensitive(z.enum(PRIORITIES).nullable()).describe(
    'Null for a complaint never triaged.',
  ),
  office: pub(z.string()),
  openedAt: pub(z.string().nullable()).describe('Null for a complaint that ended at intake.'),
  listedAt: pub(z.string()).describe(
    'When it entered the index: the opening date of a case, the date a complaint ended at intake. The list is in this order, then by caseId.',
  ),
});
export type CaseItemReply = z.infer<typeof CaseItemReply>;

export const QueuePageReply = pageReply(QueueItemReply);
export const CasePageReply = pageReply(CaseItemReply);

export const EmployerMatchesReply = z.object({
  employers: z.array(
    z.object({
      employerKey: pub(z.string()),
      names: pub(z.array(z.string())),
      normalizedName: pub(z.string()),
      normalizedAddresses: pub(z.array(z.string())),
      score: deliberative(z.number().min(0).max(1)).describe(
        'How closely the best of its rows matches: 1 for the same FEIN or normalized name.',
      ),
      reasons: deliberative(
        z.array(
          z.object({
            kind: z.enum(['fein', 'name', 'address']),
            score: z.number().min(0).max(1),
            detail: z.string(),
          }),
        ),
      ).describe('Why it matched (pg_trgm similarity of the normalized name or address, or the FEIN).'),
      priorCases: pub(z.int()).describe('Cases opened against this employer.'),
      casesWithViolations: pub(z.int()).describe(
        'Cases with violations found against this employer: the repeat-violator signal.',
      ),
      complaints: z.array(
        z.object({
          caseId: pub(z.uuid()),
          status: pub(z.string()),
          caseNumber: pub(z.string().nullable()),
          receivedAt: pub(z.string()),
          roles: pub(z.array(z.string())).describe(
            'named_in_complaint and/or the liability roles the investigation recorded.',
          ),
          violationFound: pub(z.boolean()),
        }),
      ),
    }),
  ),
});
export type EmployerMatchesReply = z.infer<typeof EmployerMatchesReply>;
