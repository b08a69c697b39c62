import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChangeConsentInput,
  HoldOutreachInput,
  ListDisclosuresQuery,
  ListOutreachQuery,
  ListReferralsQuery,
  agreementStreamId,
  outreachStreamId,
  PARTNERS_PATTERNS as P,
  partnersCommandRequest,
  partnersCreateRequest,
  partnersGetRequest,
  partnersListRequest,
  partnerStreamId,
  referralStreamId,
  SubmitReferralInput,
  type ReferralEvent,
  type ReferralResultReply,
} from '@lse/contracts';
import { ForbiddenError, utcDateOf, type Clock } from '@lse/domain';
import {
  agreementDecider,
  NotRegisteredError,
  outreachDecider,
  partnerDecider,
  referralDecider,
  type ReferralState,
} from '@lse/partners-domain';
import { DomainError, Metrics } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../config';
import {
  commandIdFor,
  derivedId,
  handleRequest,
  partnerOrgOf,
  type RequestEnvelope,
} from '../handling/envelope';
import { eventOf, StreamCommands } from '../handling/streams';
import { listDisclosures, listOutreach, listReferrals } from '../read-models/queries';

/**
 * Referrals (submitted by partner users for their own organization), workers' consent, the
 * disclosure ledger and outreach. A partner user is scoped to its organization: another
 * organization's referral answers not_found, exactly as one that does not exist.
 */
@Controller()
export class ReferralMessages {
  private readonly logger = new Logger('Referrals');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PARTNERS_DATA_SOURCE) private readonly ds: DataSource,
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
      const outcome = await this.commands.run(
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
      const request = partnersCommandRequest(ChangeConsentInput).parse(env.data);
      await this.visible(env, request.id);
      const commandId = commandIdFor(P.changeConsent, request.id, env.actor.id, env.idempotencyKey);
      const now = this.now();
      const outcome = await this.commands.run(
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

  /** One referral from its stream (no read-model lag): status, consent and what was disclosed. */
  @MessagePattern(P.getReferral)
  get(@Payload() payload: unknown) {
    return this.handle(P.getReferral, payload, async (env) => {
      const { id } = partnersGetRequest.parse(env.data);
      const { recorded, state } = await this.visible(env, id);
      const org = partnerOrgOf(env);
      const events = recorded.map((r) => ({ r, e: eventOf<ReferralEvent>(r) }));
      const submitted = events.find((x) => x.e.type === 'ReferralSubmitted')!.e;
      const disclosures = events
        .filter(({ e }) => e.type === 'StatusSharedWithPartner' || (!org && e.type === 'DisclosureWithheld'))
        .map(({ r, e }) => ({
          id: r.eventId,
          kind: e.type === 'StatusSharedWithPartner' ? 'shared' : 'withheld',
          ...(e.data as object),
        }));
      const declined = events.find((x) => x.e.type === 'ReferralDeclined')?.e;
      return {
        id,
        version: recorded.length,
        status: state.status,
        partnerId: submitted.type === 'ReferralSubmitted' ? submitted.data.partnerId : undefined,
        ...(declined?.type === 'ReferralDeclined' ? { declineReason: declined.data.reasonCode } : {}),
        consents: consentsOf(state),
        disclosures,
      };
    });
  }

  @MessagePattern(P.listReferrals)
  list(@Payload() payload: unknown) {
    return this.handle(P.listReferrals, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListReferralsQuery).parse(env.data);
      const org = partnerOrgOf(env);
      if (org) refuseForeignFilter(filters.partnerId, org);
      return {
        items: await listReferrals(this.ds, org ? { ...filters, partnerId: org } : filters, limit, after),
      };
    });
  }

  @MessagePattern(P.listDisclosures)
  disclosures(@Payload() payload: unknown) {
    return this.handle(P.listDisclosures, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListDisclosuresQuery).parse(env.data);
      const org = partnerOrgOf(env);
      if (!org) return { items: await listDisclosures(this.ds, filters, limit, after) };
      // A partner: what was sent to it, never withholdings or their reasons. A filter asking for
      // more is refused, not quietly narrowed: the answer would look like the one asked for.
      refuseForeignFilter(filters.partnerId, org);
      if (filters.kind === 'withheld')
        throw new ForbiddenError('A partner user sees what was shared with it, not withholdings.', {
          reason: 'filter_not_allowed',
          errors: [{ path: 'kind', message: 'withholdings are for agency staff only' }],
        });
      const items = await listDisclosures(
        this.ds,
        { ...filters, partnerId: org, kind: 'shared' },
        limit,
        after,
      );
      return {
        items: items.map(({ id, referralId, milestone, fields, agreementId, clauseVersion, at }) => ({
          id,
          referralId,
          milestone,
          fields,
          agreementId,
          clauseVersion,
          at,
        })),
      };
    });
  }

  @MessagePattern(P.holdOutreach)
  holdOutreach(@Payload() payload: unknown) {
    return this.handle(P.holdOutreach, payload, async (env) => {
      const { input } = partnersCreateRequest(HoldOutreachInput).parse(env.data);
      const commandId = commandIdFor(P.holdOutreach, 'new', env.actor.id, env.idempotencyKey);
      const outreachId = derivedId(commandId, 'outreach');
      const outcome = await this.commands.run(
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

  @MessagePattern(P.listOutreach)
  outreach(@Payload() payload: unknown) {
    return this.handle(P.listOutreach, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListOutreachQuery).parse(env.data);
      return { items: await listOutreach(this.ds, filters, limit, after) };
    });
  }

  /** An agreement's parties from its stream (no read-model lag); none when it does not exist. */
  private async partiesOf(agreementId: string) {
    const { state } = await this.commands.load(agreementDecider, agreementStreamId(agreementId));
    return { agreementId, partnerIds: state.status === 'none' ? [] : state.terms.partnerIds };
  }

  /** The referral, if it exists and the caller may see it; otherwise not_found, revealing nothing. */
  private async visible(env: RequestEnvelope, id: string) {
    const loaded = await this.commands.load(referralDecider, referralStreamId(id));
    const org = partnerOrgOf(env);
    if (loaded.state.status === 'none' || (org && loaded.state.referral.partnerId !== org))
      throw new NotRegisteredError('referral', id);
    return loaded as typeof loaded & { state: Exclude<ReferralState, { status: 'none' }> };
  }

  private now() {
    return this.clock.now().toISOString();
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return handleRequest(this.metrics, this.logger, pattern, payload, work);
  }
}

/** A partner user filters by its own organization or by none; naming another is a 403. */
function refuseForeignFilter(partnerId: string | undefined, org: string): void {
  if (partnerId !== undefined && partnerId !== org)
    throw new ForbiddenError('A partner user sees only its own organization’s records.', {
      reason: 'filter_not_allowed',
      errors: [
        { path: 'partnerId', message: 'must be the caller’s own organization (the token’s org) or absent' },
      ],
    });
}

function consentsOf(state: ReferralState) {
  if (state.status === 'none') return [];
  return state.referral.workerIds.map((id) => state.referral.consents[id]);
}
