import {
  BackWagesComputed,
  CivilPenaltyAssessed,
  DETERMINATION_STATUSES,
  DeterminationProposed,
  EmployerAdded,
  EvidenceAttached,
  IMMIGRATION_PROGRAMS,
  INTERVIEWEE_ROLES,
  INVESTIGATION_NEXT_STEPS,
  INVESTIGATION_STATUSES,
  InvestigationClosed,
  ListInvestigationsQuery,
  PRIORITIES,
  RECORD_SOURCES,
  RecordsRequested,
  RETALIATION_KINDS,
  ViolationFound,
} from '@lse/contracts';
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
  determinationStatus: ListInvestigationsQuery.shape.determinationStatus.describe(
    '`proposed`: waiting for a supervisor’s approval; `approved`: to be issued; `issued`; `none`: not proposed yet.',
  ),
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

const InterviewSummarySchema = z
  .object({
    interviewId: z.uuid(),
    interviewedOn: z.iso.date(),
    role: z.enum(INTERVIEWEE_ROLES),
    workerId: z.uuid().nullable().describe('The worker of the hours records, for a worker or former worker.'),
    language: z.string(),
    interpreterUsed: z.boolean(),
    traumaInformedProtocol: z.boolean(),
    confidentialSource: z.boolean(),
  })
  .describe(
    "An interview: never the interviewee's name or phone, nor what was said (they stay in the event).",
  );

const RetaliationConcernSummarySchema = z
  .object({
    concernId: z.uuid(),
    workerIds: z.array(z.uuid()),
    kind: z.enum(RETALIATION_KINDS),
    reportedOn: z.iso.date(),
  })
  .describe('A retaliation concern without its description.');

const LetterSchema = z
  .object({
    letterId: z.uuid(),
    workerId: z.uuid(),
    program: z.enum(IMMIGRATION_PROGRAMS),
    requestedOn: z.iso.date(),
    issued: z.boolean(),
    issuedOn: z.iso.date().nullable(),
    evidenceId: z.uuid().nullable().describe('The signed letter, when it was kept as evidence.'),
  })
  .describe('An immigration support letter, from its request to its issue (who asked stays in the event).');

/** When a finding was recorded and by whom (the command's time and actor); null where unknown. */
const recorded = {
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
};

/** The investigation as its GET answers it: the case file's facts, figures and people by id. */
export const InvestigationViewSchema = z.object({
  caseId: z.uuid(),
  version: z.int(),
  status: z.enum(INVESTIGATION_STATUSES),
  caseNumber: z.string(),
  priority: z.enum(PRIORITIES),
  office: z.string(),
  openedAt: z.string(),
  investigatorId: z.string().nullable(),
  employers: z.array(EmployerAdded.schema),
  interviewIds: z.array(z.uuid()).describe('The ids of `interviews`, in the order recorded.'),
  interviews: z.array(InterviewSummarySchema),
  recordsRequests: z.array(RecordsRequested.schema.extend({ received: z.boolean() })),
  subpoenaIds: z.array(z.uuid()),
  evidence: z.array(EvidenceAttached.schema),
  recordSets: z.array(
    z.object({
      recordSetId: z.uuid(),
      source: z.enum(RECORD_SOURCES),
      employerId: z.uuid().nullable(),
      workers: z.int().describe('How many workers the record set names.'),
      records: z.int().describe('How many workweek records it holds.'),
    }),
  ),
  computations: z.array(
    z.object({
      computationId: z.uuid(),
      ruleSets: BackWagesComputed.schema.shape.ruleSets,
      recordSetIds: z.array(z.uuid()).describe('The hours records it was computed over.'),
      rerunOf: z.uuid().nullable().describe('The computation this one re-ran under newer rule-set versions.'),
      filingDate: z.iso.date(),
      willful: z.boolean(),
      excludedWorkweeks: z.int().describe('Workweeks outside the limitation period (not owed).'),
      totals: BackWagesComputed.schema.shape.totals,
      traceSha256: z.string(),
      ...recorded,
    }),
  ),
  latestComputationId: z
    .uuid()
    .nullable()
    .describe('The computation a proposal uses unless it names another; null before one.'),
  violations: z.array(z.object({ ...ViolationFound.schema.shape, ...recorded })),
  civilPenalties: z.array(z.object({ ...CivilPenaltyAssessed.schema.shape, ...recorded })),
  retaliationConcernIds: z
    .array(z.uuid())
    .describe('The ids of `retaliationConcerns`, in the order recorded.'),
  retaliationConcerns: z.array(RetaliationConcernSummarySchema),
  letters: z.array(LetterSchema),
  determination: z
    .object({
      proposal: DeterminationProposed.schema,
      proposedAt: z.string().nullable(),
      approvedBy: z.string().optional(),
      approvedAt: z.string().nullable(),
      issuedAt: z.string().optional(),
      issuedBy: z.string().nullable(),
    })
    .nullable()
    .describe(
      'The current proposal, with who approved and issued it and when each step was taken; null before one.',
    ),
  closure: InvestigationClosed.schema.nullable(),
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
  determinationStatus: z
    .enum(DETERMINATION_STATUSES)
    .nullable()
    .describe('Where the determination stands; null before one is proposed.'),
  determinedCents: z.int().nullable(),
  nextStep: z
    .enum(INVESTIGATION_NEXT_STEPS)
    .describe(
      'What to do next: assign an investigator, record hours, compute back wages (none yet, or hours recorded since), propose, approve or issue the determination, close; `none` once closed.',
    ),
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
