import { Param, Res } from '@nestjs/common';
import {
  AmendAgreementInput,
  CheckExpiriesInput,
  DraftAgreementInput,
  PARTNERS_PATTERNS as P,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
  AgreementViewReply,
  ExpiryCheckReply,
  PartnersListPageReply,
  type PartnersListItemReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { etagFor } from '../http/etag';
import { listPage, type Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, API_PREFIX, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { EXPIRY_CHECKERS, PARTNER_MANAGERS, PARTNER_READERS } from './roles';
import { AgreementsQuery, BY_TIME_AND_ID, IdParams } from './schemas';

const tags = ['agreements'];

/** An action on an agreement: POST /agreements/:id/<path>. */
const action = actionsOf({
  base: 'agreements/:id',
  params: IdParams,
  tags,
  roles: PARTNER_MANAGERS,
  reply: AgreementViewReply,
});

/** Agreements as code: MOUs, letters of arrangement, data sharing and grants, with clause versions. */
@ApiController()
export class AgreementsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'draftAgreement',
    method: 'POST',
    path: 'agreements',
    summary:
      'Draft an agreement: parties, scope, sharing level, funded amount, effective and expiry dates, clauses',
    tags,
    roles: PARTNER_MANAGERS,
    body: DraftAgreementInput,
    response: { status: 201, description: 'Drafted (clause version 1).', schema: AgreementViewReply },
    versioned: true,
  })
  async draft(
    @ValidBody(DraftAgreementInput) input: unknown,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<AgreementViewReply> {
    const view = await this.services.call<AgreementViewReply>(P.draftAgreement, { input }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Location', `/${API_PREFIX}/agreements/${view.id}`);
    return view;
  }

  @Endpoint({
    operationId: 'listAgreements',
    method: 'GET',
    path: 'agreements',
    summary: 'Agreements; expiringWithinDays=90 lists those in force that end in the next 90 days',
    tags,
    roles: PARTNER_READERS,
    query: AgreementsQuery,
    response: { status: 200, description: 'A page of agreements.', schema: PartnersListPageReply },
  })
  list(
    @ValidQuery(AgreementsQuery) query: z.infer<typeof AgreementsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<PartnersListItemReply>> {
    return listPage(this.services, P.listAgreements, query, ctx, BY_TIME_AND_ID);
  }

  @Endpoint({
    operationId: 'checkAgreementExpiries',
    method: 'POST',
    path: 'agreements/expiry-check',
    summary: 'Run the agreement expiry check now (it also runs on a schedule; each expiry is recorded once)',
    tags,
    roles: EXPIRY_CHECKERS,
    body: CheckExpiriesInput,
    response: {
      status: 200,
      description: 'The agreements this run recorded as expired.',
      schema: ExpiryCheckReply,
    },
  })
  checkExpiries(@ValidBody(CheckExpiriesInput) input: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<ExpiryCheckReply>(P.checkExpiries, input, ctx);
  }

  @Endpoint({
    operationId: 'getAgreement',
    method: 'GET',
    path: 'agreements/:id',
    summary: 'An agreement with its current terms, clause version and whether it is in force today',
    tags,
    roles: PARTNER_READERS,
    params: IdParams,
    response: { status: 200, description: 'The agreement.', schema: AgreementViewReply },
    versioned: true,
  })
  async get(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<AgreementViewReply> {
    const view = await this.services.call<AgreementViewReply>(P.getAgreement, { id }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }

  @action({
    operationId: 'signAgreement',
    path: 'signature',
    summary: 'Sign a drafted agreement: it is in force from its effective date',
    body: SignAgreementInput,
    pattern: P.signAgreement,
  })
  sign(@ActionRequest() call: ActionCall) {
    return sendAction<AgreementViewReply>(this.services, call);
  }

  @action({
    operationId: 'amendAgreement',
    path: 'amendments',
    summary: 'Amend clauses, sharing level, scope, funding or expiry: the next clause version',
    body: AmendAgreementInput,
    pattern: P.amendAgreement,
  })
  amend(@ActionRequest() call: ActionCall) {
    return sendAction<AgreementViewReply>(this.services, call);
  }

  @action({
    operationId: 'renewAgreement',
    path: 'renewal',
    summary: 'Renew to a later expiry date (also after it lapsed)',
    body: RenewAgreementInput,
    pattern: P.renewAgreement,
  })
  renew(@ActionRequest() call: ActionCall) {
    return sendAction<AgreementViewReply>(this.services, call);
  }

  @action({
    operationId: 'terminateAgreement',
    path: 'termination',
    summary: 'Terminate the agreement: nothing more is shared under it',
    body: TerminateAgreementInput,
    pattern: P.terminateAgreement,
  })
  terminate(@ActionRequest() call: ActionCall) {
    return sendAction<AgreementViewReply>(this.services, call);
  }
}
