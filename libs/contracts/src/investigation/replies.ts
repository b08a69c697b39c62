import { z } from 'zod';
import { enforcementSensitive, personal, pub } from '../classification';
import { PRIORITIES } from '../complaint/parts';
import { commandVersion, openReply, pageReply } from '../replies';
import { DETERMINATION_STATUSES, INVESTIGATION_NEXT_STEPS, INVESTIGATION_STATUSES } from './commands';
import { DeterminationProposed, InvestigationClosed } from './determination';
import { EvidenceAttached, INTERVIEWEE_ROLES, RecordsRequested } from './fieldwork';
import { CivilPenaltyAssessed, IMMIGRATION_PROGRAMS, RETALIATION_KINDS, ViolationFound } from './findings';
import { EmployerAdded } from './opened';
import { BackWagesComputed, RECORD_SOURCES } from './wages';

/* What the investigation service answers: its commands' result, the case file, lists, the trace. */

export const InvestigationCommandReply = z.object({
  caseId: pub(z.uuid()),
  version: commandVersion(),
  status: pub(z.enum(['none', ...INVESTIGATION_STATUSES])),
  events: pub(z.array(z.string())),
  id: pub(z.uuid())
    .optional()
    .describe('The id of what the command created (evidence, record set, computation...).'),
  // The appended event's data (evidence file names, the assigned investigator): as the strictest
  // of the events it echoes classify their fields; never interview content.
  result: personal(z.record(z.string(), z.unknown()))
    .optional()
    .describe('The appended event, where the caller needs its figures.'),
  replayed: pub(z.boolean()).describe('True when the service recognised a retry and wrote nothing new.'),
});
export type InvestigationCommandReply = z.infer<typeof InvestigationCommandReply>;

const InterviewSummary = z
  .object({
    interviewId: pub(z.uuid()),
    interviewedOn: pub(z.iso.date()),
    role: pub(z.enum(INTERVIEWEE_ROLES)),
    workerId: personal(z.uuid().nullable()).describe(
      'The worker of the hours records, for a worker or former worker.',
    ),
    language: personal(z.string()),
    interpreterUsed: personal(z.boolean()),
    traumaInformedProtocol: personal(z.boolean()),
    confidentialSource: personal(z.boolean()),
  })
  .describe(
    "An interview: never the interviewee's name or phone, nor what was said (they stay in the event).",
  );

const RetaliationConcernSummary = z
  .object({
    concernId: pub(z.uuid()),
    workerIds: personal(z.array(z.uuid())),
    kind: enforcementSensitive(z.enum(RETALIATION_KINDS)),
    reportedOn: pub(z.iso.date()),
  })
  .describe('A retaliation concern without its description.');

const Letter = z
  .object({
    letterId: pub(z.uuid()),
    workerId: personal(z.uuid()),
    program: personal(z.enum(IMMIGRATION_PROGRAMS)),
    requestedOn: pub(z.iso.date()),
    issued: pub(z.boolean()),
    issuedOn: pub(z.iso.date().nullable()),
    evidenceId: pub(z.uuid().nullable()).describe('The signed letter, when it was kept as evidence.'),
  })
  .describe('An immigration support letter, from its request to its issue (who asked stays in the event).');

/** When a finding was recorded and by whom (the command's time and actor); null where unknown. */
const recorded = {
  recordedAt: pub(z.string().nullable()),
  recordedBy: personal(z.string().nullable()),
};

