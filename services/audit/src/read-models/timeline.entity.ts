import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event of any service's streams that belongs to a case: the case timeline across services. */
@Entity({ name: 'case_timeline' })
@Index('case_timeline_case', ['caseId', 'position'])
export class TimelineRow {
  @PrimaryColumn('bigint')
  position!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'stream_id' })
  streamId!: string;

  @Column('text')
  category!: string;

  @Column('int', { name: 'stream_version' })
  streamVersion!: number;

  @Column('text')
  type!: string;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  @Column('text', { name: 'actor_org', nullable: true })
  actorOrg!: string | null;

  /** As the command gave it (ISO-8601 text, offset kept). */
  @Column('text', { name: 'occurred_at' })
  occurredAt!: string;

  @Column('text', { name: 'recorded_at' })
  recordedAt!: string;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('text', { name: 'causation_id', nullable: true })
  causationId!: string | null;

  @Column('text', { name: 'source_service' })
  sourceService!: string;
}
