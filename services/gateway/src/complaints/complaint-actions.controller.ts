import { INTAKE_PATTERNS } from '@lse/contracts';
import { Headers, Param, Res } from '@nestjs/common';
import {
  AmendComplaintInput,
  AssessJurisdictionInput,
  AssessLimitationsInput,
  DeclineInput,
  LinkDuplicateInput,
  LinkRelatedInput,
  MergeComplaintInput,
  OpenCaseInput,
  ReferOutInput,
  ScoreTriageInput,
  WithdrawInput,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import type { Role } from '../auth/roles';
import { etagFor, parseIfMatch } from '../http/etag';
import { ValidBody, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { COMPLAINT_DECLINERS, COMPLAINT_WRITERS } from './roles';
import { CaseIdParams, CommandResultSchema } from './schemas';

type CommandResult = z.infer<typeof CommandResultSchema>;
type Params = z.infer<typeof CaseIdParams>;

/** One action on a complaint: POST /complaints/:caseId/<path>, If-Match = expected version. */
const action = (
  operationId: string,
  path: string,
  summary: string,
  body: z.ZodType,
  roles: Role[] = COMPLAINT_WRITERS,
) =>
  Endpoint({
    operationId,
    method: 'POST',
    path: `complaints/:caseId/${path}`,
    summary,
    tags: ['complaints'],
    roles,
    params: CaseIdParams,
    body,
    response: {
      status: 200,
      description: 'Done; ETag is the new stream version.',
      schema: CommandResultSchema,
    },
    versioned: true,
  });

/**
 * The intake decisions on a complaint. Each is one command to intake: the stream version from
 * If-Match guards against acting on a complaint someone else changed meanwhile (409).
 */
@ApiController()
export class ComplaintActionsController {
  constructor(private readonly services: ServicesClient) {}

  @action('amendComplaint', 'amendments', 'Amend complainants, employer or allegations', AmendComplaintInput)
  amend(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AmendComplaintInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('amend', p, body, ifMatch, ctx, res);
  }

  @action(
    'assessJurisdiction',
    'jurisdiction-assessment',
    'Record whether the complaint is within the agency’s jurisdiction',
    AssessJurisdictionInput,
  )
  jurisdiction(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AssessJurisdictionInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('assessJurisdiction', p, body, ifMatch, ctx, res);
  }

  @action(
    'assessLimitations',
    'limitations-assessment',
    'Assess the statute of limitations (FLSA 2 years, 3 if willful; configured state periods); warns under 90 days',
    AssessLimitationsInput,
  )
  limitations(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AssessLimitationsInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('assessLimitations', p, body, ifMatch, ctx, res);
  }

  @action(
    'scoreTriage',
    'triage',
    'Score the triage: score 0-100, priority P1-P4 and an explanation per factor',
    ScoreTriageInput,
  )
  triage(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ScoreTriageInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('scoreTriage', p, body, ifMatch, ctx, res);
  }

  @action(
    'linkDuplicate',
    'duplicate-link',
    'Link the complaint as a duplicate of an existing open case (closes it); the surviving case records it too',
    LinkDuplicateInput,
  )
  duplicate(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(LinkDuplicateInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('linkDuplicate', p, body, ifMatch, ctx, res);
  }

  @action(
    'linkRelatedCase',
    'related-links',
    'Link a related case; both stay open and each records the other',
    LinkRelatedInput,
  )
  related(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(LinkRelatedInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('linkRelated', p, body, ifMatch, ctx, res);
  }

  @action(
    'mergeComplaint',
    'merge',
    'Merge the complaint into a surviving case: its complainants and allegations move there (closes it)',
    MergeComplaintInput,
  )
  merge(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(MergeComplaintInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('merge', p, body, ifMatch, ctx, res);
  }

  @action(
    'referOut',
    'referral-out',
    'Refer out to OSHA, EEOC, NLRB or a state agency; cross-filed keeps it here too',
    ReferOutInput,
  )
  referOut(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReferOutInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('referOut', p, body, ifMatch, ctx, res);
  }

  @action(
    'declineComplaint',
    'decline',
    'Decline the complaint (supervisors)',
    DeclineInput,
    COMPLAINT_DECLINERS,
  )
  decline(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(DeclineInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('decline', p, body, ifMatch, ctx, res);
  }

  @action(
    'withdrawComplaint',
    'withdraw',
    'Record that the complainant withdrew the complaint',
    WithdrawInput,
  )
  withdraw(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(WithdrawInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('withdraw', p, body, ifMatch, ctx, res);
  }

  @action(
    'openCase',
    'open',
    'Open the case: allocates its case number (LSE-YYYY-NNNNNN) and takes the triage priority',
    OpenCaseInput,
  )
  open(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(OpenCaseInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('openCase', p, body, ifMatch, ctx, res);
  }

  private async command(
    verb: keyof typeof INTAKE_PATTERNS,
    { caseId }: Params,
    input: unknown,
    ifMatch: string | undefined,
    ctx: CallContext,
    res: HttpResponse,
  ): Promise<CommandResult> {
    const expectedVersion = parseIfMatch(ifMatch);
    const data = { caseId, input, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    const result = await this.services.call<CommandResult>(INTAKE_PATTERNS[verb], data, ctx);
    res.setHeader('ETag', etagFor(result.version));
    return result;
  }
}
