import { INVESTIGATION_STATUSES, ListInvestigationsQuery, PRIORITIES } from '@lse/contracts';
import { z } from 'zod';
import { pageSchema } from '../http/pagination';

/* Request and response shapes of the investigation routes, for validation and the OpenAPI document. */

export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export const ComputationParams = z.strictObject({ caseId: z.uuid(), computationId: z.uuid() });
export const EvidenceParams = z.strictObject({ caseId: z.uuid(), evidenceId: z.uuid() });

const page = { cursor: z.string().optional(), limit: z.string().optional() };
/** Query strings are text: `unassigned=true`. */
export const InvestigationListQuery = ListInvestigationsQuery.extend({
  unassigned: z.enum(['true', 'false']).optional(),
  ...page,
});
export const WorkloadQuery = z.strictObject(page);

/** A raw evidence upload names its file and describes it in the query string. */
export const EvidenceUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional(),
  description: z.string().trim().min(1).max(4000).optional(),
});
/** A CSV upload's record-set fields in the query string (a JSON upload carries them in the body). */
export const HoursCsvQuery = z.strictObject({
  source: z.enum(['employer_payroll', 'worker_records', 'investigator_reconstruction']).optional(),
  employerId: z.uuid().optional(),
  recordSetId: z.uuid().optional(),
  workweekStart: z
    .enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])
    .optional()
    .describe("The employer's workweek start day (29 CFR 778.105): every row's week must start on it."),
});

export const InvestigationCommandResultSchema = z.object({
  caseId: z.uuid(),
  version: z.int().describe('The stream version after the command; the next If-Match.'),
  status: z.enum(['none', ...INVESTIGATION_STATUSES]),
  events: z.array(z.string()),
  id: z
    .uuid()
    .optional()
    .describe('The id of what the command created (evidence, record set, computation...).'),
  result: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The appended event, where the caller needs its figures.'),
  replayed: z.boolean().describe('True when the service recognised a retry and wrote nothing new.'),
});

export const InvestigationViewSchema = z.looseObject({
  caseId: z.uuid(),
  version: z.int(),
  status: z.enum(INVESTIGATION_STATUSES),
  caseNumber: z.string(),
  priority: z.enum(PRIORITIES),
  investigatorId: z.string().nullable(),
});

export const InvestigationItemSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  priority: z.enum(PRIORITIES),
  office: z.string(),
  openedAt: z.string(),
  ageDays: z.int(),
  status: z.enum(INVESTIGATION_STATUSES),
  investigatorId: z.string().nullable(),
  determinationStatus: z.string().nullable(),
  determinedCents: z.int().nullable(),
  version: z.int(),
});
export type InvestigationItem = z.infer<typeof InvestigationItemSchema>;
export const InvestigationPageSchema = pageSchema(InvestigationItemSchema);

export const WorkloadItemSchema = z.object({
  investigatorId: z.string(),
  openInvestigations: z.int(),
  byPriority: z.record(z.string(), z.int()),
  oldestOpenedAt: z.string(),
  awaitingApproval: z.int(),
});
export type WorkloadItem = z.infer<typeof WorkloadItemSchema>;
export const WorkloadPageSchema = pageSchema(WorkloadItemSchema);

export const FindingsSchema = z.object({
  caseId: z.uuid(),
  items: z.array(
    z.object({
      findingId: z.uuid(),
      kind: z.string(),
      label: z.string(),
      statute: z.string().nullable(),
      amountCents: z.int().nullable(),
      recordedAt: z.string(),
      version: z.int(),
    }),
  ),
});

export const TraceQuery = z.strictObject(page);
export const TraceSchema = z.looseObject({
  computationId: z.uuid(),
  verified: z.boolean().describe('The recomputed trace matches the digest recorded with the computation.'),
  rounding: z.string(),
  ruleSets: z.array(z.object({ id: z.string(), version: z.string() })),
  totals: z.record(z.string(), z.int()).describe("The computation's totals, in cents."),
  workers: z
    .array(
      z.looseObject({
        workerId: z.uuid(),
        name: z.string().nullable().describe("The worker's name as the hours records give it."),
        figures: z.record(z.string(), z.unknown()).nullable().describe("The worker's computed amounts."),
        weeks: z.array(z.record(z.string(), z.unknown())),
        excluded: z.array(z.record(z.string(), z.unknown())),
      }),
    )
    .describe(
      "Workers in the trace's order, `limit` workweeks at most (default 50, at most 200); a worker whose weeks go on continues on the next page.",
    ),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
