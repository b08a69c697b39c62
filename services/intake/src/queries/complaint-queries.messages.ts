import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  complaintStreamId,
  FindEmployerQuery,
  INTAKE_PATTERNS,
  ListCasesQuery,
  ListComplaintsQuery,
  listRequest,
} from '@lse/contracts';
import { ComplaintNotFoundError } from '@lse/intake-domain';
import { Metrics, replyTo, StreamCommands, type RequestEnvelope, type ServiceReply } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { listCases } from '../read-models/case-index/list-cases';
import { listComplaints } from '../read-models/complaint-queue/list-complaints';
import { findEmployer } from '../read-models/employer-index/find-employer';
import { COMPLAINT_DECIDER, INTAKE_DATA_SOURCE, type ComplaintDecider } from '../tokens';

/** Intake's reads: a complaint from its stream, the queue, the case list and the employer index. */
@Controller()
export class ComplaintQueryMessages {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly commands: StreamCommands,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    private readonly metrics: Metrics,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @MessagePattern(INTAKE_PATTERNS.getComplaint)
  getComplaint(@Payload() payload: unknown) {
    return this.handle(INTAKE_PATTERNS.getComplaint, payload, async (env) => {
      const { caseId } = z.strictObject({ caseId: z.uuid() }).parse(env.data);
      const { recorded, state } = await this.commands.load(this.decider, complaintStreamId(caseId));
      if (state.status === 'none') throw new ComplaintNotFoundError(caseId);
      return { caseId, version: recorded.length, ...state };
    });
  }

  @MessagePattern(INTAKE_PATTERNS.listComplaints)
  listComplaints(@Payload() payload: unknown) {
    return this.handle(INTAKE_PATTERNS.listComplaints, payload, async (env) => {
      const { filters, limit, after } = listRequest(ListComplaintsQuery).parse(env.data);
      return { items: await listComplaints(this.dataSource, filters, limit, after) };
    });
  }

  @MessagePattern(INTAKE_PATTERNS.listCases)
  listCases(@Payload() payload: unknown) {
    return this.handle(INTAKE_PATTERNS.listCases, payload, async (env) => {
      const { filters, limit, after } = listRequest(ListCasesQuery).parse(env.data);
      return { items: await listCases(this.dataSource, filters, limit, after) };
    });
  }

  @MessagePattern(INTAKE_PATTERNS.findEmployer)
  findEmployer(@Payload() payload: unknown) {
    return this.handle(INTAKE_PATTERNS.findEmployer, payload, async (env) => ({
      employers: await findEmployer(this.dataSource, FindEmployerQuery.parse(env.data)),
    }));
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    work: (env: RequestEnvelope) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    // The same frame and log message as the commands': what dashboards and alerts already match.
    return replyTo(this.metrics, this.logger, pattern, payload, work);
  }
}
