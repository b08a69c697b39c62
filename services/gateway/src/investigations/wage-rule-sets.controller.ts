import { Headers, Param, Res } from '@nestjs/common';
import {
  BackWagesRerunReply,
  INVESTIGATION_PATTERNS,
  PublishRuleSetVersionInput,
  RerunBackWagesInput,
  RuleSetListReply,
  RuleSetPublishedReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import type { Role } from '../auth/roles';
import { sendAction } from '../http/case-action';
import { CaseIdParams } from '../http/params';
import { ValidBody, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { INVESTIGATION_READERS, INVESTIGATION_WRITERS } from './roles';

/** Rule tables are an admin's (docs/architecture.md#roles); supervisors publish too. */
export const RULE_SET_PUBLISHERS: Role[] = ['supervisor', 'admin'];

/** Back-wage rule sets as versioned data, and re-running a computation under a newer version. */
@ApiController()
export class WageRuleSetsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'listWageRuleSets',
    method: 'GET',
    path: 'wage-rule-sets',
    summary:
      'Every back-wage rule set and every version of it: effective date, who published it, why, and the data',
    tags: ['investigations'],
    roles: [...INVESTIGATION_READERS, 'admin'],
    response: { status: 200, description: 'The catalog.', schema: RuleSetListReply },
  })
  list(@CallCtx() ctx: CallContext) {
    return this.services.call<RuleSetListReply>(INVESTIGATION_PATTERNS.listRuleSets, {}, ctx);
  }

  @Endpoint({
    operationId: 'publishWageRuleSetVersion',
    method: 'POST',
    path: 'wage-rule-sets/versions',
    summary:
      'Publish a new version of a rule set (a new `version` in `ruleSet`); new computations use it from `effectiveFrom`, past ones keep theirs',
    tags: ['investigations'],
    roles: RULE_SET_PUBLISHERS,
    body: PublishRuleSetVersionInput,
    response: { status: 201, description: 'Published.', schema: RuleSetPublishedReply },
  })
  publish(@ValidBody(PublishRuleSetVersionInput) body: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<RuleSetPublishedReply>(INVESTIGATION_PATTERNS.publishRuleSetVersion, body, ctx);
  }

  @Endpoint({
    operationId: 'rerunBackWages',
    method: 'POST',
    path: 'cases/:caseId/investigation/back-wage-reruns',
    summary:
      'Re-run a computation (same hours, filing date, willfulness) under newer rule-set versions, recorded as a new computation, with the differences per worker and workweek',
    tags: ['investigations'],
    roles: INVESTIGATION_WRITERS,
    params: CaseIdParams,
    body: RerunBackWagesInput,
    response: {
      status: 200,
      description: 'Done; ETag is the new stream version; `diff` lists what changed.',
      schema: BackWagesRerunReply,
    },
    versioned: true,
  })
  rerun(
    @Param(new ZodPipe(CaseIdParams)) p: z.infer<typeof CaseIdParams>,
    @ValidBody(RerunBackWagesInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return sendAction<BackWagesRerunReply>(this.services, {
      pattern: INVESTIGATION_PATTERNS.rerunBackWages,
      params: p,
      input: body,
      ifMatch,
      ctx,
      res,
    });
  }
}
