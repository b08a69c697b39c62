import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AmendComplaintInput,
  AssessJurisdictionInput,
  AssessLimitationsInput,
  complaintStreamId,
  DeclineInput,
  INTAKE_PATTERNS,
  LinkDuplicateInput,
  LinkRelatedInput,
  MergeComplaintInput,
  OpenCaseInput,
  ReceiveComplaintRequest,
  ReferOutInput,
  ScoreTriageInput,
  streamCommandRequest,
  WithdrawInput,
} from '@lse/contracts';
import { isDomainError, type Clock } from '@lse/domain';
import {
  commandIdFor,
  derivedId,
  eventIdFor,
  Metrics,
  replyTo,
  StreamCommands,
  type CommandContext,
  type RequestEnvelope,
  type ServiceReply,
} from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { ComplaintCommand, ComplaintState, LinkTarget } from '@lse/intake-domain';
import { CaseLinkMirror } from '../reactions/case-links/case-link-mirror';
import { priorCaseNumbers } from '../read-models/employer-index/find-employer';
import { CLOCK, COMPLAINT_DECIDER, INTAKE_DATA_SOURCE, type ComplaintDecider } from '../tokens';
import { CaseNumberAllocator } from './case-number-allocator';
import { commandResult, type CommandResult } from './command-result';
import type { Base } from './command-request';

/**
 * The intake service's command handlers (`intake.<verb>`; the reads are in
 * queries/complaint-queries.messages.ts). Thin: validate, build the command, run it through the
 * shared StreamCommands, reply with commandResult. Logs carry ids and outcomes only, never the
 * complaint's content.
 */
