import {
  AddEmployerInput,
  ApproveDeterminationInput,
  AssessCivilPenaltyInput,
  AssignInvestigatorInput,
  AttachEvidenceInput,
  CloseInvestigationInput,
  ComputeBackWagesInput,
  FindViolationInput,
  FlagRetaliationInput,
  INVESTIGATION_PATTERNS as P,
  IssueDeterminationInput,
  IssueImmigrationLetterInput,
  IssueSubpoenaInput,
  type InvestigationPattern,
  ProposeDeterminationInput,
  ReceiveRecordsInput,
  RecordInterviewInput,
  ReopenInvestigationInput,
  RequestImmigrationLetterInput,
  RequestRecordsInput,
  RerunBackWagesInput,
} from '@lse/contracts';
import { utcDateOf, type WorkweekStart } from '@lse/domain';
import {
  InvestigationClosedError,
  InvestigationNotFoundError,
  type Actor,
  type InvestigationCommand,
  type InvestigationState,
} from '@lse/investigation-domain';
import { DomainError } from '@lse/service-kit';
import type { z } from 'zod';
import { computeForInvestigation, ruleSetsInForce, ruleSetVersions } from '../back-wages/compute';
import { rerunDiff } from '../back-wages/rerun-diff';
import type { RuleSetVersions } from '../back-wages/rule-set-versions';
import type { InvestigationConfig } from '../config';
import type { EvidenceStore } from '../evidence/evidence-store';
import { HoursRequestInput, recordSetFromCsv, recordSetFromJson } from '../hours/hours-input';
import type { CommandResult } from './command-result';

/** What the service fills in on every command: the case, the time from its clock, the verified actor. */
export interface CommandBase {
  caseId: string;
  now: string;
  actor: Actor;
}

/** What a command needs besides its input, for the few that store or compute first. */
export interface CommandServices {
  config: InvestigationConfig;
  evidence: EvidenceStore;
  ruleSetVersions: RuleSetVersions;
  /** The investigation as its stream holds it now. */
  load: (caseId: string) => Promise<{ state: InvestigationState }>;
}

/** What a builder gets next to the parsed input. */
export interface BuildContext {
  base: CommandBase;
  /** The investigation as loaded; the decider refuses anything it cannot take. */
  state: InvestigationState;
  /** An id the service assigns (a violation filed without one...): derived from the command id, stable across retries. */
  id: (what: string) => string;
  services: CommandServices;
}

/** One command on a case: the schema of its `input`, the domain command it becomes, and the reply if not the plain result. */
export interface CaseCommand<S extends z.ZodType = z.ZodType> {
  input: S;
  // Methods, not properties: each entry's builder takes its own input type.
  build(input: z.output<S>, context: BuildContext): InvestigationCommand | Promise<InvestigationCommand>;
  reply?(result: CommandResult, services: CommandServices): Promise<unknown>;
}

const command = <S extends z.ZodType>(
  input: S,
  build: CaseCommand<S>['build'],
  reply?: CaseCommand<S>['reply'],
): CaseCommand<S> => ({ input, build, ...(reply ? { reply } : {}) });

/** The investigation when it accepts commands; the decider's own refusals otherwise. */
function openInvestigation(state: InvestigationState, caseId: string) {
  if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
  if (state.status === 'closed') throw new InvestigationClosedError();
  return state.investigation;
}

/** The workweek start day named, else the one every selected upload recorded (29 CFR 778.105). */
function workweekStartOf(
  named: WorkweekStart | undefined,
  recordSets: readonly { workweekStart?: WorkweekStart }[],
): { workweekStart?: WorkweekStart } {
  if (named) return { workweekStart: named };
  const days = new Set(recordSets.map((s) => s.workweekStart));
  const [only] = days;
  return days.size === 1 && only ? { workweekStart: only } : {};
}

