import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Opened cases by number: the unique constraint backs the "a case number is unique" invariant. */
@Entity({ name: 'case_index' })
@Index('case_index_order', ['openedAt', 'caseId'])
export class CaseIndexRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Index('case_index_case_number', { unique: true })
  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  @Column('text', { name: 'employer_name' })
  employerName!: string;

  /** Digits only. */
  @Column('text', { name: 'employer_fein', nullable: true })
  employerFein!: string | null;

  /** One of CASE_STATUSES, derived from the case's milestones (case_milestones). */
  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'status_changed_at' })
  statusChangedAt!: Date;

  @Column('text')
  priority!: string;

  @Column('text')
  office!: string;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;
}
