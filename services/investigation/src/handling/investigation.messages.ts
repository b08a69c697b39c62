import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddEmployerInput,
  ApproveDeterminationInput,
  AssessCivilPenaltyInput,
  AssignInvestigatorInput,
  AttachEvidenceInput,
  CloseInvestigationInput,
  ReopenInvestigationInput,
  ComputeBackWagesInput,
  FindViolationInput,
  FlagRetaliationInput,
  INVESTIGATION_PATTERNS as P,
  investigationCommandRequest,
  IssueDeterminationInput,
  IssueImmigrationLetterInput,
  IssueSubpoenaInput,
  ProposeDeterminationInput,
  PublishRuleSetVersionInput,
  ReceiveRecordsInput,
  RecordInterviewInput,
  RequestImmigrationLetterInput,
  RequestRecordsInput,
  RerunBackWagesInput,
} from '@lse/contracts';
import { utcDateOf, type Clock, type WorkweekStart } from '@lse/domain';
import {
  InvestigationClosedError,
  InvestigationNotFoundError,
  type Actor,
  type InvestigationCommand,
  type InvestigationState,
} from '@lse/investigation-domain';
import { DomainError, Metrics, type ServiceActor, type ServiceReply } from '@lse/service-kit';
import type { z } from 'zod';
import { computeForInvestigation, ruleSetsInForce, ruleSetVersions } from '../back-wages/compute';
import { rerunDiff } from '../back-wages/rerun-diff';
import { RuleSetVersions } from '../back-wages/rule-set-versions';
import { INVESTIGATION_CONFIG, type InvestigationConfig } from '../config';
import { EVIDENCE_STORE, type EvidenceStore } from '../evidence/evidence-store';
import { HoursRequestInput, recordSetFromCsv, recordSetFromJson } from '../hours/hours-input';
import { commandIdFor, derivedId } from './command-ids';
import type { CommandResult } from './command-result';
import { InvestigationCommands } from './investigation-commands.service';
import { replyTo, type RequestEnvelope } from './request-envelope';
import { CLOCK } from './tokens';

interface Base {
  caseId: string;
  now: string;
  actor: Actor;
}

/** The investigation when it accepts commands; the decider's own refusals otherwise. */
function openInvestigation(state: InvestigationState, caseId: string) {
  if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
  if (state.status === 'closed') throw new InvestigationClosedError();
  return state.investigation;
}

type ToCommand<S extends z.ZodType> = (
  input: z.output<S>,
  base: Base,
  state: InvestigationState,
  commandId: string,
) => InvestigationCommand | Promise<InvestigationCommand>;

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

const actorOf = (a: ServiceActor): Actor => ({ id: a.id, role: a.role as Actor['role'] });

/**
 * The investigation service's command handlers (`investigation.<verb>`; the reads are in
 * investigation-queries.messages.ts). Thin: validate, build the command (ids derived from the
 * command id, stable across retries), run it through InvestigationCommands, reply. Logs carry
 * ids and outcomes only, never case content.
 */
@Controller()
export class InvestigationMessages {
  private readonly logger = new Logger('Investigation');

