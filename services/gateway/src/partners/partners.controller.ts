import { Headers, Param, Res } from '@nestjs/common';
import {
  ContactInput,
  DeactivatePartnerInput,
  LogMeetingInput,
  PARTNERS_PATTERNS as P,
  RegisterPartnerInput,
  RemoveContactInput,
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
import { PARTNER_MANAGERS, PARTNER_READERS } from './roles';
import {
  ContactParams,
  IdParams,
  ListPageSchema,
  MeetingsQuery,
  PartnersQuery,
  PartnerViewSchema,
} from './schemas';
import { RecordsAccess } from '../audit/record-access.interceptor';

type View = z.infer<typeof PartnerViewSchema>;
type Item = { id: string; at: string };
const tags = ['partners'];

/** The partner registry: organizations, their point people, deactivation and the meetings log. */
@ApiController()
export class PartnersController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'registerPartner',
    method: 'POST',
    path: 'partners',
    summary:
      'Register a partner organization (worker center, legal aid, union, consulate...) with its point people',
    tags,
    roles: PARTNER_MANAGERS,
    body: RegisterPartnerInput,
    response: { status: 201, description: 'Registered; Location names it.', schema: PartnerViewSchema },
    versioned: true,
  })
  async register(
    @ValidBody(RegisterPartnerInput) input: unknown,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<View> {
    const view = await this.services.call<View>(P.register, { input }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Location', `/${API_PREFIX}/partners/${view.id}`);
    return view;
  }

  @Endpoint({
    operationId: 'listPartners',
    method: 'GET',
    path: 'partners',
    summary: 'The partner directory; needsPointPeople=true lists partners with fewer than two point people',
    tags,
    roles: PARTNER_READERS,
    query: PartnersQuery,
    response: { status: 200, description: 'A page of partners.', schema: ListPageSchema },
  })
  @RecordsAccess('partner-directory')
  list(
    @ValidQuery(PartnersQuery) query: z.infer<typeof PartnersQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<Item>> {
    return partnersPage<Item>(this.services, P.listPartners, query, ctx);
  }

  @Endpoint({
    operationId: 'getPartner',
    method: 'GET',
    path: 'partners/:id',
    summary: 'A partner as it stands now; the ETag is its stream version',
    tags,
    roles: PARTNER_READERS,
    params: IdParams,
    response: { status: 200, description: 'The partner.', schema: PartnerViewSchema },
    versioned: true,
  })
  @RecordsAccess('partner', { subjectParam: 'id' })
  async get(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<View> {
    const view = await this.services.call<View>(P.getPartner, { id }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }

  @Endpoint({
    operationId: 'addPartnerContact',
    method: 'POST',
    path: 'partners/:id/contacts',
    summary: 'Add a point person',
    tags,
    roles: PARTNER_MANAGERS,
    params: IdParams,
    body: ContactInput,
    response: { status: 200, description: 'Added; ETag is the new version.', schema: PartnerViewSchema },
    versioned: true,
  })
  addContact(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(ContactInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.addContact, id, input, ifMatch, ctx, res);
  }

  @Endpoint({
    operationId: 'removePartnerContact',
    method: 'POST',
    path: 'partners/:id/contacts/:contactId/removal',
    summary: 'Remove a point person (a partner left with fewer than two is flagged)',
    tags,
    roles: PARTNER_MANAGERS,
    params: ContactParams,
    body: RemoveContactInput,
    response: { status: 200, description: 'Removed; ETag is the new version.', schema: PartnerViewSchema },
    versioned: true,
  })
  removeContact(
    @Param(new ZodPipe(ContactParams)) { id, contactId }: z.infer<typeof ContactParams>,
    @ValidBody(RemoveContactInput) input: z.infer<typeof RemoveContactInput>,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.removeContact, id, { ...input, contactId }, ifMatch, ctx, res);
  }

  @Endpoint({
    operationId: 'deactivatePartner',
    method: 'POST',
    path: 'partners/:id/deactivation',
    summary: 'Deactivate a partner: no more referrals, contacts or meetings',
    tags,
    roles: PARTNER_MANAGERS,
    params: IdParams,
    body: DeactivatePartnerInput,
    response: { status: 200, description: 'Deactivated.', schema: PartnerViewSchema },
    versioned: true,
  })
  deactivate(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(DeactivatePartnerInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.deactivate, id, input, ifMatch, ctx, res);
  }

  @Endpoint({
    operationId: 'logPartnerMeeting',
    method: 'POST',
    path: 'partners/:id/meetings',
    summary: 'Log a meeting with the partner (attendance per side, topics)',
    tags,
    roles: PARTNER_MANAGERS,
    params: IdParams,
    body: LogMeetingInput,
    response: { status: 200, description: 'Logged.', schema: PartnerViewSchema },
    versioned: true,
  })
  logMeeting(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidBody(LogMeetingInput) input: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command(P.logMeeting, id, input, ifMatch, ctx, res);
  }

  @Endpoint({
    operationId: 'listPartnerMeetings',
    method: 'GET',
    path: 'partners/:id/meetings',
    summary: 'The meetings log of a partner, oldest first',
    tags,
    roles: PARTNER_READERS,
    params: IdParams,
    query: MeetingsQuery,
    response: { status: 200, description: 'A page of meetings.', schema: ListPageSchema },
  })
  meetings(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidQuery(MeetingsQuery) query: z.infer<typeof MeetingsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<Item>> {
    return partnersPage<Item>(this.services, P.listMeetings, query, ctx, { partnerId: id });
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
