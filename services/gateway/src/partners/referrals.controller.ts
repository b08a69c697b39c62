import { Param, Res } from '@nestjs/common';
import {
  ChangeConsentInput,
  HoldOutreachInput,
  PARTNERS_PATTERNS as P,
  SubmitReferralInput,
  ConsentResultReply,
  PartnersListPageReply,
  ReferralResultReply,
  ReferralViewReply,
  OutreachRecordedReply,
  type PartnersListItemReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { etagFor } from '../http/etag';
import { listPage, type Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, API_PREFIX, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import {
  CONSENT_RECORDERS,
  LEDGER_READERS,
  PARTNER_MANAGERS,
  PARTNER_READERS,
  REFERRAL_READERS,
  REFERRAL_SUBMITTERS,
} from './roles';
import { BY_TIME_AND_ID, DisclosuresQuery, IdParams, OutreachQuery, ReferralsQuery } from './schemas';
import { RecordsAccess } from '../audit/record-access.interceptor';

/** A worker's consent on a referral: POST /referrals/:id/consent. */
const consentAction = actionsOf({
  base: 'referrals/:id',
  params: IdParams,
  tags: ['referrals'],
  roles: CONSENT_RECORDERS,
  reply: ConsentResultReply,
});

/**
 * Referrals in from partners, each worker's consent, the disclosure ledger and outreach. A partner
 * user sees only its organization's referrals and what was disclosed to it; another organization's
 * referral is a 404, the same as one that does not exist.
 */
@ApiController()
export class ReferralsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'submitReferral',
    method: 'POST',
    path: 'referrals',
    summary:
      'Refer a case (partner users): workers with their consent to share, employer, allegations, prep work, documents',
    tags: ['referrals'],
    roles: REFERRAL_SUBMITTERS,
    description:
      "The token must be a partner user's, `org` = its partner id. The answer's `id` is both the referral id and the case id: intake receives the referral as a `partner_referral` complaint under that id, then the case proceeds as any other (triage, open; investigation opens by itself).",
    body: SubmitReferralInput,
    errors: { 404: "The token's organization is not a registered partner." },
    response: {
      status: 201,
      description: 'Submitted; intake turns it into a complaint under the same id.',
      schema: ReferralResultReply,
      links: {
        getReferral: {
          operationId: 'getReferral',
          parameters: { id: '$response.body#/id' },
          description: 'The referral: status, consent (with each worker id) and disclosures.',
        },
        getComplaint: {
          operationId: 'getComplaint',
          parameters: { caseId: '$response.body#/id' },
          description:
            'The complaint intake receives for it, under the same id (404 with Retry-After until intake has received it).',
        },
      },
    },
    versioned: true,
  })
  async submit(
    @ValidBody(SubmitReferralInput) input: unknown,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ReferralResultReply> {
    const result = await this.services.call<ReferralResultReply>(P.submitReferral, { input }, ctx);
    res.setHeader('ETag', etagFor(result.version));
    res.setHeader('Location', `/${API_PREFIX}/referrals/${result.id}`);
    return result;
  }

  @Endpoint({
    operationId: 'listReferrals',
    method: 'GET',
    path: 'referrals',
    summary:
      'Referrals, oldest first (a partner user: its own organization only, 403 for another organization’s partnerId)',
    tags: ['referrals'],
    roles: REFERRAL_READERS,
    query: ReferralsQuery,
    response: { status: 200, description: 'A page of referrals.', schema: PartnersListPageReply },
  })
  @RecordsAccess('referral-list')
  list(
    @ValidQuery(ReferralsQuery) query: z.infer<typeof ReferralsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<PartnersListItemReply>> {
    return listPage(this.services, P.listReferrals, query, ctx, BY_TIME_AND_ID);
  }

  @Endpoint({
    operationId: 'getReferral',
    method: 'GET',
    path: 'referrals/:id',
    summary:
      'A referral: status, each worker’s current consent and what was disclosed (liaison: withholdings and why)',
    tags: ['referrals'],
    roles: REFERRAL_READERS,
    params: IdParams,
    response: { status: 200, description: 'The referral.', schema: ReferralViewReply },
    versioned: true,
  })
  @RecordsAccess('referral', { caseIdParam: 'id' })
  async get(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const view = await this.services.call<ReferralViewReply>(P.getReferral, { id }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }

  @consentAction({
    operationId: 'changeWorkerConsent',
    path: 'consent',
    summary:
      'Set a worker’s consent from now on: wider is a grant, narrower a narrowing, [] a revocation (versioned)',
    description: "`workerId` is one of the referral's `consents` (GET /referrals/{id}).",
    body: ChangeConsentInput,
    pattern: P.changeConsent,
    done: 'Recorded; ETag is the new stream version.',
  })
  consent(@ActionRequest() call: ActionCall) {
    return sendAction<ConsentResultReply>(this.services, call);
  }

  @Endpoint({
    operationId: 'listDisclosures',
    method: 'GET',
    path: 'disclosures',
    summary:
      'The disclosure ledger: every field sent, under which agreement clause version and consent (liaison: and every withholding with its reason; a partner user: what was sent to it, 403 for another organization’s partnerId or kind=withheld)',
    tags: ['referrals'],
    roles: LEDGER_READERS,
    query: DisclosuresQuery,
    response: { status: 200, description: 'A page of the ledger.', schema: PartnersListPageReply },
  })
  @RecordsAccess('disclosure-ledger', { caseIdQuery: 'referralId' })
  disclosures(
    @ValidQuery(DisclosuresQuery) query: z.infer<typeof DisclosuresQuery>,
    @CallCtx() ctx: CallContext,
  ) {
    return listPage(this.services, P.listDisclosures, query, ctx, BY_TIME_AND_ID);
  }

  @Endpoint({
    operationId: 'recordOutreach',
    method: 'POST',
    path: 'outreach-events',
    summary:
      'Record an outreach event held (Labor Rights Week, clinic, training): attendance, languages, partners',
    tags: ['outreach'],
    roles: PARTNER_MANAGERS,
    body: HoldOutreachInput,
    response: {
      status: 201,
      description: 'Recorded.',
      schema: OutreachRecordedReply,
    },
  })
  outreach(@ValidBody(HoldOutreachInput) input: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<OutreachRecordedReply>(P.holdOutreach, { input }, ctx);
  }

  @Endpoint({
    operationId: 'listOutreach',
    method: 'GET',
    path: 'outreach-events',
    summary: 'Outreach events by date, optionally for one partner or a date range',
    tags: ['outreach'],
    roles: PARTNER_READERS,
    query: OutreachQuery,
    response: { status: 200, description: 'A page of outreach events.', schema: PartnersListPageReply },
  })
  listOutreach(@ValidQuery(OutreachQuery) query: z.infer<typeof OutreachQuery>, @CallCtx() ctx: CallContext) {
    return listPage(this.services, P.listOutreach, query, ctx, BY_TIME_AND_ID);
  }
}
