import { Headers, Param, Res } from '@nestjs/common';
import {
  COLLECTIONS_PATTERNS,
  CollectionCaseViewReply,
  CollectionRateReply,
  DebtorStatementReply,
  type DefaultItemReply,
  DefaultsPageReply,
  InstallmentCheckReply,
  type InstallmentDueItemReply,
  InstallmentsDuePageReply,
  LedgerViewReply,
  type ReceivableItemReply,
  ReceivablesPageReply,
  WorkerStatementReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { etagFor } from '../http/etag';
import { listPage, type Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { COLLECTION_APPROVERS, COLLECTION_READERS } from './roles';
import { CaseIdParams } from '../http/params';
import {
  AsOfQuery,
  CollectionRateQuery,
  DebtorParams,
  DefaultsQuery,
  InstallmentsDueQuery,
  ReceivablesQuery,
  HTML_CONTENT,
  StatementQuery,
  WorkerParams,
  DEFAULTS,
  INSTALLMENTS_DUE,
  RECEIVABLES,
} from './schemas';
import { RecordsAccess } from '../audit/record-access.interceptor';
import { COLLECTION_OPENED_BY_REACTION } from '../openapi/eventual';

/** A case, its ledger, statements, the collection lists and the installment check. */
@ApiController()
export class CollectionsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'listReceivables',
    method: 'GET',
    path: 'collection-reports/receivables',
    summary:
      'Open receivables with aging buckets (0-30, 31-60, 61-90, 90+ days since the oldest unpaid amount fell due)',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    query: ReceivablesQuery,
    response: {
      status: 200,
      description: 'A page of receivables, oldest first.',
      schema: ReceivablesPageReply,
    },
  })
  receivables(
    @ValidQuery(ReceivablesQuery) query: z.infer<typeof ReceivablesQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<ReceivableItemReply>> {
    return listPage(this.services, COLLECTIONS_PATTERNS.listReceivables, query, ctx, RECEIVABLES);
  }

  @Endpoint({
    operationId: 'listInstallmentsDue',
    method: 'GET',
    path: 'collection-reports/installments-due',
    summary:
      'Unpaid installments due in the next 7 days (or `days`); with `status=missed`, those recorded missed and still unpaid',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    query: InstallmentsDueQuery,
    response: {
      status: 200,
      description: 'A page of installments, soonest first.',
      schema: InstallmentsDuePageReply,
    },
  })
  installmentsDue(
    @ValidQuery(InstallmentsDueQuery) query: z.infer<typeof InstallmentsDueQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<InstallmentDueItemReply>> {
    return listPage(this.services, COLLECTIONS_PATTERNS.listInstallmentsDue, query, ctx, INSTALLMENTS_DUE);
  }

  @Endpoint({
    operationId: 'listDefaults',
    method: 'GET',
    path: 'collection-reports/defaults',
    summary: 'Payment plans in default on open cases',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    query: DefaultsQuery,
    response: { status: 200, description: 'A page of defaulted plans.', schema: DefaultsPageReply },
  })
  defaults(
    @ValidQuery(DefaultsQuery) query: z.infer<typeof DefaultsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<DefaultItemReply>> {
    return listPage(this.services, COLLECTIONS_PATTERNS.listDefaults, query, ctx, DEFAULTS);
  }

  @Endpoint({
    operationId: 'collectionRate',
    method: 'GET',
    path: 'collection-reports/collection-rate',
    summary:
      'Collection rate (collected / assessed) by office, industry (NAICS sector) or period (month opened), optionally within one office or sector',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    query: CollectionRateQuery,
    response: { status: 200, description: 'One row per group.', schema: CollectionRateReply },
  })
  rate(
    @ValidQuery(CollectionRateQuery) query: z.infer<typeof CollectionRateQuery>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call<CollectionRateReply>(COLLECTIONS_PATTERNS.collectionRate, query, ctx);
  }

  @Endpoint({
    operationId: 'runInstallmentCheck',
    method: 'POST',
    path: 'collection-operations/installment-check',
    summary:
      'Run the scheduled missed-installment check now (supervisors); exactly once per installment, like the timer',
    tags: ['collections'],
    roles: COLLECTION_APPROVERS,
    body: z.strictObject({}),
    response: { status: 200, description: 'What the run found.', schema: InstallmentCheckReply },
  })
  runCheck(@ValidBody(z.strictObject({})) _body: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<InstallmentCheckReply>(COLLECTIONS_PATTERNS.runInstallmentCheck, {}, ctx);
  }

  @Endpoint({
    operationId: 'getCollectionCase',
    method: 'GET',
    path: 'collections/:caseId',
    summary:
      'A collection case as it stands now: debtors, workers, plan, payments, totals; the ETag is its stream version',
    description:
      "The case id is the complaint's case id (POST /complaints answered it as `caseId`; a referral's id is the same id).",
    eventual: COLLECTION_OPENED_BY_REACTION,
    tags: ['collections'],
    roles: COLLECTION_READERS,
    params: CaseIdParams,
    response: { status: 200, description: 'The collection case.', schema: CollectionCaseViewReply },
    versioned: true,
  })
  @RecordsAccess('collection-case')
  async get(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const view = await this.services.call<{ version: number }>(COLLECTIONS_PATTERNS.getCase, params, ctx);
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }

  @Endpoint({
    operationId: 'getCollectionLedger',
    method: 'GET',
    path: 'collections/:caseId/ledger',
    summary:
      'The double-entry ledger: balances per account and per worker as of a date (default today), and the postings',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    params: CaseIdParams,
    query: AsOfQuery,
    eventual: COLLECTION_OPENED_BY_REACTION,
    response: { status: 200, description: 'The ledger.', schema: LedgerViewReply },
    versioned: true,
  })
  @RecordsAccess('collection-ledger')
  async ledger(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @ValidQuery(AsOfQuery) query: z.infer<typeof AsOfQuery>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const view = await this.services.call<{ version: number }>(
      COLLECTIONS_PATTERNS.getLedger,
      { ...params, ...query },
      ctx,
    );
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }

  @Endpoint({
    operationId: 'getDebtorStatement',
    method: 'GET',
    path: 'collections/:caseId/statements/debtors/:debtorId',
    summary:
      'The employer-facing statement of account (JSON or printable HTML); workers who asked for confidentiality never appear on it',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    description:
      "`debtorId` is one of the collection case's `debtors` (GET /collections/{caseId}). Workers who asked for confidentiality are one line together, and when they are fewer than the threshold even that line gives no count or amount (so none can be singled out by elimination).",
    params: DebtorParams,
    query: StatementQuery,
    eventual: COLLECTION_OPENED_BY_REACTION,
    response: {
      status: 200,
      description: 'The statement: JSON, or printable HTML with ?format=html or Accept: text/html.',
      schema: DebtorStatementReply,
      otherContent: HTML_CONTENT,
    },
  })
  @RecordsAccess('debtor-statement', { subjectParam: 'debtorId' })
  debtorStatement(
    @Param(new ZodPipe(DebtorParams)) params: z.infer<typeof DebtorParams>,
    @ValidQuery(StatementQuery) query: z.infer<typeof StatementQuery>,
    @Headers('accept') accept: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.statement(COLLECTIONS_PATTERNS.debtorStatement, params, query, accept, ctx, res);
  }

  @Endpoint({
    operationId: 'getWorkerStatement',
    method: 'GET',
    path: 'collections/:caseId/statements/workers/:workerId',
    summary: 'A worker’s statement on the case (JSON or printable HTML): owed, collected, paid out, held',
    tags: ['collections'],
    roles: COLLECTION_READERS,
    description:
      "`workerId` is one of the collection case's `workers` (GET /collections/{caseId}). The printable page is in the worker's preferred language (English or Spanish) with the agency's contact and what happens next.",
    params: WorkerParams,
    query: StatementQuery,
    eventual: COLLECTION_OPENED_BY_REACTION,
    response: {
      status: 200,
      description: 'The statement: JSON, or printable HTML with ?format=html or Accept: text/html.',
      schema: WorkerStatementReply,
      otherContent: HTML_CONTENT,
    },
  })
  @RecordsAccess('worker-statement', { subjectParam: 'workerId' })
  workerStatement(
    @Param(new ZodPipe(WorkerParams)) params: z.infer<typeof WorkerParams>,
    @ValidQuery(StatementQuery) query: z.infer<typeof StatementQuery>,
    @Headers('accept') accept: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.statement(COLLECTIONS_PATTERNS.workerStatement, params, query, accept, ctx, res);
  }

  private async statement(
    pattern: string,
    params: Record<string, string>,
    query: z.infer<typeof StatementQuery>,
    accept: string | undefined,
    ctx: CallContext,
    res: HttpResponse,
  ): Promise<unknown> {
    const { format, ...rest } = query;
    const { statement, html } = await this.services.call<{ statement: unknown; html: string }>(
      pattern,
      { ...params, ...rest },
      ctx,
    );
    res.setHeader('Cache-Control', 'no-store');
    const wantsHtml = format === 'html' || (format === undefined && /\btext\/html\b/.test(accept ?? ''));
    if (!wantsHtml) return statement;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return html;
  }
}
