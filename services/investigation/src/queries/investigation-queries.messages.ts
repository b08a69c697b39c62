import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BackWageTraceQuery,
  EvidenceQuery,
  INVESTIGATION_PATTERNS as P,
  InvestigationCaseQuery,
  investigationStreamId,
  ListInvestigationsRequest,
  WorkloadRequest,
} from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { investigationDecider, InvestigationNotFoundError } from '@lse/investigation-domain';
import {
  DomainError,
  Metrics,
  replyTo,
  StreamCommands,
  type RequestEnvelope,
  type ServiceReply,
} from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { retrace } from '../back-wages/compute';
import { RuleSetVersions } from '../back-wages/rule-set-versions';
import { DEFAULT_TRACE_PAGE_WEEKS, tracePage } from '../back-wages/trace-page';
import { EVIDENCE_STORE, type EvidenceStore } from '../evidence/evidence-store';
import { findingsOfCase } from '../read-models/findings/findings-of-case';
import { listInvestigations } from '../read-models/investigations/list-investigations';
import { investigatorWorkload } from '../read-models/investigations/workload';
import { CLOCK, INVESTIGATION_DATA_SOURCE } from '../tokens';
import { viewOf } from './view';

/**
 * The investigation service's read handlers (`investigation.<verb>`): an investigation's state
 * from its stream, the back-wage trace recomputed and verified, evidence content, and the read
 * models' lists. They write nothing; the gateway records who read what (RecordAccessed).
 */
@Controller()
export class InvestigationQueryMessages {
  private readonly logger = new Logger('Investigation');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INVESTIGATION_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORE) private readonly evidence: EvidenceStore,
    private readonly ruleSetVersions: RuleSetVersions,
  ) {}

  @MessagePattern(P.getInvestigation)
  getInvestigation(@Payload() payload: unknown) {
    return this.handle(P.getInvestigation, payload, async (env) => {
      const { caseId } = InvestigationCaseQuery.parse(env.data);
      const { recorded, state } = await this.load(caseId);
      if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
      return viewOf(caseId, recorded, state);
    });
  }

  /**
   * Recomputed from the recorded hours and rule-set versions and checked against the event's
   * digest, whole, on every request; answered a page at a time (a reply is one NATS message).
   */
  @MessagePattern(P.getBackWageTrace)
  getBackWageTrace(@Payload() payload: unknown) {
    return this.handle(P.getBackWageTrace, payload, async (env) => {
      const { caseId, computationId, after, limit } = BackWageTraceQuery.parse(env.data);
      const { state } = await this.load(caseId);
      if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
      const inv = state.investigation;
      const computed = inv.computations[computationId];
      if (!computed) throw new DomainError('not_found', 'No such computation in this investigation.');
      const trace = retrace(
        computed,
        computed.recordSetIds.map((id) => inv.recordSets[id]),
        await this.ruleSetVersions.catalog(),
      );
      if (!trace.verified)
        throw new DomainError('conflict', 'The recomputed trace does not match the recorded computation.', {
          reason: 'trace_mismatch',
        });
      const page = tracePage(trace, computed, after, limit ?? DEFAULT_TRACE_PAGE_WEEKS);
      // Each worker by name as the hours records give it: staff read the trace worker by worker.
      const names = new Map<string, string>();
      for (const id of computed.recordSetIds)
        for (const w of inv.recordSets[id].workers) names.set(w.workerId, w.name);
      const workers = page.workers.map((w) => ({ ...w, name: names.get(w.workerId) ?? null }));
      return { ...page, workers, verified: true };
    });
  }

  /** Every rule set and every version of it: effective date, publisher, reason, and the data. */
  @MessagePattern(P.listRuleSets)
  listRuleSets(@Payload() payload: unknown) {
    return this.handle(P.listRuleSets, payload, async () => {
      const catalog = await this.ruleSetVersions.catalog();
      return {
        items: catalog.ids().map((id) => ({
          id,
          versions: catalog.versions(id).map((v) => ({
            version: v.ruleSet.version,
            effectiveFrom: v.effectiveFrom,
            publishedBy: v.publishedBy,
            publishedAt: v.publishedAt,
            reason: v.reason,
            ruleSet: v.ruleSet,
          })),
        })),
      };
    });
  }

  @MessagePattern(P.getEvidence)
  getEvidence(@Payload() payload: unknown) {
    return this.handle(P.getEvidence, payload, async (env) => {
      const { caseId, evidenceId } = EvidenceQuery.parse(env.data);
      const { state } = await this.load(caseId);
      if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
      const item = state.investigation.evidence[evidenceId];
      if (!item) throw new DomainError('not_found', 'No such evidence in this investigation.');
      const content = await this.evidence.get(item.storageRef, caseId);
      if (!content) throw new DomainError('not_found', 'The evidence content is not in the store.');
      return { ...item, contentBase64: content.toString('base64') };
    });
  }

  @MessagePattern(P.listInvestigations)
  listInvestigations(@Payload() payload: unknown) {
    return this.handle(P.listInvestigations, payload, async (env) => {
      const { filters, limit, after } = ListInvestigationsRequest.parse(env.data);
      return { items: await listInvestigations(this.dataSource, filters, limit, after, this.clock.now()) };
    });
  }

  @MessagePattern(P.workload)
  workload(@Payload() payload: unknown) {
    return this.handle(P.workload, payload, async (env) => {
      const { limit, after } = WorkloadRequest.parse(env.data);
      return { items: await investigatorWorkload(this.dataSource, limit, after) };
    });
  }

  @MessagePattern(P.findings)
  findings(@Payload() payload: unknown) {
    return this.handle(P.findings, payload, async (env) => {
      const { caseId } = InvestigationCaseQuery.parse(env.data);
      return { caseId, items: await findingsOfCase(this.dataSource, caseId) };
    });
  }

  private load(caseId: string) {
    return this.commands.load(investigationDecider, investigationStreamId(caseId));
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    work: (env: RequestEnvelope) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    return replyTo(this.metrics, this.logger, pattern, payload, work);
  }
}