/** The bytes are hashed here, by the server, and stored before the event names them. */
const attachEvidence = command(AttachEvidenceInput, async (input, { base, state, id, services }) => {
  const content = Buffer.from(input.contentBase64, 'base64');
  const max = services.config.EVIDENCE_MAX_BYTES;
  if (content.length > max)
    throw new DomainError('payload_too_large', `Evidence is limited to ${max} bytes.`);
  // Refuse before storing when the investigation cannot take it (closed, unknown).
  openInvestigation(state, base.caseId);
  const stored = await services.evidence.put(content, base.caseId);
  return {
    ...base,
    type: 'AttachEvidence',
    evidence: {
      evidenceId: id('evidence'),
      ...stored,
      mediaType: input.mediaType,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.description ? { description: input.description } : {}),
    },
  };
});

/**
 * `@lse/wage-rules` computes over the recorded hours under each rule set's version in force
 * today (from the catalog); the decider checks and records the figures.
 */
const computeBackWages = command(ComputeBackWagesInput, async (input, { base, state, id, services }) => {
  const inv = openInvestigation(state, base.caseId);
  const ids = input.recordSetIds ?? Object.keys(inv.recordSets);
  if (ids.length === 0)
    throw new DomainError('invalid_transition', 'Record hours and wages before computing back wages.', {
      reason: 'no_records',
    });
  const recordSets = ids.map((rid, i) => {
    const set = inv.recordSets[rid];
    if (!set)
      throw new DomainError('validation', `Unknown record set ${rid}.`, {
        errors: [{ path: `recordSetIds[${i}]`, message: 'no record set with this id in the investigation' }],
      });
    return set;
  });
  const catalog = await services.ruleSetVersions.catalog();
  const { event } = computeForInvestigation({
    computationId: id('computation'),
    ruleSets: ruleSetsInForce(catalog, input.ruleSetIds, utcDateOf(new Date(base.now))),
    filingDate: input.filingDate ?? utcDateOf(new Date(inv.openedAt)),
    willful: input.willful,
    ...workweekStartOf(input.workweekStart, recordSets),
    recordSets,
  });
  return { ...base, type: 'ComputeBackWages', computation: event };
});

/**
 * A recorded computation again, same hours and dates, under newer rule-set versions (those
 * named, else each one's version in force today), recorded as a new computation; the reply adds
 * what changed per worker and workweek.
 */
const rerunBackWages = command(
  RerunBackWagesInput,
  async (input, { base, state, id, services }) => {
    const inv = openInvestigation(state, base.caseId);
    const before = inv.computations[input.computationId];
    if (!before) throw new DomainError('not_found', 'No such computation in this investigation.');
    const catalog = await services.ruleSetVersions.catalog();
    const ruleSets = input.ruleSetVersions
      ? ruleSetVersions(catalog, input.ruleSetVersions)
      : ruleSetsInForce(
          catalog,
          before.ruleSets.map((r) => r.id),
          utcDateOf(new Date(base.now)),
        );
    const { event } = computeForInvestigation({
      computationId: id('computation'),
      rerunOf: before.computationId,
      ruleSets,
      filingDate: before.filingDate,
      willful: before.willful,
      recordSets: before.recordSetIds.map((rid) => inv.recordSets[rid]),
    });
    return { ...base, type: 'ComputeBackWages', computation: event };
  },
  async (result, { load }) => {
    // From the stream, so a retry answered from the first result gets the same diff.
    const { state } = await load(result.caseId);
    const inv = openInvestigation(state, result.caseId);
    const after = inv.computations[result.id!];
    const before = inv.computations[after.rerunOf!];
    return { ...result, diff: rerunDiff(before, after) };
  },
);

/**
 * Every command on an investigation, by NATS pattern: `{caseId, expectedVersion?, input}` whose
 * input the schema parses and the builder turns into the decider's command. Ids the caller left
 * out derive from the command id.
 */