@Controller()
export class ComplaintMessages {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly commands: StreamCommands,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    private readonly caseNumbers: CaseNumberAllocator,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly links: CaseLinkMirror,
  ) {}

  @MessagePattern(INTAKE_PATTERNS.receive)
  receive(@Payload() payload: unknown) {
    return this.handle(INTAKE_PATTERNS.receive, payload, (env) => {
      const { input } = ReceiveComplaintRequest.parse(env.data);
      const commandId = commandIdFor(INTAKE_PATTERNS.receive, 'new', env.actor.id, env.idempotencyKey);
      const caseId = derivedId(commandId, 'case');
      const now = this.now();
      const complaint = {
        ...input,
        receivedAt: input.receivedAt ?? now,
        complainants: input.complainants.map((c, i) => ({
          ...c,
          complainantId: c.complainantId ?? derivedId(commandId, `complainant/${i}`),
        })),
      };
      return this.run(
        { ...this.context(env, caseId, commandId, now), startsStream: true },
        (): ComplaintCommand => ({ type: 'ReceiveComplaint', caseId, now, complaint }),
      );
    });
  }

  @MessagePattern(INTAKE_PATTERNS.amend)
  amend(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.amend, payload, AmendComplaintInput, (amendment, base) => ({
      ...base,
      type: 'AmendComplaint',
      amendment,
    }));
  }

  @MessagePattern(INTAKE_PATTERNS.assessJurisdiction)
  assessJurisdiction(@Payload() payload: unknown) {
    return this.update(
      INTAKE_PATTERNS.assessJurisdiction,
      payload,
      AssessJurisdictionInput,
      (assessment, base) => ({
        ...base,
        type: 'AssessJurisdiction',
        assessment,
      }),
    );
  }

  @MessagePattern(INTAKE_PATTERNS.assessLimitations)
  assessLimitations(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.assessLimitations, payload, AssessLimitationsInput, (input, base) => ({
      ...base,
      type: 'AssessLimitations',
      ...input,
    }));
  }

  @MessagePattern(INTAKE_PATTERNS.scoreTriage)
  scoreTriage(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.scoreTriage, payload, ScoreTriageInput, async (input, base, state) => {
      // Repeat violator: the employer index's cases against the same employer (eventually consistent).
      const caseNumbers =
        state.status === 'none'
          ? []
          : await priorCaseNumbers(this.dataSource, state.complaint.employer, base.caseId);
      return {
        ...base,
        type: 'ScoreTriage',
        priorCases: { caseNumbers },
        resourceIntensity: input.resourceIntensity,
      };
    });
  }

  @MessagePattern(INTAKE_PATTERNS.linkDuplicate)
  linkDuplicate(@Payload() payload: unknown) {
    return this.link(
      INTAKE_PATTERNS.linkDuplicate,
      payload,
      LinkDuplicateInput,
      (link) => link.duplicateOfCaseId,
      (link, base, target) => ({ ...base, type: 'LinkDuplicate', link, target }),
    );
  }

  @MessagePattern(INTAKE_PATTERNS.linkRelated)
  linkRelated(@Payload() payload: unknown) {
    return this.link(
      INTAKE_PATTERNS.linkRelated,
      payload,
      LinkRelatedInput,
      (link) => link.relatedCaseId,
      (link, base, target) => ({ ...base, type: 'LinkRelated', link, target }),
    );
  }

  @MessagePattern(INTAKE_PATTERNS.merge)
  merge(@Payload() payload: unknown) {
    return this.link(
      INTAKE_PATTERNS.merge,
      payload,
      MergeComplaintInput,
      (merge) => merge.intoCaseId,
      (merge, base, target) => ({ ...base, type: 'MergeComplaint', merge, target }),
    );
  }

  @MessagePattern(INTAKE_PATTERNS.referOut)
  referOut(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.referOut, payload, ReferOutInput, (referral, base) => ({
      ...base,
      type: 'ReferOut',
      referral,
    }));
  }

  @MessagePattern(INTAKE_PATTERNS.decline)
  decline(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.decline, payload, DeclineInput, (decline, base) => ({
      ...base,
      type: 'Decline',
      decline,
    }));
  }

  @MessagePattern(INTAKE_PATTERNS.withdraw)
  withdraw(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.withdraw, payload, WithdrawInput, (withdrawal, base) => ({
      ...base,
      type: 'Withdraw',
      withdrawal,
    }));
  }

  @MessagePattern(INTAKE_PATTERNS.openCase)
  openCase(@Payload() payload: unknown) {
    return this.update(INTAKE_PATTERNS.openCase, payload, OpenCaseInput, async (input, base, state) => {
      const command = (caseNumber: string): ComplaintCommand => ({
        ...base,
        type: 'OpenCase',
        caseNumber,
        office: input.office,
      });
      // Decide once with a placeholder first, so that a refused command does not use up a number.
      this.decider.decide(command('LSE-0000-000000'), state);
      return command(await this.caseNumbers.next(base.now));
    });
  }

  /**
   * A link from this complaint to another case: the other case is looked up first (it must exist
   * and be open), then the link is recorded here and, right after, on the other case. A retry of
   * the same request (same Idempotency-Key) finds the link recorded and completes the other side.
   */
  private link<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    inputSchema: S,
    targetOf: (input: z.output<S>) => string,
    toCommand: (input: z.output<S>, base: Base, target: LinkTarget) => ComplaintCommand,
  ): Promise<ServiceReply<unknown>> {
    return this.handle(pattern, payload, async (env) => {
      const request = streamCommandRequest('caseId', inputSchema).parse(env.data);
      const input = (request as { input: z.output<S> }).input;
      const base = { caseId: request.caseId, now: this.now() };
      const commandId = commandIdFor(pattern, request.caseId, env.actor.id, env.idempotencyKey);
      const result = await this.run(
        { ...this.context(env, base.caseId, commandId, base.now), expectedVersion: request.expectedVersion },
        async () => {
          const targetId = targetOf(input);
          const { state } = await this.commands.load(this.decider, complaintStreamId(targetId));
          return toCommand(input, base, { caseId: targetId, status: state.status });
        },
      );
      const { recorded } = await this.commands.load(this.decider, complaintStreamId(request.caseId));
      const cause = recorded.find((e) => e.eventId === eventIdFor(commandId, 0));
      if (cause) {
        try {
          await this.links.mirror(cause, base.now);
        } catch (err) {
          // Recorded here; the other case refused its record (it closed in between): the reaction
          // to the event logs it too. Anything else fails the request, and a retry completes it.
          if (!isDomainError(err)) throw err;
          this.logger.error(
            { caseId: request.caseId, reason: err.details?.reason },
            'link not recorded on the other case',
          );
        }
      }
      return result;
    });
  }

  /** A command on an existing complaint: `{caseId, expectedVersion?, input}`. */
  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    inputSchema: S,
    toCommand: (
      input: z.output<S>,
      base: Base,
      state: ComplaintState,
    ) => ComplaintCommand | Promise<ComplaintCommand>,
  ): Promise<ServiceReply<unknown>> {
    return this.handle(pattern, payload, (env) => {
      const request = streamCommandRequest('caseId', inputSchema).parse(env.data);
      const base = { caseId: request.caseId, now: this.now() };
      const commandId = commandIdFor(pattern, request.caseId, env.actor.id, env.idempotencyKey);
      return this.run(
        { ...this.context(env, base.caseId, commandId, base.now), expectedVersion: request.expectedVersion },
        (state) => toCommand((request as { input: z.output<S> }).input, base, state),
      );
    });
  }

  private context(env: RequestEnvelope, caseId: string, commandId: string, now: string): CommandContext {
    const { actor, correlationId } = env;
    return { streamId: complaintStreamId(caseId), caseId, commandId, actor, correlationId, now };
  }

  private async run(
    ctx: CommandContext,
    build: (state: ComplaintState) => ComplaintCommand | Promise<ComplaintCommand>,
  ): Promise<CommandResult> {
    return commandResult(ctx.caseId!, await this.commands.run(this.decider, ctx, build));
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    work: (env: RequestEnvelope) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    return replyTo(this.metrics, this.logger, pattern, payload, work);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
