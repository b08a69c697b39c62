import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per investigation: open investigations by priority and age, and who carries them. */
@Entity({ name: 'investigations' })
export class InvestigationRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  @Column('text')
  priority!: string;

  @Column('text')
  office!: string;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  /** `open` or `closed`. */
  @Column('text')
  status!: string;

  @Column('text', { name: 'investigator_id', nullable: true })
  investigatorId!: string | null;

  /** `proposed`, `approved`, `issued`, or null before a proposal. */
  @Column('text', { name: 'determination_status', nullable: true })
  determinationStatus!: string | null;

  /** Back wages, damages and penalties of the issued determination. */
  @Column('bigint', { name: 'determined_cents', nullable: true })
  determinedCents!: string | null;

  /** The stream version of the latest HoursAndWagesRecorded, null before any. */
  @Column('int', { name: 'hours_version', nullable: true })
  hoursVersion!: number | null;

  /** The stream version of the latest BackWagesComputed, null before any. */
  @Column('int', { name: 'computed_version', nullable: true })
  computedVersion!: number | null;

  /**
   * What to do next (`assign_investigator` ... `close_investigation`, `none`): a column PostgreSQL
   * generates from the others (migration 1770000000000), never written.
   */
  @Column({ type: 'text', name: 'next_step', insert: false, update: false })
  nextStep!: string;

  @Column('int')
  version!: number;
}
