import {
  CASE_STATUSES,
  COMPLAINT_STATUSES,
  FindEmployerQuery,
  ListCasesQuery,
  ListComplaintsQuery,
  PRIORITIES,
  TriageScored,
  LimitationsAssessed,
} from '@lse/contracts';
import { z } from 'zod';
import { pageSchema } from '../http/pagination';

/* Request and response shapes of the complaint routes, for validation and the OpenAPI document. */

export const CaseIdParams = z.strictObject({ caseId: z.uuid() });

const page = { cursor: z.string().optional(), limit: z.string().optional() };
export const ComplaintQueueQuery = ListComplaintsQuery.extend(page);
export const CaseIndexQuery = ListCasesQuery.extend(page);
export const EmployerQuery = FindEmployerQuery;

export const CommandResultSchema = z.object({
  caseId: z.uuid(),
  version: z.int().describe('The stream version after the command; the next If-Match.'),
  status: z.enum(['none', ...COMPLAINT_STATUSES]),
  events: z.array(z.string()),
  replayed: z.boolean().describe('True when intake recognised a retry and wrote nothing new.'),
  triage: TriageScored.schema.optional().describe('The score, priority and an explanation per factor.'),
  limitations: LimitationsAssessed.schema.optional(),
  case: z
    .object({
      caseNumber: z.string(),
      priority: z.enum(PRIORITIES),
      office: z.string(),
      openedAt: z.string(),
    })
    .optional(),
});

/** The complaint as intake folds it from its events (complainants included: staff only). */
export const ComplaintViewSchema = z.looseObject({
  caseId: z.uuid(),
  version: z.int(),
  status: z.enum(COMPLAINT_STATUSES),
  complaint: z.record(z.string(), z.unknown()),
});

export const QueueItemSchema = z.object({
  caseId: z.uuid(),
  status: z.enum(COMPLAINT_STATUSES),
  priority: z.enum(PRIORITIES).nullable(),
  score: z.int().nullable(),
  office: z.string(),
  channel: z.string(),
  naics: z.string().nullable(),
  industry: z.string().nullable(),
  employerName: z.string(),
  workersAffected: z.int(),
  ongoing: z.boolean(),
  limitationsExpiresOn: z.string().nullable(),
  limitationsWarning: z.string().nullable(),
  caseNumber: z.string().nullable(),
  receivedAt: z.string(),
  version: z.int(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const CaseItemSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z
    .string()
    .nullable()
    .describe('Null for a complaint that ended at intake (declined, referred out, duplicate, merged).'),
  employerName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusChangedAt: z.string().describe('When the case took its current status.'),
  statusHistory: z
    .array(z.object({ status: z.enum(CASE_STATUSES), at: z.string() }))
    .describe('Every change of status with its date, oldest first; the last is the current status.'),
  priority: z.enum(PRIORITIES).nullable().describe('Null for a complaint never triaged.'),
  office: z.string(),
  openedAt: z.string().nullable().describe('Null for a complaint that ended at intake.'),
  listedAt: z
    .string()
    .describe(
      'When it entered the index: the opening date of a case, the date a complaint ended at intake. The list is in this order, then by caseId.',
    ),
});
export type CaseItem = z.infer<typeof CaseItemSchema>;

export const QueuePageSchema = pageSchema(QueueItemSchema);
export const CasePageSchema = pageSchema(CaseItemSchema);

export const EmployerMatchesSchema = z.object({
  employers: z.array(
    z.object({
      employerKey: z.string(),
      names: z.array(z.string()),
      normalizedName: z.string(),
      normalizedAddresses: z.array(z.string()),
      score: z
        .number()
        .min(0)
        .max(1)
        .describe('How closely the best of its rows matches: 1 for the same FEIN or normalized name.'),
      reasons: z
        .array(
          z.object({
            kind: z.enum(['fein', 'name', 'address']),
            score: z.number().min(0).max(1),
            detail: z.string(),
          }),
        )
        .describe('Why it matched (pg_trgm similarity of the normalized name or address, or the FEIN).'),
      priorCases: z.int().describe('Cases opened against this employer.'),
      casesWithViolations: z
        .int()
        .describe('Cases with violations found against this employer: the repeat-violator signal.'),
      complaints: z.array(
        z.object({
          caseId: z.uuid(),
          status: z.string(),
          caseNumber: z.string().nullable(),
          receivedAt: z.string(),
          roles: z
            .array(z.string())
            .describe('named_in_complaint and/or the liability roles the investigation recorded.'),
          violationFound: z.boolean(),
        }),
      ),
    }),
  ),
});
