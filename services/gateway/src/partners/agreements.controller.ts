import { Headers, Param, Res } from '@nestjs/common';
import {
  AmendAgreementInput,
  CheckExpiriesInput,
  DraftAgreementInput,
  PARTNERS_PATTERNS as P,
  RenewAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import { etagFor, parseIfMatch } from '../http/etag';
import type { Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, API_PREFIX, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { commandData, partnersPage } from './partners-page';
import { EXPIRY_CHECKERS, PARTNER_MANAGERS, PARTNER_READERS } from './roles';
import { AgreementsQuery, AgreementViewSchema, ExpiryCheckSchema, IdParams, ListPageSchema } from './schemas';

type View = z.infer<typeof AgreementViewSchema>;
type Item = { id: string; at: string };
const tags = ['agreements'];

const action = (operationId: string, path: string, summary: string, body: z.ZodType) =>
  Endpoint({
    operationId,
    method: 'POST',
    path: `agreements/:id/${path}`,
    summary,
    tags,
    roles: PARTNER_MANAGERS,
    params: IdParams,
    body,
    response: {
      status: 200,
      description: 'Done; ETag is the new stream version.',
      schema: AgreementViewSchema,
    },
    versioned: true,
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
    response: { status: 201, description: 'Drafted (clause version 1).', schema: AgreementViewSchema },
    versioned: true,
  })
  async draft(
    @ValidBody(DraftAgreementInput) input: unknown,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<View> {
    const view = await this.services.call<View>(P.draftAgreement, { input }, ctx);
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
    response: { status: 200, description: 'A page of agreements.', schema: ListPageSchema },
  })
  list(
    @ValidQuery(AgreementsQuery) query: z.infer<typeof AgreementsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<Item>> {
    return partnersPage<Item>(this.services, P.listAgreements, query, ctx);
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
      schema: ExpiryCheckSchema,
    },
  })
  checkExpiries(@ValidBody(CheckExpiriesInput) input: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<z.infer<typeof ExpiryCheckSchema>>(P.checkExpiries, input, ctx);
  }

  @Endpoint({
    operationId: 'getAgreement',
    method: 'GET',
    path: 'agreements/:id',
    summary: 'An agreement with its current terms, clause version and whether it is in force today',
    tags,
    roles: PARTNER_READERS,
    params: IdParams,
    response: { status: 200, description: 'The agreement.', schema: AgreementViewSchema },
    versioned: true,
  })
  async get(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<View> {
    const view = await this.services.call<View>(P.getAgreement, { id }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }

  @action(
    'signAgreement',
    'signature',
    'Sign a drafted agreement: it is in force from its effective date',
    SignAgreementInput,
  )
  sign(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(SignAgreementInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.signAgreement, id, input, ifMatch, ctx, res);
  }

  @action(
    'amendAgreement',
    'amendments',
    'Amend clauses, sharing level, scope, funding or expiry: the next clause version',
    AmendAgreementInput,
  )
  amend(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(AmendAgreementInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.amendAgreement, id, input, ifMatch, ctx, res);
  }

  @action(
    'renewAgreement',
    'renewal',
    'Renew to a later expiry date (also after it lapsed)',
    RenewAgreementInput,
  )
  renew(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(RenewAgreementInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.renewAgreement, id, input, ifMatch, ctx, res);
  }

  @action(
    'terminateAgreement',
    'termination',
    'Terminate the agreement: nothing more is shared under it',
    TerminateAgreementInput,
  )
  terminate(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(TerminateAgreementInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.terminateAgreement, id, input, ifMatch, ctx, res);
  }

  private async command(
    pattern: string,
    id: string,
    input: unknown,
    ifMatch: string | undefined,
    ctx: CallContext,
    res: HttpResponse,
  ): Promise<View> {
    const view = await this.services.call<View>(pattern, commandData(id, input, parseIfMatch(ifMatch)), ctx);
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }
}
