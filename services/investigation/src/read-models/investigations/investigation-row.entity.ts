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

  @Column('int')
  version!: number;
}
