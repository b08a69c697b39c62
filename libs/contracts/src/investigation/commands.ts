import { z } from 'zod';
import { WEEKDAYS } from '@lse/domain';
import { isoDate, text, uuid } from '../fields';
import { PRIORITIES } from '../complaint/parts';
import { EmployerAdded } from './opened';
import { InterviewRecorded, RecordsReceived, RecordsRequested, SubpoenaIssued } from './fieldwork';
import { RECORD_SOURCES, RecordedWorkerSchema, WorkweekRecordSchema, MAX_WORKWEEK_RECORDS } from './wages';
import {
  CivilPenaltyAssessed,
  ImmigrationSupportLetterRequested,
  RetaliationConcernFlagged,
  ViolationFound,
} from './findings';
import { CLOSURE_REASONS, INVESTIGATION_REOPEN_REASONS } from './determination';
import { ruleSetId, staffId } from './parts';

/*
 * Commands and queries of the investigation service: what the gateway sends over NATS
 * request/reply. Inputs are not stored as such (the events are, with classified schemas), so they
 * carry no classification of their own. Ids a client may leave out are derived by the service
 * from the command id (stable across retries with the same Idempotency-Key).
 */

/** NATS request/reply patterns served by `services/investigation` (queue group `investigation`). */
export const INVESTIGATION_PATTERNS = {
  assign: 'investigation.assign',
  addEmployer: 'investigation.addEmployer',
  recordInterview: 'investigation.recordInterview',
  requestRecords: 'investigation.requestRecords',
  receiveRecords: 'investigation.receiveRecords',
  issueSubpoena: 'investigation.issueSubpoena',
  attachEvidence: 'investigation.attachEvidence',
  recordHoursAndWages: 'investigation.recordHoursAndWages',
  computeBackWages: 'investigation.computeBackWages',
  findViolation: 'investigation.findViolation',
  flagRetaliation: 'investigation.flagRetaliation',
  requestImmigrationLetter: 'investigation.requestImmigrationLetter',
  issueImmigrationLetter: 'investigation.issueImmigrationLetter',
  assessCivilPenalty: 'investigation.assessCivilPenalty',
  proposeDetermination: 'investigation.proposeDetermination',
  approveDetermination: 'investigation.approveDetermination',
  issueDetermination: 'investigation.issueDetermination',
  close: 'investigation.close',
  reopen: 'investigation.reopen',
  getInvestigation: 'investigation.getInvestigation',
  getBackWageTrace: 'investigation.getBackWageTrace',
  getEvidence: 'investigation.getEvidence',
  listInvestigations: 'investigation.listInvestigations',
  workload: 'investigation.workload',
  findings: 'investigation.findings',
  publishRuleSetVersion: 'investigation.publishRuleSetVersion',
  listRuleSets: 'investigation.listRuleSets',
  rerunBackWages: 'investigation.rerunBackWages',
} as const;
export type InvestigationPattern = (typeof INVESTIGATION_PATTERNS)[keyof typeof INVESTIGATION_PATTERNS];

export const AssignInvestigatorInput = z.strictObject({
  investigatorId: staffId(),
  reason: text(2000).optional(),
});
export type AssignInvestigatorInput = z.infer<typeof AssignInvestigatorInput>;

export const AddEmployerInput = z.strictObject({
  ...EmployerAdded.schema.shape,
  employerId: uuid().optional(),
});
export type AddEmployerInput = z.infer<typeof AddEmployerInput>;

export const RecordInterviewInput = z.strictObject({
  ...InterviewRecorded.schema.shape,
  interviewId: uuid().optional(),
});
export type RecordInterviewInput = z.infer<typeof RecordInterviewInput>;

export const RequestRecordsInput = z.strictObject({
  ...RecordsRequested.schema.shape,
  requestId: uuid().optional(),
});
export type RequestRecordsInput = z.infer<typeof RequestRecordsInput>;

export const ReceiveRecordsInput = RecordsReceived.schema;
export type ReceiveRecordsInput = z.infer<typeof ReceiveRecordsInput>;

export const IssueSubpoenaInput = z.strictObject({
  ...SubpoenaIssued.schema.shape,
  subpoenaId: uuid().optional(),
});
export type IssueSubpoenaInput = z.infer<typeof IssueSubpoenaInput>;

/** Default upper bound of one evidence upload (NATS carries it base64-encoded, 1 MB max payload). */
export const EVIDENCE_MAX_BYTES_DEFAULT = 512 * 1024;