export const CASE_COMMANDS: Readonly<Partial<Record<InvestigationPattern, CaseCommand>>> = {
  [P.assign]: command(AssignInvestigatorInput, (input, { base }) => ({
    ...base,
    type: 'AssignInvestigator',
    ...input,
  })),
  [P.addEmployer]: command(AddEmployerInput, (input, { base, id }) => ({
    ...base,
    type: 'AddEmployer',
    employer: { ...input, employerId: input.employerId ?? id('employer') },
  })),
  [P.recordInterview]: command(RecordInterviewInput, (input, { base, id }) => ({
    ...base,
    type: 'RecordInterview',
    interview: { ...input, interviewId: input.interviewId ?? id('interview') },
  })),
  [P.requestRecords]: command(RequestRecordsInput, (input, { base, id }) => ({
    ...base,
    type: 'RequestRecords',
    request: { ...input, requestId: input.requestId ?? id('records-request') },
  })),
  [P.receiveRecords]: command(ReceiveRecordsInput, (receipt, { base }) => ({
    ...base,
    type: 'ReceiveRecords',
    receipt,
  })),
  [P.issueSubpoena]: command(IssueSubpoenaInput, (input, { base, id }) => ({
    ...base,
    type: 'IssueSubpoena',
    subpoena: { ...input, subpoenaId: input.subpoenaId ?? id('subpoena') },
  })),
  [P.attachEvidence]: attachEvidence,
  [P.recordHoursAndWages]: command(HoursRequestInput, (input, { base, id }) => {
    const recordSetId = input.recordSetId ?? id('record-set');
    const recordSet =
      input.format === 'csv'
        ? recordSetFromCsv(base.caseId, recordSetId, input)
        : recordSetFromJson(recordSetId, input);
    return { ...base, type: 'RecordHoursAndWages', recordSet };
  }),
  [P.computeBackWages]: computeBackWages,
  [P.rerunBackWages]: rerunBackWages,
  [P.findViolation]: command(FindViolationInput, (input, { base, id }) => ({
    ...base,
    type: 'FindViolation',
    violation: { ...input, violationId: input.violationId ?? id('violation') },
  })),
  [P.flagRetaliation]: command(FlagRetaliationInput, (input, { base, id }) => ({
    ...base,
    type: 'FlagRetaliationConcern',
    concern: { ...input, concernId: input.concernId ?? id('retaliation-concern') },
  })),
  [P.requestImmigrationLetter]: command(RequestImmigrationLetterInput, (input, { base, id }) => ({
    ...base,
    type: 'RequestImmigrationLetter',
    request: { ...input, letterId: input.letterId ?? id('letter') },
  })),
  [P.issueImmigrationLetter]: command(IssueImmigrationLetterInput, (input, { base }) => ({
    ...base,
    type: 'IssueImmigrationLetter',
    ...input,
  })),
  [P.assessCivilPenalty]: command(AssessCivilPenaltyInput, (input, { base, id }) => ({
    ...base,
    type: 'AssessCivilPenalty',
    penalty: { ...input, penaltyId: input.penaltyId ?? id('civil-penalty') },
  })),
  [P.proposeDetermination]: command(ProposeDeterminationInput, (input, { base, id }) => ({
    ...base,
    type: 'ProposeDetermination',
    ...input,
    determinationId: input.determinationId ?? id('determination'),
  })),
  [P.approveDetermination]: command(ApproveDeterminationInput, (input, { base }) => ({
    ...base,
    type: 'ApproveDetermination',
    ...input,
  })),
  [P.issueDetermination]: command(IssueDeterminationInput, (input, { base }) => ({
    ...base,
    type: 'IssueDetermination',
    ...input,
  })),
  [P.close]: command(CloseInvestigationInput, (input, { base }) => ({
    ...base,
    type: 'CloseInvestigation',
    ...input,
  })),
  [P.reopen]: command(ReopenInvestigationInput, (input, { base }) => ({
    ...base,
    type: 'ReopenInvestigation',
    ...input,
  })),
};
