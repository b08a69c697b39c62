import {
  CatchUpSubscription,
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import { COLLECTION_CATEGORY, collectionStreamId } from '@lse/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { collectionEventOf } from '../handling/collection-events';
import {
  CollectionCaseRow,
  DefaultRow,
  InstallmentRow,
  ProjectionCheckpointRow,
  WorkerBalanceRow,
} from './entities';
import { projectCase } from './project-case';

export const PROJECTION_NAME = 'collections_read_models';

export interface ProjectorOptions {
  dataSource: DataSource;
  store: EventStore;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
}

const checkpointOf = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });
const caseIdOf = (e: RecordedEvent) =>
  e.metadata.caseId ?? e.streamId.slice(`${COLLECTION_CATEGORY}-`.length);

/**
 * Keeps the read models up to date from the event store. Each batch and the checkpoint are
 * written in one transaction (exactly-once effect); the checkpoint row is locked first, so
 * replicas never apply a batch twice. A case touched by the batch is recomputed from its stream
 * up to the batch's last version of it.
 */
export class CollectionsProjector {
  private subscription?: CatchUpSubscription;

  constructor(private readonly options: ProjectorOptions) {}

  async start(): Promise<void> {
    const from = await this.options.dataSource.transaction((em) => lockedCheckpoint(em));
    this.subscription = new CatchUpSubscription(this.options.store, {
      from,
      filter: { categories: [COLLECTION_CATEGORY] },
      batchSize: this.options.batchSize ?? 200,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      handle: (events, checkpoint) => this.handleBatch(events, checkpoint),
      onError: (error) => this.options.onError?.(error),
    });
    this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Resolves once the case rows reflect each case at least at the given stream version. */
  async waitFor(caseId: string, version: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const repo = this.options.dataSource.getRepository(CollectionCaseRow);
    for (;;) {
      const row = await repo.findOneBy({ caseId });
      if ((row?.version ?? 0) >= version) return;
      if (Date.now() > deadline) throw new Error('the read models did not catch up in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async handleBatch(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.options.dataSource.transaction(async (em) => {
      const stored = await lockedCheckpoint(em);
      const latest = new Map<string, number>();
      for (const event of events) {
        if (compareCheckpoints(checkpointOf(event), stored) <= 0) continue; // another replica did it
        latest.set(caseIdOf(event), Math.max(latest.get(caseIdOf(event)) ?? 0, event.streamVersion));
      }
      for (const [caseId, version] of latest) await this.project(em, caseId, version);
      if (compareCheckpoints(checkpoint, stored) > 0) await saveCheckpoint(em, checkpoint);
    });
  }

  private async project(em: EntityManager, caseId: string, version: number): Promise<void> {
    const recorded = await this.options.store.readStream(collectionStreamId(caseId), { toVersion: version });
    await projectCase(em, caseId, recorded.map(collectionEventOf), version);
  }
}

export async function lockedCheckpoint(em: EntityManager): Promise<Checkpoint> {
  const repo = em.getRepository(ProjectionCheckpointRow);
  await repo
    .createQueryBuilder()
    .insert()
    .values({ name: PROJECTION_NAME, txId: START.txId, position: String(START.position) })
    .orIgnore()
    .execute();
  const row = await repo
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.name = :name', { name: PROJECTION_NAME })
    .getOneOrFail();
  return { txId: row.txId, position: Number(row.position) };
}

async function saveCheckpoint(em: EntityManager, checkpoint: Checkpoint): Promise<void> {
  await em
    .getRepository(ProjectionCheckpointRow)
    .update({ name: PROJECTION_NAME }, { txId: checkpoint.txId, position: String(checkpoint.position) });
}

/**
 * Rebuilds the read models from position 0 in one transaction: the tables are emptied, every
 * case of the collection stream is recomputed, and the checkpoint is set where the replay ended.
 */
export async function rebuildCollectionsReadModels(
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: { events: number; position: number }) => void,
): Promise<{ events: number; position: number }> {
  return dataSource.transaction(async (em) => {
    await lockedCheckpoint(em);
    for (const entity of [CollectionCaseRow, InstallmentRow, WorkerBalanceRow, DefaultRow])
      await em.getRepository(entity).clear();
    let checkpoint: Checkpoint = START;
    const progress = { events: 0, position: 0 };
    const latest = new Map<string, number>();
    for (;;) {
      const page = await store.readAfter(checkpoint, { categories: [COLLECTION_CATEGORY], limit: 1000 });
      for (const e of page.events)
        latest.set(caseIdOf(e), Math.max(latest.get(caseIdOf(e)) ?? 0, e.streamVersion));
      const moved = compareCheckpoints(page.checkpoint, checkpoint) !== 0;
      checkpoint = page.checkpoint;
      progress.events += page.events.length;
      progress.position = checkpoint.position;
      if (page.events.length) onProgress?.({ ...progress });
      if (!moved || page.events.length === 0) break;
    }
    for (const [caseId, version] of latest) {
      const recorded = await store.readStream(collectionStreamId(caseId), { toVersion: version });
      await projectCase(em, caseId, recorded.map(collectionEventOf), version);
    }
    await saveCheckpoint(em, checkpoint);
    return progress;
  });
}