  constructor(
    private readonly commands: InvestigationCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVIDENCE_STORE) private readonly evidence: EvidenceStore,
    @Inject(INVESTIGATION_CONFIG) private readonly config: InvestigationConfig,
    private readonly ruleSetVersions: RuleSetVersions,
  ) {}

  @MessagePattern(P.assign)
  assign(@Payload() payload: unknown) {
    return this.update(
      P.assign,
      payload,
      AssignInvestigatorInput,
      (input: z.output<typeof AssignInvestigatorInput>, base) => ({
        ...base,
        type: 'AssignInvestigator',
        ...input,
      }),
    );
  }

  @MessagePattern(P.addEmployer)
  addEmployer(@Payload() payload: unknown) {
    return this.update(
      P.addEmployer,
      payload,
      AddEmployerInput,
      (input: z.output<typeof AddEmployerInput>, base, _s, id) => ({
        ...base,
        type: 'AddEmployer',
        employer: { ...input, employerId: input.employerId ?? derivedId(id, 'employer') },
      }),
    );
  }

  @MessagePattern(P.recordInterview)
  recordInterview(@Payload() payload: unknown) {
    return this.update(
      P.recordInterview,
      payload,
      RecordInterviewInput,
      (input: z.output<typeof RecordInterviewInput>, base, _s, id) => ({
        ...base,
        type: 'RecordInterview',
        interview: { ...input, interviewId: input.interviewId ?? derivedId(id, 'interview') },
      }),
    );
  }

  @MessagePattern(P.requestRecords)
  requestRecords(@Payload() payload: unknown) {
    return this.update(
      P.requestRecords,
      payload,
      RequestRecordsInput,
      (input: z.output<typeof RequestRecordsInput>, base, _s, id) => ({
        ...base,
        type: 'RequestRecords',
        request: { ...input, requestId: input.requestId ?? derivedId(id, 'records-request') },
      }),
    );
  }

  @MessagePattern(P.receiveRecords)
  receiveRecords(@Payload() payload: unknown) {
    return this.update(
      P.receiveRecords,
      payload,
      ReceiveRecordsInput,
      (receipt: z.output<typeof ReceiveRecordsInput>, base) => ({
        ...base,
        type: 'ReceiveRecords',
        receipt,
      }),
    );
  }

  @MessagePattern(P.issueSubpoena)
  issueSubpoena(@Payload() payload: unknown) {
    return this.update(
      P.issueSubpoena,
      payload,
      IssueSubpoenaInput,
      (input: z.output<typeof IssueSubpoenaInput>, base, _s, id) => ({
        ...base,
        type: 'IssueSubpoena',
        subpoena: { ...input, subpoenaId: input.subpoenaId ?? derivedId(id, 'subpoena') },
      }),
    );
  }

  /** The bytes are hashed here, by the server, and stored before the event names them. */
  @MessagePattern(P.attachEvidence)
  attachEvidence(@Payload() payload: unknown) {
    return this.update(
      P.attachEvidence,
      payload,
      AttachEvidenceInput,
      async (input: z.output<typeof AttachEvidenceInput>, base, state, id) => {
        const content = Buffer.from(input.contentBase64, 'base64');
        if (content.length > this.config.EVIDENCE_MAX_BYTES)
          throw new DomainError(
            'payload_too_large',
            `Evidence is limited to ${this.config.EVIDENCE_MAX_BYTES} bytes.`,
          );
        // Refuse before storing when the investigation cannot take it (closed, unknown).
        openInvestigation(state, base.caseId);
        const stored = await this.evidence.put(content);
        return {
          ...base,
          type: 'AttachEvidence',
          evidence: {
            evidenceId: derivedId(id, 'evidence'),
            ...stored,
            mediaType: input.mediaType,
            ...(input.fileName ? { fileName: input.fileName } : {}),
            ...(input.description ? { description: input.description } : {}),
          },
        };
      },
    );
  }

  @MessagePattern(P.recordHoursAndWages)
  recordHoursAndWages(@Payload() payload: unknown) {
    return this.update(
      P.recordHoursAndWages,
      payload,
      HoursRequestInput,
      (input: z.output<typeof HoursRequestInput>, base, _s, id) => {
        const recordSetId = input.recordSetId ?? derivedId(id, 'record-set');
        const recordSet =
          input.format === 'csv'
            ? recordSetFromCsv(base.caseId, recordSetId, input)
            : recordSetFromJson(recordSetId, input);
        return { ...base, type: 'RecordHoursAndWages', recordSet };
      },
    );
  }

  /**
   * `@lse/wage-rules` computes over the recorded hours under each rule set's version in force
   * today (from the catalog); the decider checks and records the figures.
   */
  @MessagePattern(P.computeBackWages)
  computeBackWages(@Payload() payload: unknown) {
    return this.update(
      P.computeBackWages,
      payload,
      ComputeBackWagesInput,
      async (input: z.output<typeof ComputeBackWagesInput>, base, state, id) => {
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
              errors: [
                { path: `recordSetIds[${i}]`, message: 'no record set with this id in the investigation' },
              ],
            });
          return set;
        });
        const catalog = await this.ruleSetVersions.catalog();
        const { event } = computeForInvestigation({
          computationId: derivedId(id, 'computation'),
          ruleSets: ruleSetsInForce(catalog, input.ruleSetIds, utcDateOf(new Date(base.now))),
          filingDate: input.filingDate ?? utcDateOf(new Date(inv.openedAt)),
          willful: input.willful,
          ...workweekStartOf(input.workweekStart, recordSets),
          recordSets,
        });
        return { ...base, type: 'ComputeBackWages', computation: event };
      },
    );
  }

  /**
   * A recorded computation again, same hours and dates, under newer rule-set versions (those
   * named, else each one's version in force today), recorded as a new computation; the reply adds
   * what changed per worker and workweek.
   */
  @MessagePattern(P.rerunBackWages)
  rerunBackWages(@Payload() payload: unknown) {
    return this.handle(P.rerunBackWages, payload, async (env) => {
      const result: CommandResult = await this.command(
        P.rerunBackWages,
        env,
        RerunBackWagesInput,
        async (input: z.output<typeof RerunBackWagesInput>, base, state, id) => {
          const inv = openInvestigation(state, base.caseId);
          const before = inv.computations[input.computationId];
          if (!before) throw new DomainError('not_found', 'No such computation in this investigation.');
          const catalog = await this.ruleSetVersions.catalog();
          const ruleSets = input.ruleSetVersions
            ? ruleSetVersions(catalog, input.ruleSetVersions)
            : ruleSetsInForce(
                catalog,
                before.ruleSets.map((r) => r.id),
                utcDateOf(new Date(base.now)),
              );
          const { event } = computeForInvestigation({
            computationId: derivedId(id, 'computation'),
            rerunOf: before.computationId,
            ruleSets,
            filingDate: before.filingDate,
            willful: before.willful,
            recordSets: before.recordSetIds.map((rid) => inv.recordSets[rid]),
          });
          return { ...base, type: 'ComputeBackWages', computation: event };
        },
      );
      // From the stream, so a retry answered from the first result gets the same diff.
      const { state } = await this.commands.load(result.caseId);
      const inv = openInvestigation(state, result.caseId);
      const after = inv.computations[result.id!];
      const before = inv.computations[after.rerunOf!];
      return { ...result, diff: rerunDiff(before, after) };
    });
  }

  /** A new version of a rule set, appended to the catalog stream (supervisors and admins). */
  @MessagePattern(P.publishRuleSetVersion)
  publishRuleSetVersion(@Payload() payload: unknown) {
    return this.handle(P.publishRuleSetVersion, payload, (env) => {
      const input = PublishRuleSetVersionInput.parse(env.data);
      return this.ruleSetVersions.publish(input, {
        commandId: commandIdFor(P.publishRuleSetVersion, 'wage_rules', env.actor.id, env.idempotencyKey),
        actor: env.actor,
        correlationId: env.correlationId,
        now: this.clock.now().toISOString(),
      });
    });
  }

  @MessagePattern(P.findViolation)
  findViolation(@Payload() payload: unknown) {
    return this.update(
      P.findViolation,
      payload,
      FindViolationInput,
      (input: z.output<typeof FindViolationInput>, base, _s, id) => ({
        ...base,
        type: 'FindViolation',
        violation: { ...input, violationId: input.violationId ?? derivedId(id, 'violation') },
      }),
    );
  }

  @MessagePattern(P.flagRetaliation)
  flagRetaliation(@Payload() payload: unknown) {
    return this.update(
      P.flagRetaliation,
      payload,
      FlagRetaliationInput,
      (input: z.output<typeof FlagRetaliationInput>, base, _s, id) => ({
        ...base,
        type: 'FlagRetaliationConcern',
        concern: { ...input, concernId: input.concernId ?? derivedId(id, 'retaliation-concern') },
      }),
    );
  }

  @MessagePattern(P.requestImmigrationLetter)
  requestImmigrationLetter(@Payload() payload: unknown) {
    return this.update(
      P.requestImmigrationLetter,
      payload,
      RequestImmigrationLetterInput,
      (input: z.output<typeof RequestImmigrationLetterInput>, base, _s, id) => ({
        ...base,
        type: 'RequestImmigrationLetter',
        request: { ...input, letterId: input.letterId ?? derivedId(id, 'letter') },
      }),
    );
  }

  @MessagePattern(P.issueImmigrationLetter)
  issueImmigrationLetter(@Payload() payload: unknown) {
    return this.update(
      P.issueImmigrationLetter,
      payload,
      IssueImmigrationLetterInput,
      (input: z.output<typeof IssueImmigrationLetterInput>, base) => ({
        ...base,
        type: 'IssueImmigrationLetter',
        ...input,
      }),
    );
  }

  @MessagePattern(P.assessCivilPenalty)
  assessCivilPenalty(@Payload() payload: unknown) {
    return this.update(
      P.assessCivilPenalty,
      payload,
      AssessCivilPenaltyInput,
      (input: z.output<typeof AssessCivilPenaltyInput>, base, _s, id) => ({
        ...base,
        type: 'AssessCivilPenalty',
        penalty: { ...input, penaltyId: input.penaltyId ?? derivedId(id, 'civil-penalty') },
      }),
    );
  }

  @MessagePattern(P.proposeDetermination)
  proposeDetermination(@Payload() payload: unknown) {
    return this.update(
      P.proposeDetermination,
      payload,
      ProposeDeterminationInput,
      (input: z.output<typeof ProposeDeterminationInput>, base, _s, id) => ({
        ...base,
        type: 'ProposeDetermination',
        ...input,
        determinationId: input.determinationId ?? derivedId(id, 'determination'),
      }),
    );
  }

  @MessagePattern(P.approveDetermination)
  approveDetermination(@Payload() payload: unknown) {
    return this.update(
      P.approveDetermination,
      payload,
      ApproveDeterminationInput,
      (input: z.output<typeof ApproveDeterminationInput>, base) => ({
        ...base,
        type: 'ApproveDetermination',
        ...input,
      }),
    );
  }

  @MessagePattern(P.issueDetermination)
  issueDetermination(@Payload() payload: unknown) {
    return this.update(
      P.issueDetermination,
      payload,
      IssueDeterminationInput,
      (input: z.output<typeof IssueDeterminationInput>, base) => ({
        ...base,
        type: 'IssueDetermination',
        ...input,
      }),
    );
  }

  @MessagePattern(P.close)
  close(@Payload() payload: unknown) {
    return this.update(
      P.close,
      payload,
      CloseInvestigationInput,
      (input: z.output<typeof CloseInvestigationInput>, base) => ({
        ...base,
        type: 'CloseInvestigation',
        ...input,
      }),
    );
  }

  @MessagePattern(P.reopen)
  reopen(@Payload() payload: unknown) {
    return this.update(
      P.reopen,
      payload,
      ReopenInvestigationInput,
      (input: z.output<typeof ReopenInvestigationInput>, base) => ({
        ...base,
        type: 'ReopenInvestigation',
        ...input,
      }),
    );
  }

  /** A command on an investigation: `{caseId, expectedVersion?, input}`. */
  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    inputSchema: S,
    toCommand: ToCommand<S>,
  ): Promise<ServiceReply<unknown>> {
    return this.handle(pattern, payload, (env) => this.command(pattern, env, inputSchema, toCommand));
  }

  private command<S extends z.ZodType>(
    pattern: string,
    env: RequestEnvelope,
    inputSchema: S,
    toCommand: ToCommand<S>,
  ): Promise<CommandResult> {
    const request = investigationCommandRequest(inputSchema).parse(env.data);
    const base: Base = {
      caseId: request.caseId,
      now: this.clock.now().toISOString(),
      actor: actorOf(env.actor),
    };
    const commandId = commandIdFor(pattern, request.caseId, env.actor.id, env.idempotencyKey);
    return this.commands.run(
      {
        caseId: base.caseId,
        now: base.now,
        commandId,
        actor: env.actor,
        correlationId: env.correlationId,
        expectedVersion: request.expectedVersion,
      },
      (state) => toCommand((request as { input: z.output<S> }).input, base, state, commandId),
    );
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    work: (env: RequestEnvelope) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    return replyTo(this.metrics, this.logger, pattern, payload, work);
  }
}
