import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CaseRequest,
  collectionListRequest,
  collectionStreamId,
  CollectionRateQuery,
  COLLECTIONS_PATTERNS,
  DebtorStatementRequest,
  LedgerRequest,
  ListDefaultsQuery,
  ListInstallmentsDueQuery,
  ListReceivablesQuery,
  WorkerStatementRequest,
  complaintStreamId,
} from '@lse/contracts';
import { utcDateOf, type Clock } from '@lse/domain';
import { SealedEventStore } from '@lse/crypto-shred';
import { Metrics, replyTo, StreamCommands, type ServiceReply } from '@lse/service-kit';
import {
  CollectionCaseNotFoundError,
  type CollectionDecider,
  debtorStatement,
  installmentStatuses,
  ledgerView,
  workerStatement,
} from '@lse/collections-domain';
import type { DataSource } from 'typeorm';
import { agencyContact, COLLECTIONS_CONFIG, type CollectionsConfig } from '../config';
import { complaintFacts, normalName } from '../reactions/determination/opening-from-determination';
import { collectionRate, listDefaults, listInstallmentsDue, listReceivables } from '../read-models/queries';
import { renderDebtorStatement, renderWorkerStatement } from '../statements/render-html';
import { InstallmentChecker } from '../scheduled/installment-checker';
import { CLOCK, COLLECTION_DECIDER, COLLECTIONS_DATA_SOURCE } from '../tokens';

/** Reads: a case, its ledger as of a date, statements, and the read-model lists. */
@Controller()
export class CollectionQueryMessages {
  private readonly logger = new Logger('Collections');

  constructor(
    private readonly commands: StreamCommands,
    @Inject(COLLECTION_DECIDER) private readonly decider: CollectionDecider,
    private readonly store: SealedEventStore,
    private readonly metrics: Metrics,
    private readonly checker: InstallmentChecker,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COLLECTIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COLLECTIONS_CONFIG) private readonly config: CollectionsConfig,
  ) {}

  private today(): string {
    return utcDateOf(this.clock.now());
  }

  @MessagePattern(COLLECTIONS_PATTERNS.getCase)
  getCase(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.getCase, payload, async (data) => {
      const { caseId } = CaseRequest.parse(data);
      const { recorded, state } = await this.load(caseId);
      if (state.status === 'none') throw new CollectionCaseNotFoundError(caseId);
      const view = ledgerView(state.ledger);
      const { ledger: _ledger, ...rest } = state;
      return {
        caseId,
        version: recorded.length,
        ...rest,
        totals: view.totals,
        installments: state.plan
          ? installmentStatuses(state.plan, this.today(), this.config.COLLECTIONS_GRACE_DAYS)
          : [],
      };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.getLedger)
  getLedger(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.getLedger, payload, async (data) => {
      const { caseId, asOf } = LedgerRequest.parse(data);
      const { recorded, state } = await this.load(caseId);
      if (state.status === 'none') throw new CollectionCaseNotFoundError(caseId);
      const view = ledgerView(state.ledger, asOf);
      const postings = state.ledger.postings.filter((p) => asOf === undefined || p.on <= asOf);
      return { caseId, version: recorded.length, ...view, postings };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.debtorStatement)
  debtor(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.debtorStatement, payload, async (data) => {
      const { caseId, debtorId, asOf } = DebtorStatementRequest.parse(data);
      const { state } = await this.load(caseId);
      const statement = debtorStatement(state, caseId, debtorId, asOf ?? this.today());
      return { statement, html: renderDebtorStatement(statement) };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.workerStatement)
  worker(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.workerStatement, payload, async (data) => {
      const { caseId, workerId, asOf } = WorkerStatementRequest.parse(data);
      const { events, state } = await this.load(caseId);
      const disbursements = events.flatMap((e) => (e.type === 'DisbursementIssued' ? [e.data] : []));
      // The worker's preferred language is on the complaint (by complainant id, or by name for a
      // worker the payroll named): the statement is written in it when it can be.
      const facts = complaintFacts(await this.store.readStream(complaintStreamId(caseId)));
      const claim = state.status === 'none' ? undefined : state.workers.find((w) => w.workerId === workerId);
      const preferredLanguage =
        facts.languages.get(workerId) ?? (claim ? facts.languages.get(normalName(claim.name)) : undefined);
      const statement = workerStatement(state, caseId, workerId, asOf ?? this.today(), disbursements, {
        ...(preferredLanguage ? { preferredLanguage } : {}),
        contact: agencyContact(this.config),
      });
      return { statement, html: renderWorkerStatement(statement) };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.listReceivables)
  receivables(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.listReceivables, payload, async (data) => {
      const { filters, limit, after } = collectionListRequest(ListReceivablesQuery).parse(data);
      return {
        items: await listReceivables(
          this.dataSource,
          this.config.COLLECTIONS_SCHEMA,
          filters,
          limit,
          after,
          this.today(),
        ),
      };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.listInstallmentsDue)
  installmentsDue(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.listInstallmentsDue, payload, async (data) => {
      const { filters, limit, after } = collectionListRequest(ListInstallmentsDueQuery).parse(data);
      return {
        items: await listInstallmentsDue(
          this.dataSource,
          this.config.COLLECTIONS_SCHEMA,
          filters,
          limit,
          after,
          this.today(),
        ),
      };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.listDefaults)
  defaults(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.listDefaults, payload, async (data) => {
      const { filters, limit, after } = collectionListRequest(ListDefaultsQuery).parse(data);
      return {
        items: await listDefaults(this.dataSource, this.config.COLLECTIONS_SCHEMA, filters, limit, after),
      };
    });
  }

  @MessagePattern(COLLECTIONS_PATTERNS.collectionRate)
  rate(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.collectionRate, payload, async (data) => ({
      groups: await collectionRate(
        this.dataSource,
        this.config.COLLECTIONS_SCHEMA,
        CollectionRateQuery.parse(data),
      ),
    }));
  }

  /** The scheduled check, run now (supervisors): same code path and exactly-once as the timer. */
  @MessagePattern(COLLECTIONS_PATTERNS.runInstallmentCheck)
  runCheck(@Payload() payload: unknown) {
    return this.handle(COLLECTIONS_PATTERNS.runInstallmentCheck, payload, () => this.checker.runOnce());
  }

  private load(caseId: string) {
    return this.commands.load(this.decider, collectionStreamId(caseId));
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    work: (data: unknown) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    return replyTo(
      this.metrics,
      this.logger,
      pattern,
      payload,
      (env) => work(env.data),
      'query failed unexpectedly',
    );
  }
}
