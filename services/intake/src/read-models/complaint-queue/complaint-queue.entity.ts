import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per complaint: what intake staff pick their next complaint from. No personal data.
 * The table's `language` column (the dashboard's count by language) is left off this entity on
 * purpose: it is read only by the dashboard's SQL, so no list of complaints ever returns it.
 */
@Entity({ name: 'complaint_queue' })
@Index('complaint_queue_order', ['receivedAt', 'caseId'])
export class ComplaintQueueRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  status!: string;

  @Column('text', { nullable: true })
  priority!: string | null;

  @Column('int', { nullable: true })
  score!: number | null;

  @Column('text')
  office!: string;

  @Column('text')
  channel!: string;

  @Column('text', { nullable: true })
  naics!: string | null;

  /** The targeted high-violation industry the NAICS code falls in, if any. */
  @Column('text', { nullable: true })
  industry!: string | null;

  @Column('text', { name: 'employer_name' })
  employerName!: string;

  @Column('int', { name: 'workers_affected' })
  workersAffected!: number;

  @Column('boolean')
  ongoing!: boolean;

  @Column('date', { name: 'limitations_expires_on', nullable: true })
  limitationsExpiresOn!: string | null;

  @Column('text', { name: 'limitations_warning', nullable: true })
  limitationsWarning!: string | null;

  @Column('text', { name: 'case_number', nullable: true })
  caseNumber!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** The complaint stream's version this row reflects (the ETag a client would send). */
  @Column('int')
  version!: number;
}