/** The gateway reads the raw upload and sends it base64-encoded; the service hashes the bytes. */
export const AttachEvidenceInput = z.strictObject({
  // An empty file proves nothing; a request that forgot its body must not record one.
  contentBase64: z
    .base64()
    .min(1, 'the evidence is empty')
    .max(Math.ceil((EVIDENCE_MAX_BYTES_DEFAULT * 4) / 3) + 4),
  mediaType: z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, 'expected a media type'),
  fileName: text(255).optional(),
  description: text(4000).optional(),
});
export type AttachEvidenceInput = z.infer<typeof AttachEvidenceInput>;

/** Hours and wages as JSON: workers and their per-workweek records. */
export const HoursAndWagesJsonInput = z.strictObject({
  format: z.literal('json').default('json'),
  recordSetId: uuid().optional(),
  source: z.enum(RECORD_SOURCES),
  employerId: uuid().optional(),
  /** The employer's workweek start day (29 CFR 778.105): every row's week must start on it. */
  workweekStart: z.enum(WEEKDAYS).optional(),
  workers: z.array(RecordedWorkerSchema).min(1).max(MAX_WORKWEEK_RECORDS),
  records: z.array(WorkweekRecordSchema).min(1).max(MAX_WORKWEEK_RECORDS),
  note: text(4000).optional(),
});

/**
 * Hours and wages as CSV text (columns in `HOURS_CSV_COLUMNS`); the service parses it and
 * answers 422 with one entry per bad row and field, writing nothing.
 */
export const HoursAndWagesCsvInput = z.strictObject({
  format: z.literal('csv'),
  csv: z.string().min(1).max(2_000_000),
  recordSetId: uuid().optional(),
  source: z.enum(RECORD_SOURCES),
  employerId: uuid().optional(),
  workweekStart: z.enum(WEEKDAYS).optional(),
  note: text(4000).optional(),
});

// The CSV format itself (columns, splitting) is @lse/hours-csv: the workbench reads it too.
export { HOURS_CSV_COLUMNS, HOURS_CSV_REQUIRED } from '@lse/hours-csv';

export const RecordHoursAndWagesInput = z.discriminatedUnion('format', [
  HoursAndWagesJsonInput.extend({ format: z.literal('json') }),
  HoursAndWagesCsvInput,
]);
export type RecordHoursAndWagesInput = z.infer<typeof RecordHoursAndWagesInput>;

export const ComputeBackWagesInput = z.strictObject({
  /** Rule sets of `@lse/wage-rules` that apply (e.g. federal and a state's): the more generous wins per workweek. */
  ruleSetIds: z.array(ruleSetId()).min(1).max(10),
  /** The limitation window runs back from this date; defaults to the day the investigation opened. */
  filingDate: isoDate().optional(),
  willful: z.boolean().default(false),
  /**
   * The day the employer's workweek starts (29 CFR 778.105): every workweek must start on it.
   * Absent: the day recorded with the uploads, when they all name the same one.
   */
  workweekStart: z.enum(WEEKDAYS).optional(),
  /** Which uploads to use; all recorded ones when absent. */
  recordSetIds: z.array(uuid()).min(1).optional(),
});
export type ComputeBackWagesInput = z.infer<typeof ComputeBackWagesInput>;

export const FindViolationInput = z.strictObject({
  ...ViolationFound.schema.shape,
  violationId: uuid().optional(),
});
export type FindViolationInput = z.infer<typeof FindViolationInput>;

export const FlagRetaliationInput = z.strictObject({
  ...RetaliationConcernFlagged.schema.shape,
  concernId: uuid().optional(),
});
export type FlagRetaliationInput = z.infer<typeof FlagRetaliationInput>;

export const RequestImmigrationLetterInput = z.strictObject({
  ...ImmigrationSupportLetterRequested.schema.shape,
  letterId: uuid().optional(),
});
export type RequestImmigrationLetterInput = z.infer<typeof RequestImmigrationLetterInput>;

/** The signer is the acting user. */
export const IssueImmigrationLetterInput = z.strictObject({
  letterId: uuid(),
  issuedOn: isoDate(),
  evidenceId: uuid().optional(),
});
export type IssueImmigrationLetterInput = z.infer<typeof IssueImmigrationLetterInput>;

export const AssessCivilPenaltyInput = z.strictObject({
  ...CivilPenaltyAssessed.schema.shape,
  penaltyId: uuid().optional(),
});
export type AssessCivilPenaltyInput = z.infer<typeof AssessCivilPenaltyInput>;

