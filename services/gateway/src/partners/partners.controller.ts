import { Headers, Param, Res } from '@nestjs/common';
import {
  ContactInput,
  DeactivatePartnerInput,
  LogMeetingInput,
  PARTNERS_PATTERNS as P,
  RegisterPartnerInput,
  RemoveContactInput,
  PartnerViewReply,
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
import { PARTNER_MANAGERS, PARTNER_READERS } from './roles';
import { BY_TIME_AND_ID, ContactParams, IdParams, MeetingsQuery, PartnersQuery } from './schemas';
import { RecordsAccess } from '../audit/record-access.interceptor';

const tags = ['partners'];

/** An action on a partner: POST /partners/:id/<path>. */
const action = actionsOf({
  base: 'partners/:id',
  params: IdParams,
  tags,
  roles: PARTNER_MANAGERS,
  reply: PartnerViewReply,
});

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
    response: { status: 201, description: 'Registered; Location names it.', schema: PartnerViewReply },
    versioned: true,
  })
  async register(
    @ValidBody(RegisterPartnerInput) input: unknown,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<PartnerViewReply> {
    const view = await this.services.call<PartnerViewReply>(P.register, { input }, ctx);
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
    response: { status: 200, description: 'A page of partners.', schema: PartnersListPageReply },
  })
  @RecordsAccess('partner-directory')
  list(
    @ValidQuery(PartnersQuery) query: z.infer<typeof PartnersQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<PartnersListItemReply>> {
    return listPage(this.services, P.listPartners, query, ctx, BY_TIME_AND_ID);
  }

  @Endpoint({
    operationId: 'getPartner',
    method: 'GET',
    path: 'partners/:id',
    summary: 'A partner as it stands now; the ETag is its stream version',
    tags,
    roles: PARTNER_READERS,
    params: IdParams,
    response: { status: 200, description: 'The partner.', schema: PartnerViewReply },
    versioned: true,
  })
  @RecordsAccess('partner', { subjectParam: 'id' })
  async get(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<PartnerViewReply> {
    const view = await this.services.call<PartnerViewReply>(P.getPartner, { id }, ctx);
    res.setHeader('ETag', etagFor(view.version));
    return view;
  }

  @action({
    operationId: 'addPartnerContact',
    path: 'contacts',
    summary: 'Add a point person',
    body: ContactInput,
    pattern: P.addContact,
    done: 'Added; ETag is the new version.',
  })
  addContact(@ActionRequest() call: ActionCall) {
    return sendAction<PartnerViewReply>(this.services, call);
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
    response: { status: 200, description: 'Removed; ETag is the new version.', schema: PartnerViewReply },
    versioned: true,
  })
  removeContact(
    @Param(new ZodPipe(ContactParams)) { id, contactId }: z.infer<typeof ContactParams>,
    @ValidBody(RemoveContactInput) input: z.infer<typeof RemoveContactInput>,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    // The contact is named in the path but is part of the command's input.
    return sendAction<PartnerViewReply>(this.services, {
      pattern: P.removeContact,
      params: { id },
      input: { ...input, contactId },
      ifMatch,
      ctx,
      res,
    });
  }

  @action({
    operationId: 'deactivatePartner',
    path: 'deactivation',
    summary: 'Deactivate a partner: no more referrals, contacts or meetings',
    body: DeactivatePartnerInput,
    pattern: P.deactivate,
    done: 'Deactivated.',
  })
  deactivate(@ActionRequest() call: ActionCall) {
    return sendAction<PartnerViewReply>(this.services, call);
  }

  @action({
    operationId: 'logPartnerMeeting',
    path: 'meetings',
    summary: 'Log a meeting with the partner (attendance per side, topics)',
    body: LogMeetingInput,
    pattern: P.logMeeting,
    done: 'Logged.',
  })
  logMeeting(@ActionRequest() call: ActionCall) {
    return sendAction<PartnerViewReply>(this.services, call);
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
    response: { status: 200, description: 'A page of meetings.', schema: PartnersListPageReply },
  })
  meetings(
    @Param(new ZodPipe(IdParams)) { id }: z.infer<typeof IdParams>,
    @ValidQuery(MeetingsQuery) query: z.infer<typeof MeetingsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<PartnersListItemReply>> {
    return listPage(this.services, P.listMeetings, query, ctx, BY_TIME_AND_ID, (filters) => ({
      ...filters,
      partnerId: id,
    }));
  }
}
