import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** FOIA requests for the officers' list (no requester identity: that stays in the stream). */
@Entity({ name: 'foia_requests' })
@Index('foia_requests_order', ['receivedAt', 'requestId'])
@Index('foia_requests_queue', ['queueKey', 'requestId'])
export class FoiaRequestRow {
  @PrimaryColumn('uuid', { name: 'request_id' })
  requestId!: string;

  @Column('text')
  status!: string;

  @Column('uuid', { array: true, name: 'case_ids' })
  caseIds!: string[];

  @Column('text', { name: 'requester_organization', nullable: true })
  requesterOrganization!: string | null;

  @Column('text', { name: 'received_at' })
  receivedAt!: string;

  @Column('int')
  overrides!: number;

  /** The release's cut-off once released, else the latest compilation's; null before the first. */
  @Column('text', { nullable: true })
  cutoff!: string | null;

  @Column('text', { name: 'package_sha256', nullable: true })
  packageSha256!: string | null;

  @Column('int')
  version!: number;

  /** Whose rule counts the request's days (null on rows projected before the clock). */
  @Column('text', { nullable: true })
  jurisdiction!: string | null;

  /** The due date the clock runs to; null while tolled, or when the calendar does not cover it. */
  @Column('text', { name: 'due_on', nullable: true })
  dueOn!: string | null;

  @Column('int', { name: 'tolled_days_left', nullable: true })
  tolledDaysLeft!: number | null;

  /** The tracking number the acknowledgment gave (FoiaRequestAcknowledged). */
  @Column('text', { name: 'tracking_number', nullable: true })
  trackingNumber!: string | null;

  /** Cents still owed on the fee (0 once paid or waived); null when no fee was estimated. */
  @Column('int', { name: 'fee_owed_cents', nullable: true })
  feeOwedCents!: number | null;

  /** Releases made: installments and the final one. */
  @Column('int', { default: 0 })
  releases!: number;

  /** The last day for the appeal's decision while one is pending. */
  @Column('text', { name: 'appeal_due_on', nullable: true })
  appealDueOn!: string | null;

  /** The queue's order (see `queueKeyOf`): running clocks by due date, then tolled, then released. */
  @Column('text', { name: 'queue_key', default: '' })
  queueKey!: string;
}