/** Defaults: the latest computation, every violation, penalty and employer recorded so far. */
export const ProposeDeterminationInput = z.strictObject({
  determinationId: uuid().optional(),
  computationId: uuid().optional(),
  violationIds: z.array(uuid()).max(100).optional(),
  penaltyIds: z.array(uuid()).max(100).optional(),
  employerIds: z.array(uuid()).min(1).max(20).optional(),
  summary: text(20000),
});
export type ProposeDeterminationInput = z.infer<typeof ProposeDeterminationInput>;

export const ApproveDeterminationInput = z.strictObject({
  determinationId: uuid(),
  note: text(4000).optional(),
});
export type ApproveDeterminationInput = z.infer<typeof ApproveDeterminationInput>;

export const IssueDeterminationInput = z.strictObject({ determinationId: uuid() });
export type IssueDeterminationInput = z.infer<typeof IssueDeterminationInput>;

export const CloseInvestigationInput = z.strictObject({
  reason: z.enum(CLOSURE_REASONS),
  note: text(4000).optional(),
});
export type CloseInvestigationInput = z.infer<typeof CloseInvestigationInput>;

/** Supervisors only, on a closed investigation; the reason and a note saying what came up. */
export const ReopenInvestigationInput = z.strictObject({
  reason: z.enum(INVESTIGATION_REOPEN_REASONS),
  note: text(4000),
});
export type ReopenInvestigationInput = z.infer<typeof ReopenInvestigationInput>;

/* Queries */

export const InvestigationCaseQuery = z.strictObject({ caseId: uuid() });
/** Where a page of a back-wage trace starts: the worker (by its place in the trace) and its week. */
export const BackWageTracePositionSchema = z.strictObject({
  worker: z.int().min(0).max(10_000_000),
  week: z.int().min(0).max(10_000_000),
});
export type BackWageTracePosition = z.infer<typeof BackWageTracePositionSchema>;
/** Workweeks per page of a trace at most (each page also stays under TRACE_PAGE_BYTES). */
export const MAX_TRACE_PAGE_WEEKS = 200;
export const BackWageTraceQuery = z.strictObject({
  caseId: uuid(),
  computationId: uuid(),
  after: BackWageTracePositionSchema.optional(),
  limit: z.int().min(1).max(MAX_TRACE_PAGE_WEEKS).optional(),
});
export const EvidenceQuery = z.strictObject({ caseId: uuid(), evidenceId: uuid() });

export const INVESTIGATION_STATUSES = ['open', 'closed'] as const;

/** Open investigations, most urgent first: by priority, then oldest first. */
/** Where a case's determination stands in the investigations list; `none` before a proposal. */
export const DETERMINATION_STATUSES = ['proposed', 'approved', 'issued'] as const;

/** What to do next on an investigation ("my work"), kept by investigation's read model. */
export const INVESTIGATION_NEXT_STEPS = [
  'assign_investigator',
  'record_hours',
  'compute_back_wages',
  'propose_determination',
  'approve_determination',
  'issue_determination',
  'close_investigation',
  'none',
] as const;
export type InvestigationNextStep = (typeof INVESTIGATION_NEXT_STEPS)[number];

export const ListInvestigationsQuery = z.strictObject({
  status: z.enum(INVESTIGATION_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  investigatorId: staffId().optional(),
  unassigned: z.boolean().optional(),
  /** `proposed`: waiting for a supervisor's approval; `none`: no determination proposed yet. */
  determinationStatus: z.enum([...DETERMINATION_STATUSES, 'none']).optional(),
});
export type ListInvestigationsQuery = z.infer<typeof ListInvestigationsQuery>;

/** A position in the list ordered by (priority, openedAt, caseId), opaque to clients. */
export const InvestigationListPositionSchema = z.strictObject({
  priority: z.enum(PRIORITIES),
  openedAt: z.string().min(1).max(64),
  caseId: uuid(),
});
export type InvestigationListPosition = z.infer<typeof InvestigationListPositionSchema>;

export const ListInvestigationsRequest = z.strictObject({
  filters: ListInvestigationsQuery,
  limit: z.int().min(1).max(1000),
  after: InvestigationListPositionSchema.optional(),
});

/** Investigators and their open caseload, ordered by investigator id. */
export const WorkloadRequest = z.strictObject({
  limit: z.int().min(1).max(1000),
  after: z.strictObject({ investigatorId: staffId() }).optional(),
});
