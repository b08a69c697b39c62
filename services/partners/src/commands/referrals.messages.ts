import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChangeConsentInput,
  HoldOutreachInput,
  agreementStreamId,
  outreachStreamId,
  PARTNERS_PATTERNS as P,
  streamCommandRequest,
  partnersCreateRequest,
  partnerStreamId,
  referralStreamId,
  SubmitReferralInput,
  type ReferralResultReply,
} from '@lse/contracts';
import { utcDateOf, type Clock } from '@lse/domain';
import {
  agreementDecider,
  NotRegisteredError,
  outreachDecider,
  partnerDecider,
  referralDecider,
} from '@lse/partners-domain';
import {
  commandIdFor,
  derivedId,
  DomainError,
  Metrics,
  replyTo,
  StreamCommands,
  type RequestEnvelope,
} from '@lse/service-kit';
import { CLOCK } from '../tokens';
import { runCommand } from './command-result';
import { consentsOf, partnerOrgOf, visibleReferral } from './partner-scope';

/**
 * Referral commands (submitted by partner users for their own organization), workers' consent
 * and outreach; the reads are in queries/referral-queries.messages.ts. A partner user is scoped
 * to its organization: another organization's referral answers not_found.
 */
@Controller()
export class ReferralMessages {
  private readonly logger = new Logger('Referrals');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(P.submitReferral)
  submit(@Payload() payload: unknown) {
    return this.handle(P.submitReferral, payload, async (env): Promise<ReferralResultReply> => {
      const partnerId = partnerOrgOf(env);
      if (!partnerId)
        throw new DomainError('forbidden', 'Only a partner user submits a referral, for its organization.');
      if (!/^[0-9a-f-]{36}$/i.test(partnerId)) throw new NotRegisteredError('partner', partnerId);
      const { input } = partnersCreateRequest(SubmitReferralInput).parse(env.data);
      const commandId = commandIdFor(P.submitReferral, partnerId, env.actor.id, env.idempotencyKey);
      // The referral's id is the case id intake will open the complaint under.
      const referralId = derivedId(commandId, 'referral');
      const { state: partner } = await this.commands.load(partnerDecider, partnerStreamId(partnerId));
      const namedAgreement = input.agreementId ? await this.partiesOf(input.agreementId) : undefined;
      const now = this.now();
      const outcome = await runCommand(
        this.commands,
        referralDecider,
        {
          streamId: referralStreamId(referralId),
          caseId: referralId,
          commandId,
          actor: env.actor,
          correlationId: env.correlationId,
          now,
        },
        () => ({
          type: 'SubmitReferral' as const,
          referralId,
          partner: {
            partnerId,
            status: partner.status,
            ...(partner.status !== 'none' ? { type: partner.partner.type } : {}),
          },
          referral: {
            office: input.office,
            submittedAt: now,
            workers: input.workers.map((w, i) => ({
              ...w,
              workerId: w.workerId ?? derivedId(commandId, `worker/${i}`),
            })),
            employer: input.employer,
            allegations: input.allegations,
            prepWork: input.prepWork ?? [],
            documents: input.documents ?? [],
            ...(input.agreementId ? { agreementId: input.agreementId } : {}),
          },
          ...(namedAgreement ? { namedAgreement } : {}),
        }),
      );
      return {
        id: outcome.id,
        version: outcome.version,
        status: outcome.state.status,
        replayed: outcome.replayed,
      };
    });
  }

  @MessagePattern(P.changeConsent)
  changeConsent(@Payload() payload: unknown) {
    return this.handle(P.changeConsent, payload, async (env) => {
      const request = streamCommandRequest('id', ChangeConsentInput).parse(env.data);
      await visibleReferral(this.commands, env, request.id);
      const commandId = commandIdFor(P.changeConsent, request.id, env.actor.id, env.idempotencyKey);
      const now = this.now();
      const outcome = await runCommand(
        this.commands,
        referralDecider,
        {
          streamId: referralStreamId(request.id),
          caseId: request.id,
          commandId,
          actor: env.actor,
          correlationId: env.correlationId,
          expectedVersion: request.expectedVersion,
          now,
        },
        () => ({
          type: 'ChangeConsent' as const,
          referralId: request.id,
          workerId: request.input.workerId,
          scopes: request.input.scopes,
          now,
        }),
      );
      return {
        id: outcome.id,
        version: outcome.version,
        events: outcome.events,
        consents: consentsOf(outcome.state),
      };
    });
  }

  @MessagePattern(P.holdOutreach)
  holdOutreach(@Payload() payload: unknown) {
    return this.handle(P.holdOutreach, payload, async (env) => {
      const { input } = partnersCreateRequest(HoldOutreachInput).parse(env.data);
      const commandId = commandIdFor(P.holdOutreach, 'new', env.actor.id, env.idempotencyKey);
      const outreachId = derivedId(commandId, 'outreach');
      const outcome = await runCommand(
        this.commands,
        outreachDecider,
        {
          streamId: outreachStreamId(outreachId),
          commandId,
          actor: env.actor,
          correlationId: env.correlationId,
          now: this.now(),
        },
        () => ({
          type: 'HoldOutreach' as const,
          outreachId,
          event: input,
          today: utcDateOf(this.clock.now()),
        }),
      );
      return { id: outcome.id, version: outcome.version, ...input };
    });
  }

  /** An agreement's parties from its stream (no read-model lag); none when it does not exist. */
  private async partiesOf(agreementId: string) {
    const { state } = await this.commands.load(agreementDecider, agreementStreamId(agreementId));
    return { agreementId, partnerIds: state.status === 'none' ? [] : state.terms.partnerIds };
  }

  private now() {
    return this.clock.now().toISOString();
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
