import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  agreementStreamId,
  ListAgreementsQuery,
  PARTNERS_PATTERNS as P,
  partnersGetRequest,
  partnersListRequest,
} from '@lse/contracts';
import { utcDateOf, type Clock, type IsoDate } from '@lse/domain';
import { agreementDecider, NotRegisteredError } from '@lse/partners-domain';
import { Metrics, replyTo, StreamCommands, type RequestEnvelope } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { agreementView } from '../commands/command-result';
import { listAgreements } from '../read-models/queries';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../tokens';

/** Reads of agreements: one from its stream (in force today or not), the list. */
@Controller()
export class AgreementQueryMessages {
  private readonly logger = new Logger('Agreements');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PARTNERS_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @MessagePattern(P.getAgreement)
  get(@Payload() payload: unknown) {
    return this.handle(P.getAgreement, payload, async (env) => {
      const { id } = partnersGetRequest.parse(env.data);
      const { recorded, state } = await this.commands.load(agreementDecider, agreementStreamId(id));
      if (state.status === 'none') throw new NotRegisteredError('agreement', id);
      return agreementView(this.today(), { id, version: recorded.length, state });
    });
  }

  @MessagePattern(P.listAgreements)
  list(@Payload() payload: unknown) {
    return this.handle(P.listAgreements, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListAgreementsQuery).parse(env.data);
      return { items: await listAgreements(this.ds, filters, this.today(), limit, after) };
    });
  }

  private today(): IsoDate {
    return utcDateOf(this.clock.now());
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
