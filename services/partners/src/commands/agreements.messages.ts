import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  agreementStreamId,
  AmendAgreementInput,
  CheckExpiriesInput,
  DraftAgreementInput,
  PARTNERS_PATTERNS as P,
  streamCommandRequest,
  partnersCreateRequest,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
} from '@lse/contracts';
import { utcDateOf, type Clock, type IsoDate } from '@lse/domain';
import { agreementDecider, type AgreementCommand } from '@lse/partners-domain';
import {
  commandIdFor,
  derivedId,
  Metrics,
  replyTo,
  StreamCommands,
  type RequestEnvelope,
} from '@lse/service-kit';
import type { z } from 'zod';
import { CLOCK } from '../tokens';
import { AgreementExpiry } from '../scheduled/agreement-expiry';
import { agreementView, runCommand } from './command-result';

/** Agreements as code: draft, sign, amend (clause versions), renew, terminate; expiry by schedule. */
@Controller()
export class AgreementMessages {
  private readonly logger = new Logger('Agreements');

  constructor(
    private readonly commands: StreamCommands,
    private readonly expiry: AgreementExpiry,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(P.draftAgreement)
  draft(@Payload() payload: unknown) {
    return this.handle(P.draftAgreement, payload, async (env) => {
      const { input } = partnersCreateRequest(DraftAgreementInput).parse(env.data);
      const commandId = commandIdFor(P.draftAgreement, 'new', env.actor.id, env.idempotencyKey);
      const agreementId = derivedId(commandId, 'agreement');
      const outcome = await runCommand(
        this.commands,
        agreementDecider,
        this.ctx(env, agreementId, commandId),
        () => ({
          type: 'DraftAgreement' as const,
          agreementId,
          draft: input,
        }),
      );
      return agreementView(this.today(), outcome);
    });
  }

  @MessagePattern(P.signAgreement)
  sign(@Payload() payload: unknown) {
    return this.update(P.signAgreement, payload, SignAgreementInput, (input, agreementId) => ({
      type: 'SignAgreement',
      agreementId,
      signedOn: input.signedOn ?? this.today(),
      signatories: input.signatories,
      today: this.today(),
    }));
  }

  @MessagePattern(P.amendAgreement)
  amend(@Payload() payload: unknown) {
    return this.update(P.amendAgreement, payload, AmendAgreementInput, (input, agreementId) => ({
      type: 'AmendAgreement',
      agreementId,
      amendedOn: input.amendedOn ?? this.today(),
      changes: input.changes,
      summary: input.summary,
    }));
  }

  @MessagePattern(P.renewAgreement)
  renew(@Payload() payload: unknown) {
    return this.update(P.renewAgreement, payload, RenewAgreementInput, (input, agreementId) => ({
      type: 'RenewAgreement',
      agreementId,
      renewedOn: input.renewedOn ?? this.today(),
      expiresOn: input.expiresOn,
    }));
  }

  @MessagePattern(P.terminateAgreement)
  terminate(@Payload() payload: unknown) {
    return this.update(P.terminateAgreement, payload, TerminateAgreementInput, (input, agreementId) => ({
      type: 'TerminateAgreement',
      agreementId,
      terminatedOn: input.terminatedOn ?? this.today(),
      reason: input.reason,
    }));
  }

  /** Runs the expiry check now (the schedule runs it anyway): what it recorded as expired. */
  @MessagePattern(P.checkExpiries)
  checkExpiries(@Payload() payload: unknown) {
    return this.handle(P.checkExpiries, payload, async (env) => {
      CheckExpiriesInput.parse(env.data);
      return { expired: await this.expiry.checkOnce() };
    });
  }

  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    schema: S,
    toCommand: (input: z.output<S>, agreementId: string) => AgreementCommand,
  ) {
    return this.handle(pattern, payload, async (env) => {
      const request = streamCommandRequest('id', schema).parse(env.data);
      const commandId = commandIdFor(pattern, request.id, env.actor.id, env.idempotencyKey);
      const ctx = { ...this.ctx(env, request.id, commandId), expectedVersion: request.expectedVersion };
      return agreementView(
        this.today(),
        await runCommand(this.commands, agreementDecider, ctx, () => toCommand(request.input, request.id)),
      );
    });
  }

  private ctx(env: RequestEnvelope, agreementId: string, commandId: string) {
    return {
      streamId: agreementStreamId(agreementId),
      commandId,
      actor: env.actor,
      correlationId: env.correlationId,
      now: this.clock.now().toISOString(),
    };
  }

  private today(): IsoDate {
    return utcDateOf(this.clock.now());
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
