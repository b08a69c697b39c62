import { Headers, Param, Res } from '@nestjs/common';
import {
  AgreeSettlementInput,
  CloseCollectionCaseInput,
  COLLECTIONS_PATTERNS,
  CompromiseDebtInput,
  CounterSettlementInput,
  DeclareDefaultInput,
  EnterJudgmentInput,
  EstablishPaymentPlanInput,
  IssueDisbursementInput,
  IssueOrderInput,
  MarkWorkerUnlocatedInput,
  OfferSettlementInput,
  ReceivePaymentInput,
  ReopenCollectionCaseInput,
  ReversePaymentInput,
  TakeEscalationInput,
  TransferUnclaimedWagesInput,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import type { Role } from '../auth/roles';
import { etagFor, parseIfMatch } from '../http/etag';
import { ValidBody, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { COLLECTION_OPENED_BY_REACTION } from '../openapi/eventual';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { COLLECTION_APPROVERS, COLLECTION_WRITERS } from './roles';
import { CaseIdParams, CollectionCommandResultSchema } from './schemas';

type CommandResult = z.infer<typeof CollectionCommandResultSchema>;
type Params = z.infer<typeof CaseIdParams>;

/** One action on a collection case: POST /collections/:caseId/<path>, If-Match = expected version. */
const action = (
  operationId: string,
  path: string,
  summary: string,
  body: z.ZodType,
  roles: Role[] = COLLECTION_WRITERS,
) =>
  Endpoint({
    operationId,
    method: 'POST',
    path: `collections/:caseId/${path}`,
    summary,
    tags: ['collections'],
    roles,
    params: CaseIdParams,
    body,
    eventual: COLLECTION_OPENED_BY_REACTION,
    response: {
      status: 200,
      description: 'Done; ETag is the new stream version.',
      schema: CollectionCommandResultSchema,
    },
    versioned: true,
  });

/**
 * Collection actions. Each is one command to collections; amounts are positive integer cents
 * (anything else is a 400 that writes nothing), and If-Match guards against acting on a case
 * someone else changed meanwhile (409).
 */
@ApiController()
export class CollectionActionsController {
  constructor(private readonly services: ServicesClient) {}

  @action(
    'offerSettlement',
    'settlement-offers',
    'Record a settlement offer (amount, installments, non-monetary terms)',
    OfferSettlementInput,
  )
  offer(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(OfferSettlementInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('offerSettlement', p, body, m, ctx, res);
  }

  @action(
    'counterSettlement',
    'settlement-counters',
    'Record a counter-offer to an earlier offer',
    CounterSettlementInput,
  )
  counter(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(CounterSettlementInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('counterSettlement', p, body, m, ctx, res);
  }

  @action(
    'agreeSettlement',
    'settlement',
    'Agree the settlement (supervisors): amount, installment schedule (becomes the payment plan), non-monetary terms; less than the balance compromises the difference',
    AgreeSettlementInput,
    COLLECTION_APPROVERS,
  )
  agree(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AgreeSettlementInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('agreeSettlement', p, body, m, ctx, res);
  }

  @action('issueOrder', 'orders', 'Record an administrative, consent or court order to pay', IssueOrderInput)
  order(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(IssueOrderInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('issueOrder', p, body, m, ctx, res);
  }

  @action(
    'enterJudgment',
    'judgments',
    'Record a judgment with its post-judgment interest rate (basis points a year)',
    EnterJudgmentInput,
  )
  judgment(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(EnterJudgmentInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('enterJudgment', p, body, m, ctx, res);
  }

  @action(
    'establishPaymentPlan',
    'payment-plans',
    'Establish a payment plan (replaces the current one)',
    EstablishPaymentPlanInput,
  )
  plan(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(EstablishPaymentPlanInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('establishPaymentPlan', p, body, m, ctx, res);
  }

  @action(
    'receivePayment',
    'payments',
    'Record a payment from any jointly and severally liable debtor; it is allocated across the workers by the allocation rule',
    ReceivePaymentInput,
  )
  payment(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReceivePaymentInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('receivePayment', p, body, m, ctx, res);
  }

  @action(
    'reversePayment',
    'payment-reversals',
    'Reverse a payment that did not clear (not once its money was paid out)',
    ReversePaymentInput,
  )
  reverse(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReversePaymentInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('reversePayment', p, body, m, ctx, res);
  }

  @action(
    'declareDefault',
    'default',
    'Declare the payment plan in default after a missed installment',
    DeclareDefaultInput,
  )
  default(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(DeclareDefaultInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('declareDefault', p, body, m, ctx, res);
  }

  @action(
    'takeEscalation',
    'escalations',
    'Take an enforcement step: lien, levy, stop-work order, license hold, bond claim, prosecution referral, publication',
    TakeEscalationInput,
  )
  escalate(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(TakeEscalationInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('takeEscalation', p, body, m, ctx, res);
  }

  @action(
    'issueDisbursement',
    'disbursements',
    'Pay a worker what was collected for them (never more, never twice)',
    IssueDisbursementInput,
  )
  disburse(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(IssueDisbursementInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('issueDisbursement', p, body, m, ctx, res);
  }

  @action(
    'markWorkerUnlocated',
    'unlocated-workers',
    'Record that a worker cannot be found: their money is held',
    MarkWorkerUnlocatedInput,
  )
  unlocated(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(MarkWorkerUnlocatedInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('markWorkerUnlocated', p, body, m, ctx, res);
  }

  @action(
    'transferUnclaimedWages',
    'unclaimed-transfers',
    'Transfer held wages to the unclaimed-wage fund after the configured period',
    TransferUnclaimedWagesInput,
  )
  transfer(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(TransferUnclaimedWagesInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('transferUnclaimedWages', p, body, m, ctx, res);
  }

  @action(
    'compromiseDebt',
    'compromises',
    'Compromise or write off part or all of the balance (supervisors)',
    CompromiseDebtInput,
    COLLECTION_APPROVERS,
  )
  compromise(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(CompromiseDebtInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('compromiseDebt', p, body, m, ctx, res);
  }

  @action(
    'closeCollectionCase',
    'close',
    'Close the case once nothing is outstanding and everything collected was paid out; nothing is accepted after',
    CloseCollectionCaseInput,
  )
  close(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(CloseCollectionCaseInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('closeCase', p, body, m, ctx, res);
  }

  @action(
    'reopenCollectionCase',
    'reopening',
    'Reopen a closed case (supervisors), with the reason (late payment, bounced check) and a note; the only way anything is appended to a closed case',
    ReopenCollectionCaseInput,
    COLLECTION_APPROVERS,
  )
  reopen(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReopenCollectionCaseInput) body: unknown,
    @Headers('if-match') m: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.command('reopenCase', p, body, m, ctx, res);
  }

  private async command(
    verb: keyof typeof COLLECTIONS_PATTERNS,
    { caseId }: Params,
    input: unknown,
    ifMatch: string | undefined,
    ctx: CallContext,
    res: HttpResponse,
  ): Promise<CommandResult> {
    const expectedVersion = parseIfMatch(ifMatch);
    const data = { caseId, input, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    const result = await this.services.call<CommandResult>(COLLECTIONS_PATTERNS[verb], data, ctx);
    res.setHeader('ETag', etagFor(result.version));
    return result;
  }
}
