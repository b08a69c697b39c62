import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Findings per case: violations, back-wage computations, civil penalties, retaliation concerns
 * and the determination, one row each, with what a list shows (no interview content, no names).
 */
@Entity({ name: 'findings' })
export class FindingRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'finding_id' })
  findingId!: string;

  /** violation | back_wages | civil_penalty | retaliation_concern | determination */
  @Column('text')
  kind!: string;

  /** Violation type, rule sets of a computation, retaliation kind, or the determination's status. */
  @Column('text')
  label!: string;

  @Column('text', { nullable: true })
  statute!: string | null;

  @Column('bigint', { name: 'amount_cents', nullable: true })
  amountCents!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  /** The stream version that recorded it. */
  @Column('int')
  version!: number;
}
