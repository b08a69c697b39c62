import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Opened cases by number, and complaints that ended at intake without a case (declined, referred
 * out, duplicate, merged: no number). The unique constraint backs the "a case number is unique"
 * invariant; complaints without a number do not collide.
 */
@Entity({ name: 'case_index' })
@Index('case_index_order', ['listedAt', 'caseId'])
export class CaseIndexRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Index('case_index_case_number', { unique: true })
  @Column('text', { name: 'case_number', nullable: true })
  caseNumber!: string | null;

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

  /** Null for a complaint never triaged. */
  @Column('text', { nullable: true })
  priority!: string | null;

  @Column('text')
  office!: string;

  /** Null for a complaint that ended at intake. */
  @Column('timestamptz', { name: 'opened_at', nullable: true })
  openedAt!: Date | null;

  /** When it entered the index (opened, or ended at intake): the list's order, with caseId. */
  @Column('timestamptz', { name: 'listed_at' })
  listedAt!: Date;
}
