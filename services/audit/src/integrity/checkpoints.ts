import { randomUUID } from 'node:crypto';
import {
  IntegrityCheckpointRecorded,
  INTEGRITY_STREAM_ID,
  type IntegrityCheckpointRecorded as CheckpointData,
} from '@lse/contracts';
import { merkleRoot, type StreamHeadLeaf } from '@lse/audit-domain';
import {
  headsBelow,
  transactionHorizon,
  type PostgresEventStore,
  type RecordedEvent,
} from '@lse/event-store';
import type { DataSource } from 'typeorm';
import { CheckpointHeadsRow } from './checkpoint-heads.entity';

export interface RecordedCheckpoint {
  event: RecordedEvent;
  data: CheckpointData;
  /** False when nothing changed since the last checkpoint (none was appended). */
  appended: boolean;
}

/** The latest checkpoint event, if any. */
export async function latestCheckpoint(store: PostgresEventStore): Promise<RecordedEvent | undefined> {
  const version = await store.streamVersion(INTEGRITY_STREAM_ID);
  if (version === 0) return undefined;
  const [event] = await store.readStream(INTEGRITY_STREAM_ID, { fromVersion: version, toVersion: version });
  return event;
}

/**
 * Takes a checkpoint: the heads of every stream counting the events of transactions that have
 * all ended (below the oldest one in flight), their Merkle root, appended to the integrity stream
 * as IntegrityCheckpointRecorded. The heads are kept beside it so verification can name the
 * stream that changed. Nothing is appended when nothing changed since the last checkpoint.
 */
export async function recordCheckpoint(
  store: PostgresEventStore,
  dataSource: DataSource,
  now: () => Date = () => new Date(),
): Promise<RecordedCheckpoint> {
  const txBound = await transactionHorizon(store.pool);
  const { heads, events, position } = await headsBelow(store.pool, store.schema, txBound);
  // The integrity stream itself is left out: a checkpoint cannot commit to its own head.
  const covered = heads.filter((h) => h.streamId !== INTEGRITY_STREAM_ID);
  const root = merkleRoot(covered);
  const previous = await latestCheckpoint(store);
  const previousData = previous?.data as CheckpointData | undefined;
  if (previous && previousData?.merkleRoot === root)
    return { event: previous, data: previousData, appended: false };

  const eventId = randomUUID();
  const data: CheckpointData = {
    txBound,
    position,
    streams: covered.length,
    events:
      events - heads.filter((h) => h.streamId === INTEGRITY_STREAM_ID).reduce((n, h) => n + h.version, 0),
    merkleRoot: root,
    previousRoot: previousData?.merkleRoot ?? '',
    takenAt: now().toISOString(),
  };
  await dataSource.getRepository(CheckpointHeadsRow).insert({
    eventId,
    position: String(position),
    txBound,
    merkleRoot: root,
    heads: covered.map((h) => [h.streamId, h.version, h.hash] as [string, number, string]),
  });
  const event = IntegrityCheckpointRecorded.create({
    eventId,
    data,
    metadata: {
      actor: { id: 'audit', role: 'system' },
      correlationId: eventId,
      sourceService: 'audit',
      occurredAt: data.takenAt,
    },
  });
  await store.append(INTEGRITY_STREAM_ID, [event], previous ? previous.streamVersion : 'no_stream');
  const [recorded] = await store.readStream(INTEGRITY_STREAM_ID, {
    fromVersion: (previous?.streamVersion ?? 0) + 1,
    toVersion: (previous?.streamVersion ?? 0) + 1,
  });
  return { event: recorded, data, appended: true };
}

/** The heads a checkpoint recorded (from the side table), if they are there and match its root. */
export async function recordedHeads(
  dataSource: DataSource,
  event: RecordedEvent,
): Promise<StreamHeadLeaf[] | 'missing' | 'mismatch'> {
  const row = await dataSource.getRepository(CheckpointHeadsRow).findOneBy({ eventId: event.eventId });
  if (!row) return 'missing';
  const heads = row.heads.map(([streamId, version, hash]) => ({ streamId, version, hash }));
  return merkleRoot(heads) === (event.data as CheckpointData).merkleRoot ? heads : 'mismatch';
}
