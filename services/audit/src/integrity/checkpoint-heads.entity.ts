import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The stream heads a checkpoint's Merkle root was computed from, so that verification can name
 * the stream that changed. Their root must equal the one in the IntegrityCheckpointRecorded event.
 */
@Entity({ name: 'integrity_checkpoints' })
export class CheckpointHeadsRow {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('bigint')
  position!: string;

  @Column('text', { name: 'tx_bound' })
  txBound!: string;

  @Column('text', { name: 'merkle_root' })
  merkleRoot!: string;

  /** [[streamId, version, hash], ...] in stream id order. */
  @Column('jsonb')
  heads!: Array<[string, number, string]>;
}
