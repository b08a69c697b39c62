import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The partner directory: one row per partner, with its point people (flagged below two). */
@Entity({ name: 'partner_directory' })
@Index('partner_directory_order', ['registeredAt', 'partnerId'])
export class PartnerDirectoryRow {
  @PrimaryColumn('uuid', { name: 'partner_id' }) partnerId!: string;
  @Column('text') name!: string;
  @Column('text') type!: string;
  @Column('text', { array: true }) languages!: string[];
  @Column('text', { array: true }) industries!: string[];
  @Column('text') region!: string;
  @Column('text') office!: string;
  @Column('boolean') active!: boolean;
  /** Point people: name, role and work contact (staff of the partner; never logged). */
  @Column('jsonb') contacts!: Array<{
    contactId: string;
    name: string;
    role?: string;
    email?: string;
    phone?: string;
  }>;
  @Column('int', { name: 'contact_count' }) contactCount!: number;
  @Column('int', { name: 'meeting_count' }) meetingCount!: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('int') version!: number;
}

@Entity({ name: 'agreements' })
@Index('agreements_expiry', ['status', 'expiresOn'])
export class AgreementRow {
  @PrimaryColumn('uuid', { name: 'agreement_id' }) agreementId!: string;
  @Column('text') type!: string;
  @Column('text') title!: string;
  @Column('uuid', { name: 'partner_ids', array: true }) partnerIds!: string[];
  @Column('text', { array: true }) scope!: string[];
  @Column('text', { name: 'sharing_level' }) sharingLevel!: string;
  @Column('text') status!: string;
  @Column('date', { name: 'effective_on' }) effectiveOn!: string;
  @Column('date', { name: 'expires_on' }) expiresOn!: string;
  @Column('bigint', { name: 'funded_amount_cents', nullable: true }) fundedAmountCents!: string | null;
  @Column('int', { name: 'clause_version' }) clauseVersion!: number;
  @Column('timestamptz', { name: 'drafted_at' }) draftedAt!: Date;
  @Column('int') version!: number;
}

/** Each referral's status, for its partner and the liaison. No worker's name or contact is copied here. */
@Entity({ name: 'referral_status' })
@Index('referral_status_order', ['submittedAt', 'referralId'])
export class ReferralStatusRow {
  @PrimaryColumn('uuid', { name: 'referral_id' }) referralId!: string;
  @Index('referral_status_partner')
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;
  @Column('text') status!: string;
  @Column('text', { name: 'employer_name' }) employerName!: string;
  @Column('int', { name: 'worker_count' }) workerCount!: number;
  @Column('text', { name: 'decline_reason', nullable: true }) declineReason!: string | null;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  /** Each worker's consent as it stands, in the order referred. The list answers counts only. */
  @Column('jsonb') consents!: Array<{ workerId: string; version: number; scopes: string[] }>;
  @Column('int') version!: number;
}

/** The disclosure ledger: every StatusSharedWithPartner and every DisclosureWithheld, in order. */
@Entity({ name: 'disclosure_ledger' })
@Index('disclosure_ledger_order', ['at', 'eventId'])
export class DisclosureRow {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Index('disclosure_ledger_referral')
  @Column('uuid', { name: 'referral_id' })
  referralId!: string;
  @Index('disclosure_ledger_partner')
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;
  /** shared | withheld */
  @Column('text') kind!: string;
  @Column('text') milestone!: string;
  /** Exactly the fields sent (empty when withheld). */
  @Column('jsonb') fields!: Record<string, unknown>;
  @Column('text', { name: 'withheld_fields', array: true }) withheldFields!: string[];
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('uuid', { name: 'agreement_id', nullable: true }) agreementId!: string | null;
  @Column('int', { name: 'clause_version', nullable: true }) clauseVersion!: number | null;
  @Column('text', { name: 'sharing_level', nullable: true }) sharingLevel!: string | null;
  /** Consent versions relied on: [{workerId, version, scopes}]. */
  @Column('jsonb') consents!: Array<{ workerId: string; version: number; scopes: string[] }>;
  @Column('timestamptz') at!: Date;
}

@Entity({ name: 'outreach_events' })
@Index('outreach_events_order', ['heldOn', 'outreachId'])
export class OutreachRow {
  @PrimaryColumn('uuid', { name: 'outreach_id' }) outreachId!: string;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('date', { name: 'held_on' }) heldOn!: string;
  @Column('text') office!: string;
  @Column('uuid', { name: 'partner_ids', array: true }) partnerIds!: string[];
  @Column('int') attendance!: number;
  @Column('text', { array: true }) languages!: string[];
  @Column('text', { array: true }) industries!: string[];
}

@Entity({ name: 'partner_meetings' })
@Index('partner_meetings_order', ['partnerId', 'heldOn', 'meetingId'])
export class MeetingRow {
  @PrimaryColumn('uuid', { name: 'meeting_id' }) meetingId!: string;
  @Column('uuid', { name: 'partner_id' }) partnerId!: string;
  @Column('date', { name: 'held_on' }) heldOn!: string;
  @Column('text') kind!: string;
  @Column('int', { name: 'agency_attendees' }) agencyAttendees!: number;
  @Column('int', { name: 'partner_attendees' }) partnerAttendees!: number;
  @Column('text', { array: true }) topics!: string[];
}

/** Where the projection stands in the event store; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn('text') name!: string;
  @Column('text', { name: 'tx_id' }) txId!: string;
  @Column('bigint') position!: string;
}

export const PARTNERS_ENTITIES = [
  PartnerDirectoryRow,
  AgreementRow,
  ReferralStatusRow,
  DisclosureRow,
  OutreachRow,
  MeetingRow,
  ProjectionCheckpointRow,
];
