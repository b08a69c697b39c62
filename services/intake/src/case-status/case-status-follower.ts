import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { COLLECTION_CATEGORY, INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import { CASE_MILESTONES, milestoneOfEventType } from '@lse/intake-domain';
import { categorySubject, DurableConsumer, ensureStreams, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../complaint/handling/complaint.messages';
import { INTAKE_CONFIG, type IntakeConfig } from '../config';
import { recordMilestones, refreshCaseStatus } from '../read-models/case-index/case-status';
import { sqlOf } from '../read-models/project-event';

/** The other services' milestones intake follows, by the category that publishes them. */
const FOLLOWED: Array<{ category: string; types: string[] }> = [
  {
    category: INVESTIGATION_CATEGORY,
    types: [
      CASE_MILESTONES.investigator_assigned,
      CASE_MILESTONES.determination_issued,
      CASE_MILESTONES.investigation_closed,
    ],
  },
  {
    category: COLLECTION_CATEGORY,
    types: [CASE_MILESTONES.collection_opened, CASE_MILESTONES.collection_closed],
  },
];

/** The case is not in the index yet: intake's projector has not caught up with its CaseOpened. */
class CaseNotIndexedYet extends Error {
  constructor(caseId: string) {
    super(`case ${caseId} is not in the case index yet`);
  }
}

/**
 * Keeps the case index's status following the case across services: a durable consumer per
 * category records each milestone the investigation and collections services publish and derives
 * the case's status from all of its milestones in the order they happened (caseStatusTimeline).
 * The case's index row is locked first, so this and intake's own projector never derive a status
 * from milestones the other has not committed yet.
 */
@Injectable()
export class CaseStatusFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseStatusFollower');
  private nc?: NatsConnection;
  private consumers: DurableConsumer[] = [];

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-intake-case-status',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    const jsm = await ensureStreams(nc);
    const schema = this.config.INTAKE_SCHEMA;
    for (const { category, types } of FOLLOWED) {
      const name =
        schema === 'intake'
          ? `intake-case-status-${category}`
          : `intake-case-status-${category}-${schema.replace(/_/g, '-')}`;
      const consumer = new DurableConsumer({
        nc,
        jsm,
        name,
        filterSubject: categorySubject(category),
        types,
        // A milestone can arrive before intake's projector indexed the case: wait for it longer
        // than the default before parking the message.
        maxDeliver: 12,
        handle: (event) => this.follow(event),
        onError: (err, event) =>
          this.logger.warn(
            { error: describeError(err), eventId: event?.eventId },
            'case status update failed',
          ),
        onDeadLetter: (event, reason) =>
          this.logger.error({ eventId: event?.eventId, reason }, 'case status milestone dead-lettered'),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }

  /** Idempotent: the milestone is keyed by its event id, and the status is derived, not toggled. */
  async follow(event: RecordedEvent): Promise<void> {
    const kind = milestoneOfEventType(event.type);
    if (!kind) return;
    const caseId = event.metadata.caseId ?? event.streamId.slice(event.streamId.indexOf('-') + 1);
    const schema = this.config.INTAKE_SCHEMA;
    await this.dataSource.transaction(async (em) => {
      const sql = sqlOf(em);
      const indexed = await sql(`SELECT 1 FROM "${schema}".case_index WHERE case_id = $1 FOR UPDATE`, [
        caseId,
      ]);
      if (indexed.length === 0) throw new CaseNotIndexedYet(caseId);
      await recordMilestones(sql, schema, [{ eventId: event.eventId, caseId, kind, at: event.recordedAt }]);
      await refreshCaseStatus(sql, schema, [caseId]);
    });
  }
}
