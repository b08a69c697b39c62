import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListMeetingsQuery,
  ListPartnersQuery,
  PARTNERS_PATTERNS as P,
  partnerStreamId,
  partnersGetRequest,
  partnersListRequest,
} from '@lse/contracts';
import { NotRegisteredError, partnerDecider } from '@lse/partners-domain';
import { Metrics, replyTo, StreamCommands, type RequestEnvelope } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { partnerView } from '../commands/command-result';
import { listMeetings, listPartners } from '../read-models/queries';
import { PARTNERS_DATA_SOURCE } from '../tokens';

/** Reads of the partner registry: a partner from its stream, the list, the meetings log. */
@Controller()
export class RegistryQueryMessages {
  private readonly logger = new Logger('Agreements');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(PARTNERS_DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @MessagePattern(P.getPartner)
  get(@Payload() payload: unknown) {
    return this.handle(P.getPartner, payload, async (env) => {
      const { id } = partnersGetRequest.parse(env.data);
      const { recorded, state } = await this.commands.load(partnerDecider, partnerStreamId(id));
      if (state.status === 'none') throw new NotRegisteredError('partner', id);
      return partnerView({ id, version: recorded.length, state });
    });
  }

  @MessagePattern(P.listPartners)
  list(@Payload() payload: unknown) {
    return this.handle(P.listPartners, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListPartnersQuery).parse(env.data);
      return { items: await listPartners(this.ds, filters, limit, after) };
    });
  }

  @MessagePattern(P.listMeetings)
  meetings(@Payload() payload: unknown) {
    return this.handle(P.listMeetings, payload, async (env) => {
      const { filters, limit, after } = partnersListRequest(ListMeetingsQuery).parse(env.data);
      return { items: await listMeetings(this.ds, filters.partnerId, limit, after) };
    });
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
