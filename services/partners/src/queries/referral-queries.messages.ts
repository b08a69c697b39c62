import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListDisclosuresQuery,
  ListOutreachQuery,
  ListReferralsQuery,
  PARTNERS_PATTERNS as P,
  partnersGetRequest,
  partnersListRequest,
  referralEventOf,
} from '@lse/contracts';
import { ForbiddenError } from '@lse/domain';
import { Metrics, replyTo, StreamCommands, type RequestEnvelope } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { consentsOf, partnerOrgOf, refuseForeignFilter, visibleReferral } from '../commands/partner-scope';
import { listDisclosures, listOutreach, listReferrals } from '../read-models/queries';
import { PARTNERS_DATA_SOURCE } from '../tokens';

/**
 * Reads of referrals, the disclosure ledger and outreach. A partner user is scoped to its
 * organization: another organization's referral answers not_found, exactly as one that does not
 * exist, and it sees what was shared with it, never withholdings.
 */
@Controller()
export class ReferralQueryMessages {
  private readonly logger = new Logger('Referrals');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(PARTNERS_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  /** One referral from its stream (no read-model lag): status, consent and what was disclosed. */
  @MessagePattern(P.getReferral)
  get(@Payload() payload: unknown) {
    return this.handle(P.getReferral, payload, async (env) => {
      const { id } = partnersGetRequest.parse(env.data);
      const { recorded, state } = await visibleReferral(this.commands, env, id);
      const org = partnerOrgOf(env);
      const events = recorded.map((r) => ({ r, e: referralEventOf(r) }));
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

  @MessagePattern(P.listOutreach)
  outreach(@Payload() payload: unknown) {
    return this.handle(P.listOutreach, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListOutreachQuery).parse(env.data);
      return { items: await listOutreach(this.ds, filters, limit, after) };
    });
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
