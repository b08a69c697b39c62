import { Column, Entity, PrimaryColumn } from 'typeorm';

/* Collections' read models: rows derived from the collection stream, no worker names. */

const bigint = {
  type: 'bigint' as const,
  transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
};

/** One row per collection case: its money figures and what its age is counted from. */
@Entity({ name: 'collection_cases' })
export class CollectionCaseRow {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'case_number', nullable: true }) caseNumber!: string | null;
  @Column('text') office!: string;
  @Column('text', { nullable: true }) naics!: string | null;
  /** The NAICS sector (first two digits): collection rate by industry. */
  @Column('text', { nullable: true }) industry!: string | null;
  @Column('date', { name: 'opened_on' }) openedOn!: string;
  @Column('text') status!: string;
  @Column('text', { name: 'plan_status' }) planStatus!: string;
  @Column('text', { name: 'debtor_names' }) debtorNames!: string;
  @Column({ ...bigint, name: 'assessed_cents' }) assessedCents!: number;
  @Column({ ...bigint, name: 'collected_cents' }) collectedCents!: number;
  @Column({ ...bigint, name: 'disbursed_cents' }) disbursedCents!: number;
  @Column({ ...bigint, name: 'held_cents' }) heldCents!: number;
  @Column({ ...bigint, name: 'transferred_cents' }) transferredCents!: number;
  @Column({ ...bigint, name: 'written_off_cents' }) writtenOffCents!: number;
  @Column({ ...bigint, name: 'outstanding_cents' }) outstandingCents!: number;
  /** The date the oldest unpaid amount fell due: aging buckets count from it. */
  @Column('date', { name: 'aging_from', nullable: true }) agingFrom!: string | null;
  @Column('int') version!: number;
}

@Entity({ name: 'collection_installments' })
export class InstallmentRow {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId!: string;
  @PrimaryColumn('int', { name: 'installment_no' }) installmentNo!: number;
  @Column('date', { name: 'due_on' }) dueOn!: string;
  @Column({ ...bigint, name: 'amount_cents' }) amountCents!: number;
  @Column({ ...bigint, name: 'paid_cents' }) paidCents!: number;
  @Column('boolean') missed!: boolean;
}

/** Per-worker balances by worker id (identities stay in the stream). */
@Entity({ name: 'collection_worker_balances' })
export class WorkerBalanceRow {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('uuid', { name: 'worker_id' }) workerId!: string;
  @Column({ ...bigint, name: 'assessed_cents' }) assessedCents!: number;
  @Column({ ...bigint, name: 'collected_cents' }) collectedCents!: number;
  @Column({ ...bigint, name: 'disbursed_cents' }) disbursedCents!: number;
  @Column({ ...bigint, name: 'held_cents' }) heldCents!: number;
  @Column({ ...bigint, name: 'transferred_cents' }) transferredCents!: number;
  @Column({ ...bigint, name: 'written_off_cents' }) writtenOffCents!: number;
  @Column({ ...bigint, name: 'outstanding_cents' }) outstandingCents!: number;
  @Column('date', { name: 'unlocated_since', nullable: true }) unlocatedSince!: string | null;
}

@Entity({ name: 'collection_defaults' })
export class DefaultRow {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId!: string;
  @Column('date', { name: 'declared_on' }) declaredOn!: string;
  @Column({ ...bigint, name: 'balance_due_cents' }) balanceDueCents!: number;
  @Column('int', { name: 'missed_installments', array: true }) missedInstallments!: number[];
}

/** Where the projection stands in the event store; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn('text') name!: string;
  @Column('text', { name: 'tx_id' }) txId!: string;
  @Column('bigint') position!: string;
}

export const COLLECTIONS_ENTITIES = [
  CollectionCaseRow,
  InstallmentRow,
  WorkerBalanceRow,
  DefaultRow,
  ProjectionCheckpointRow,
];