/** The investigation as its GET answers it: the case file's facts, figures and people by id. */
export const InvestigationViewReply = z.object({
  caseId: pub(z.uuid()),
  version: pub(z.int()),
  status: pub(z.enum(INVESTIGATION_STATUSES)),
  caseNumber: pub(z.string()),
  priority: enforcementSensitive(z.enum(PRIORITIES)),
  office: pub(z.string()),
  openedAt: pub(z.string()),
  investigatorId: personal(z.string().nullable()),
  employers: z.array(EmployerAdded.schema),
  interviewIds: pub(z.array(z.uuid())).describe('The ids of `interviews`, in the order recorded.'),
  interviews: z.array(InterviewSummary),
  recordsRequests: z.array(RecordsRequested.schema.extend({ received: pub(z.boolean()) })),
  subpoenaIds: pub(z.array(z.uuid())),
  evidence: z.array(EvidenceAttached.schema),
  recordSets: z.array(
    z.object({
      recordSetId: pub(z.uuid()),
      source: pub(z.enum(RECORD_SOURCES)),
      employerId: pub(z.uuid().nullable()),
      workers: pub(z.int()).describe('How many workers the record set names.'),
      records: pub(z.int()).describe('How many workweek records it holds.'),
    }),
  ),
  computations: z.array(
    z.object({
      computationId: pub(z.uuid()),
      ruleSets: BackWagesComputed.schema.shape.ruleSets,
      recordSetIds: pub(z.array(z.uuid())).describe('The hours records it was computed over.'),
      rerunOf: pub(z.uuid().nullable()).describe(
        'The computation this one re-ran under newer rule-set versions.',
      ),
      filingDate: pub(z.iso.date()),
      willful: pub(z.boolean()),
      excludedWorkweeks: pub(z.int()).describe('Workweeks outside the limitation period (not owed).'),
      totals: BackWagesComputed.schema.shape.totals,
      traceSha256: pub(z.string()),
      ...recorded,
    }),
  ),
  latestComputationId: pub(z.uuid().nullable()).describe(
    'The computation a proposal uses unless it names another; null before one.',
  ),
  violations: z.array(z.object({ ...ViolationFound.schema.shape, ...recorded })),
  civilPenalties: z.array(z.object({ ...CivilPenaltyAssessed.schema.shape, ...recorded })),
  retaliationConcernIds: pub(z.array(z.uuid())).describe(
    'The ids of `retaliationConcerns`, in the order recorded.',
  ),
  retaliationConcerns: z.array(RetaliationConcernSummary),
  letters: z.array(Letter),
  determination: z
    .object({
      proposal: DeterminationProposed.schema,
      proposedAt: pub(z.string().nullable()),
      approvedBy: personal(z.string()).optional(),
      approvedAt: pub(z.string().nullable()),
      issuedAt: pub(z.string()).optional(),
      issuedBy: personal(z.string().nullable()),
    })
    .nullable()
    .describe(
      'The current proposal, with who approved and issued it and when each step was taken; null before one.',
    ),
  closure: InvestigationClosed.schema.nullable(),
});
export type InvestigationViewReply = z.infer<typeof InvestigationViewReply>;

export const InvestigationItemReply = z.object({
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string()),
  priority: enforcementSensitive(z.enum(PRIORITIES)),
  office: pub(z.string()),
  openedAt: pub(z.string()),
  ageDays: pub(z.int()),
  status: pub(z.enum(INVESTIGATION_STATUSES)),
  investigatorId: personal(z.string().nullable()),
  determinationStatus: pub(z.enum(DETERMINATION_STATUSES).nullable()).describe(
    'Where the determination stands; null before one is proposed.',
  ),
  determinedCents: pub(z.int().nullable()),
  nextStep: pub(z.enum(INVESTIGATION_NEXT_STEPS)).describe(
    'What to do next: assign an investigator, record hours, compute back wages (none yet, or hours recorded since), propose, approve or issue the determination, close; `none` once closed.',
  ),
  version: pub(z.int()),
});
export type InvestigationItemReply = z.infer<typeof InvestigationItemReply>;
export const InvestigationPageReply = pageReply(InvestigationItemReply);

export const WorkloadItemReply = z.object({
  investigatorId: personal(z.string()),
  openInvestigations: pub(z.int()),
  byPriority: enforcementSensitive(z.record(z.string(), z.int())),
  oldestOpenedAt: pub(z.string()),
  awaitingApproval: pub(z.int()),
});
export type WorkloadItemReply = z.infer<typeof WorkloadItemReply>;
export const WorkloadPageReply = pageReply(WorkloadItemReply);

export const FindingItemReply = z.object({
  findingId: pub(z.uuid()),
  kind: pub(z.string()),
  label: pub(z.string()),
  statute: pub(z.string().nullable()),
  amountCents: pub(z.int().nullable()),
  recordedAt: pub(z.string()),
  version: pub(z.int()),
});
export type FindingItemReply = z.infer<typeof FindingItemReply>;
export const FindingsReply = z.object({ caseId: pub(z.uuid()), items: z.array(FindingItemReply) });
export type FindingsReply = z.infer<typeof FindingsReply>;

/** One page of a computation's trace as the gateway answers it (the service pages by position). */
// The rest is how the rule sets computed: public, as the computation's figures are.
export const TraceReply = openReply('public', {
  computationId: pub(z.uuid()),
  verified: pub(z.boolean()).describe(
    'The recomputed trace matches the digest recorded with the computation.',
  ),
  rounding: pub(z.string()),
  ruleSets: pub(z.array(z.object({ id: z.string(), version: z.string() }))),
  totals: pub(z.record(z.string(), z.int())).describe("The computation's totals, in cents."),
  workers: z
    .array(
      openReply('personal', {
        workerId: pub(z.uuid()),
        name: personal(z.string().nullable()).describe("The worker's name as the hours records give it."),
        figures: pub(z.record(z.string(), z.unknown()).nullable()).describe("The worker's computed amounts."),
        weeks: pub(z.array(z.record(z.string(), z.unknown()))),
        excluded: pub(z.array(z.record(z.string(), z.unknown()))),
      }),
    )
    .describe(
      "Workers in the trace's order, `limit` workweeks at most (default 50, at most 200); a worker whose weeks go on continues on the next page.",
    ),
  nextCursor: pub(z.string().nullable()).describe(
    'Pass as `cursor` for the next page; null on the last page.',
  ),
});
export type TraceReply = z.infer<typeof TraceReply>;
