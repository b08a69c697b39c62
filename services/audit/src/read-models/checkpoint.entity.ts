import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a projection stands in the event store; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn('text')
  name!: string;

  @Column('text', { name: 'tx_id' })
  txId!: string;

  @Column('bigint')
  position!: string;
}
