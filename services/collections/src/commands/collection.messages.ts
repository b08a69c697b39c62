import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgreeSettlementInput,
  CloseCollectionCaseInput,
  streamCommandRequest,
  COLLECTIONS_PATTERNS,
  collectionStreamId,
  CompromiseDebtInput,
  CounterSettlementInput,
  DeclareDefaultInput,
  EnterJudgmentInput,
  EstablishPaymentPlanInput,
  IssueDisbursementInput,
  IssueOrderInput,
  MarkWorkerUnlocatedInput,
  OfferSettlementInput,
  ReceivePaymentInput,
  ReopenCollectionCaseInput,
  ReversePaymentInput,
  TakeEscalationInput,
  TransferUnclaimedWagesInput,
} from '@lse/contracts';
import type { Clock } from '@lse/domain';
import {
  commandIdFor,
  derivedId,
  Metrics,
  replyTo,
  StreamCommands,
  type ServiceReply,
} from '@lse/service-kit';
import type { CollectionCommand, CollectionDecider, CommandBase } from '@lse/collections-domain';
import { z } from 'zod';
import { CLOCK, COLLECTION_DECIDER } from '../tokens';
import { commandResult } from './command-result';

type Ids = (what: string) => string;

/**
 * The collections service's command handlers (`collections.<verb>`). Thin: validate, build the
 * command (ids derived from the command id, so retries repeat them), run it through the shared
 * StreamCommands, reply with commandResult. Logs carry
 * ids and outcomes only, never amounts per worker or names.
 */
@Controller()
export class CollectionMessages {
  private readonly logger = new Logger('Collections');

  constructor(
    private readonly commands: StreamCommands,
    @Inject(COLLECTION_DECIDER) private readonly decider: CollectionDecider,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(COLLECTIONS_PATTERNS.offerSettlement)
  offer(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.offerSettlement, p, OfferSettlementInput, (input, base, ids) => ({
      ...base,
      type: 'OfferSettlement',
      input,
      offerId: ids('offer'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.counterSettlement)
  counter(@Payload() p: unknown) {
    return this.update(
      COLLECTIONS_PATTERNS.counterSettlement,
      p,
      CounterSettlementInput,
      (input, base, ids) => ({ ...base, type: 'CounterSettlement', input, offerId: ids('offer') }),
    );
  }

  @MessagePattern(COLLECTIONS_PATTERNS.agreeSettlement)
  agree(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.agreeSettlement, p, AgreeSettlementInput, (input, base, ids) => ({
      ...base,
      type: 'AgreeSettlement',
      input,
      settlementId: ids('settlement'),
      planId: ids('plan'),
      compromiseId: ids('compromise'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.issueOrder)
  order(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.issueOrder, p, IssueOrderInput, (input, base, ids) => ({
      ...base,
      type: 'IssueOrder',
      input,
      orderId: ids('order'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.enterJudgment)
  judgment(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.enterJudgment, p, EnterJudgmentInput, (input, base, ids) => ({
      ...base,
      type: 'EnterJudgment',
      input,
      judgmentId: ids('judgment'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.establishPaymentPlan)
  plan(@Payload() p: unknown) {
    return this.update(
      COLLECTIONS_PATTERNS.establishPaymentPlan,
      p,
      EstablishPaymentPlanInput,
      (input, base, ids) => ({ ...base, type: 'EstablishPaymentPlan', input, planId: ids('plan') }),
    );
  }

  @MessagePattern(COLLECTIONS_PATTERNS.receivePayment)
  payment(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.receivePayment, p, ReceivePaymentInput, (input, base, ids) => ({
      ...base,
      type: 'ReceivePayment',
      input,
      paymentId: ids('payment'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.reversePayment)
  reversal(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.reversePayment, p, ReversePaymentInput, (input, base) => ({
      ...base,
      type: 'ReversePayment',
      input,
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.declareDefault)
  declareDefault(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.declareDefault, p, DeclareDefaultInput, (input, base) => ({
      ...base,
      type: 'DeclareDefault',
      input,
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.takeEscalation)
  escalation(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.takeEscalation, p, TakeEscalationInput, (input, base, ids) => ({
      ...base,
      type: 'TakeEscalation',
      input,
      escalationId: ids('escalation'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.issueDisbursement)
  disbursement(@Payload() p: unknown) {
    return this.update(
      COLLECTIONS_PATTERNS.issueDisbursement,
      p,
      IssueDisbursementInput,
      (input, base, ids) => ({
        ...base,
        type: 'IssueDisbursement',
        input,
        disbursementId: ids('disbursement'),
      }),
    );
  }

  @MessagePattern(COLLECTIONS_PATTERNS.markWorkerUnlocated)
  unlocated(@Payload() p: unknown) {
    return this.update(
      COLLECTIONS_PATTERNS.markWorkerUnlocated,
      p,
      MarkWorkerUnlocatedInput,
      (input, base) => ({ ...base, type: 'MarkWorkerUnlocated', input }),
    );
  }

  @MessagePattern(COLLECTIONS_PATTERNS.transferUnclaimedWages)
  transfer(@Payload() p: unknown) {
    return this.update(
      COLLECTIONS_PATTERNS.transferUnclaimedWages,
      p,
      TransferUnclaimedWagesInput,
      (input, base) => ({ ...base, type: 'TransferUnclaimedWages', input }),
    );
  }

  @MessagePattern(COLLECTIONS_PATTERNS.compromiseDebt)
  compromise(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.compromiseDebt, p, CompromiseDebtInput, (input, base, ids) => ({
      ...base,
      type: 'CompromiseDebt',
      input,
      compromiseId: ids('compromise'),
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.closeCase)
  close(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.closeCase, p, CloseCollectionCaseInput, (input, base) => ({
      ...base,
      type: 'CloseCollectionCase',
      input,
    }));
  }

  @MessagePattern(COLLECTIONS_PATTERNS.reopenCase)
  reopen(@Payload() p: unknown) {
    return this.update(COLLECTIONS_PATTERNS.reopenCase, p, ReopenCollectionCaseInput, (input, base) => ({
      ...base,
      type: 'ReopenCollectionCase',
      input,
    }));
  }

  /** A command on a collection case: `{caseId, expectedVersion?, input}`. */
  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    inputSchema: S,
    toCommand: (input: z.output<S>, base: CommandBase, ids: Ids) => CollectionCommand,
  ): Promise<ServiceReply<unknown>> {
    return replyTo(this.metrics, this.logger, pattern, payload, async (env) => {
      const request = streamCommandRequest('caseId', inputSchema).parse(env.data);
      const now = this.clock.now().toISOString();
      const commandId = commandIdFor(pattern, request.caseId, env.actor.id, env.idempotencyKey);
      const base: CommandBase = {
        caseId: request.caseId,
        now,
        actor: { id: env.actor.id, role: env.actor.role },
      };
      const command = toCommand(request.input, base, (what) => derivedId(commandId, what));
      const outcome = await this.commands.run(
        this.decider,
        {
          streamId: collectionStreamId(request.caseId),
          caseId: request.caseId,
          commandId,
          actor: env.actor,
          correlationId: env.correlationId,
          expectedVersion: request.expectedVersion,
          now,
        },
        () => command,
      );
      return commandResult(request.caseId, outcome);
    });
  }
}
