import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** FOIA requests for the officers' list (no requester identity: that stays in the stream). */
@Entity({ name: 'foia_requests' })
@Index('foia_requests_order', ['receivedAt', 'requestId'])
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
}
