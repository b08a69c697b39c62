import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  agreementStreamId,
  AmendAgreementInput,
  CheckExpiriesInput,
  DraftAgreementInput,
  ListAgreementsQuery,
  PARTNERS_PATTERNS as P,
  partnersCommandRequest,
  partnersCreateRequest,
  partnersGetRequest,
  partnersListRequest,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
  type AgreementViewReply,
} from '@lse/contracts';
import { utcDateOf, type Clock, type IsoDate } from '@lse/domain';
import {
  agreementDecider,
  inForceOn,
  NotRegisteredError,
  type AgreementCommand,
  type AgreementState,
} from '@lse/partners-domain';
import { Metrics } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../config';
import { AgreementExpiry } from '../expiry/agreement-expiry';
import { commandIdFor, derivedId, handleRequest, type RequestEnvelope } from '../handling/envelope';
import { StreamCommands } from '../handling/streams';
import { listAgreements } from '../read-models/queries';

/** Agreements as code: draft, sign, amend (clause versions), renew, terminate; expiry by schedule. */
@Controller()
export class AgreementMessages {
  private readonly logger = new Logger('Agreements');

  constructor(
    private readonly commands: StreamCommands,
    private readonly expiry: AgreementExpiry,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PARTNERS_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @MessagePattern(P.draftAgreement)
  draft(@Payload() payload: unknown) {
    return this.handle(P.draftAgreement, payload, async (env) => {
      const { input } = partnersCreateRequest(DraftAgreementInput).parse(env.data);
      const commandId = commandIdFor(P.draftAgreement, 'new', env.actor.id, env.idempotencyKey);
      const agreementId = derivedId(commandId, 'agreement');
      const outcome = await this.commands.run(
        agreementDecider,
        this.ctx(env, agreementId, commandId),
        () => ({
          type: 'DraftAgreement' as const,
          agreementId,
          draft: input,
        }),
      );
      return this.view(outcome);
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

  @MessagePattern(P.getAgreement)
  get(@Payload() payload: unknown) {
    return this.handle(P.getAgreement, payload, async (env) => {
      const { id } = partnersGetRequest.parse(env.data);
      const { recorded, state } = await this.commands.load(agreementDecider, agreementStreamId(id));
      if (state.status === 'none') throw new NotRegisteredError('agreement', id);
      return this.view({ id, version: recorded.length, state });
    });
  }

  @MessagePattern(P.listAgreements)
  list(@Payload() payload: unknown) {
    return this.handle(P.listAgreements, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListAgreementsQuery).parse(env.data);
      return { items: await listAgreements(this.ds, filters, this.today(), limit, after) };
    });
  }

  /** Runs the expiry check now (the schedule runs it anyway): what it recorded as expired. */
  @MessagePattern(P.checkExpiries)
  checkExpiries(@Payload() payload: unknown) {
    return this.handle(P.checkExpiries, payload, async (env) => {
      CheckExpiriesInput.parse(env.data);
      return { expired: await this.expiry.checkOnce() };
    });
  }

  private view({
    id,
    version,
    state,
  }: {
    id: string;
    version: number;
    state: AgreementState;
  }): AgreementViewReply {
    if (state.status === 'none') return { id, version, status: 'none' };
    return {
      id,
      version,
      status: state.status,
      signedOn: state.signedOn,
      inForce: inForceOn(state, this.today()),
      ...state.terms,
    };
  }

  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    schema: S,
    toCommand: (input: z.output<S>, agreementId: string) => AgreementCommand,
  ) {
    return this.handle(pattern, payload, async (env) => {
      const request = partnersCommandRequest(schema).parse(env.data) as {
        id: string;
        expectedVersion?: number | 'any';
        input: z.output<S>;
      };
      const commandId = commandIdFor(pattern, request.id, env.actor.id, env.idempotencyKey);
      const ctx = { ...this.ctx(env, request.id, commandId), expectedVersion: request.expectedVersion };
      return this.view(
        await this.commands.run(agreementDecider, ctx, () => toCommand(request.input, request.id)),
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
    return handleRequest(this.metrics, this.logger, pattern, payload, work);
  }
}
