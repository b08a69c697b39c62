import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per complaint, keyed by the employer's normalized identity, for repeat-violator and
 * duplicate lookups. The FEIN is kept as digits only and never leaves intake except to staff.
 */
@Entity({ name: 'employer_index' })
export class EmployerIndexRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Index('employer_index_name')
  @Column('text', { name: 'normalized_name' })
  normalizedName!: string;

  @Index('employer_index_fein')
  @Column('text', { nullable: true })
  fein!: string | null;

  @Index('employer_index_address')
  @Column('text', { name: 'normalized_address' })
  normalizedAddress!: string;

  @Column('text', { name: 'employer_name' })
  employerName!: string;

  @Column('text', { nullable: true })
  naics!: string | null;

  @Column('text')
  status!: string;

  @Column('text', { name: 'case_number', nullable: true })
  caseNumber!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;
}
