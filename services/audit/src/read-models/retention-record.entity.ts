import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * When each record closed, for the retention review (docs/architecture.md#records-management):
 * one row per record type and case (or FOIA request), from the closing events of every service.
 */
@Entity({ name: 'retention_records' })
@Index('retention_records_closed', ['closedOn'])
export class RetentionRecordRow {
  @PrimaryColumn('text', { name: 'record_type' })
  recordType!: string;

  /** The case id; a FOIA request's id for its record. */
  @PrimaryColumn('uuid', { name: 'record_id' })
  recordId!: string;

  /** The case a hold would be on; null for a FOIA request. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  /** The closing date (YYYY-MM-DD); null while open (or reopened). */
  @Column('text', { name: 'closed_on', nullable: true })
  closedOn!: string | null;

  /** The event that closed it. */
  @Column('text', { name: 'closed_by', nullable: true })
  closedBy!: string | null;

  /** A later stage of the case governs instead (the complaint became a case; collections opened). */
  @Column('boolean', { default: false })
  superseded!: boolean;

  /** The global position of the last event applied (an older one changes nothing). */
  @Column('bigint')
  position!: string;
}
