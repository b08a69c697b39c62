import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  INVESTIGATION_PATTERNS as P,
  streamCommandRequest,
  investigationStreamId,
  prefixedSubject,
  PublishRuleSetVersionInput,
} from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { investigationDecider, type Actor } from '@lse/investigation-domain';
import {
  commandIdFor,
  derivedId,
  Metrics,
  replyTo,
  StreamCommands,
  type RequestEnvelope,
  type ServiceReply,
} from '@lse/service-kit';
import { RuleSetVersions } from '../back-wages/rule-set-versions';
import { INVESTIGATION_CONFIG, type InvestigationConfig } from '../config';
import { EVIDENCE_STORE, type EvidenceStore } from '../evidence/evidence-store';
import { CASE_COMMANDS, type CaseCommand, type CommandBase, type CommandServices } from './case-commands';
import { CLOCK } from '../tokens';
import { commandResult } from './command-result';

const CASE_COMMAND_PATTERNS = Object.keys(CASE_COMMANDS);

/**
 * The investigation service's command handlers (`investigation.<verb>`; the reads are in
 * investigation-queries.messages.ts). Thin: every command on a case is an entry of CASE_COMMANDS
 * (input schema and builder) run by one handler: validate, build the command (ids derived from
 * the command id, stable across retries), run it through the shared StreamCommands, reply with
 * commandResult (or the entry's own reply). Logs carry
 * ids and outcomes only, never case content.
 */
@Controller()
export class InvestigationMessages {
  private readonly logger = new Logger('Investigation');
  private readonly services: CommandServices;
  /** The pattern of each subject this service listens on (they carry the configured prefix). */
  private readonly patternOf: ReadonlyMap<string, string>;

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVIDENCE_STORE) evidence: EvidenceStore,
    @Inject(INVESTIGATION_CONFIG) config: InvestigationConfig,
    private readonly ruleSetVersions: RuleSetVersions,
  ) {
    this.services = {
      config,
      evidence,
      ruleSetVersions,
      load: (caseId) => commands.load(investigationDecider, investigationStreamId(caseId)),
    };
    this.patternOf = new Map(
      CASE_COMMAND_PATTERNS.map((pattern) => [prefixedSubject(config.NATS_SUBJECT_PREFIX, pattern), pattern]),
    );
  }

  /** A command on an investigation: `{caseId, expectedVersion?, input}`. */
  @MessagePattern(CASE_COMMAND_PATTERNS)
  caseCommand(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<ServiceReply<unknown>> {
    const pattern = this.patternOf.get(context.getSubject());
    if (!pattern) throw new Error(`no investigation command on subject ${context.getSubject()}`);
    const entry = CASE_COMMANDS[pattern as keyof typeof CASE_COMMANDS]!;
    return replyTo(this.metrics, this.logger, pattern, payload, async (env) => {
      const result = await this.run(pattern, env, entry);
      return entry.reply ? entry.reply(result, this.services) : result;
    });
  }

  /** A new version of a rule set, appended to the catalog stream (supervisors and admins). */
  @MessagePattern(P.publishRuleSetVersion)
  publishRuleSetVersion(@Payload() payload: unknown) {
    return replyTo(this.metrics, this.logger, P.publishRuleSetVersion, payload, (env) => {
      const input = PublishRuleSetVersionInput.parse(env.data);
      return this.ruleSetVersions.publish(input, {
        commandId: commandIdFor(P.publishRuleSetVersion, 'wage_rules', env.actor.id, env.idempotencyKey),
        actor: env.actor,
        correlationId: env.correlationId,
        now: this.clock.now().toISOString(),
      });
    });
  }

  private async run(pattern: string, env: RequestEnvelope, entry: CaseCommand) {
    const request = streamCommandRequest('caseId', entry.input).parse(env.data);
    const base: CommandBase = {
      caseId: request.caseId,
      now: this.clock.now().toISOString(),
      actor: { id: env.actor.id, role: env.actor.role as Actor['role'] },
    };
    const commandId = commandIdFor(pattern, request.caseId, env.actor.id, env.idempotencyKey);
    const outcome = await this.commands.run(
      investigationDecider,
      {
        streamId: investigationStreamId(base.caseId),
        caseId: base.caseId,
        now: base.now,
        commandId,
        actor: env.actor,
        correlationId: env.correlationId,
        expectedVersion: request.expectedVersion,
      },
      (state) =>
        entry.build(request.input, {
          base,
          state,
          id: (what) => derivedId(commandId, what),
          services: this.services,
        }),
    );
    return commandResult(base.caseId, outcome);
  }
}
