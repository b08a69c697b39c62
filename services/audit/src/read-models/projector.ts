import {
  CatchUpSubscription,
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { ProjectionCheckpointRow } from './checkpoint.entity';
import { FoiaRequestRow } from './foia-request.entity';
import { projectEvents } from './project-event';
import { RetentionRecordRow } from './retention-record.entity';
import { TimelineRow } from './timeline.entity';

export const TIMELINE_PROJECTION = 'audit_timeline';

const checkpointOf = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });

/**
 * Audit's read models from the whole store (every category): a batch and its checkpoint in one
 * transaction; the checkpoint row is locked first, so replicas never apply an event twice.
 */
export class TimelineProjector {
  private subscription?: CatchUpSubscription;

  constructor(
    private readonly options: {
      dataSource: DataSource;
      store: EventStore;
      pollIntervalMs?: number;
      onError?(error: unknown): void;
      /** After each batch that applied: see `watchProjection` (@lse/service-kit). */
      onHandled?(): void;
    },
  ) {}

  async start(): Promise<void> {
    const from = await this.options.dataSource.transaction((em) => lockedCheckpoint(em));
    this.subscription = new CatchUpSubscription(this.options.store, {
      from,
      batchSize: 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      handle: (events, checkpoint) => this.handleBatch(events, checkpoint),
      onError: (error) => this.options.onError?.(error),
      onHandled: () => this.options.onHandled?.(),
    });
    this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  async handleBatch(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.options.dataSource.transaction(async (em) => {
      const stored = await lockedCheckpoint(em);
      // At or before the stored checkpoint: another replica applied it already.
      await projectEvents(
        em,
        events.filter((event) => compareCheckpoints(checkpointOf(event), stored) > 0),
      );
      if (compareCheckpoints(checkpoint, stored) > 0) await saveCheckpoint(em, checkpoint);
    });
  }
}

export async function lockedCheckpoint(em: EntityManager, lock = true): Promise<Checkpoint> {
  const repo = em.getRepository(ProjectionCheckpointRow);
  await repo
    .createQueryBuilder()
    .insert()
    .values({ name: TIMELINE_PROJECTION, txId: START.txId, position: String(START.position) })
    .orIgnore()
    .execute();
  const query = repo.createQueryBuilder('c').where('c.name = :name', { name: TIMELINE_PROJECTION });
  const row = await (lock ? query.setLock('pessimistic_write') : query).getOneOrFail();
  return { txId: row.txId, position: Number(row.position) };
}

async function saveCheckpoint(em: EntityManager, checkpoint: Checkpoint): Promise<void> {
  await em
    .getRepository(ProjectionCheckpointRow)
    .update({ name: TIMELINE_PROJECTION }, { txId: checkpoint.txId, position: String(checkpoint.position) });
}

export interface RebuildProgress {
  events: number;
  position: number;
  /** Events in the store when the rebuild started (for a progress bar). */
  total: number;
}

/**
 * Rebuilds the timeline, FOIA list and retention records from position 0 in one transaction (readers see the old
 * rows until it commits; a running projector waits on the checkpoint row lock).
 */
export async function rebuildTimeline(
  dataSource: DataSource,
  store: EventStore & {
    pool?: { query(sql: string): Promise<{ rows: Array<{ n: string }> }> };
    schema?: string;
  },
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const total =
    store.pool && store.schema
      ? Number((await store.pool.query(`SELECT count(*) AS n FROM ${store.schema}.events`)).rows[0].n)
      : 0;
  return dataSource.transaction(async (em) => {
    await lockedCheckpoint(em);
    const tables = [TimelineRow, FoiaRequestRow, RetentionRecordRow].map((e) =>
      em
        .getRepository(e)
        .metadata.tablePath.split('.')
        .map((p) => `"${p}"`)
        .join('.'),
    );
    await em.query(`TRUNCATE ${tables.join(', ')}`);
    let checkpoint: Checkpoint = START;
    const progress: RebuildProgress = { events: 0, position: 0, total };
    const read = (from: Checkpoint) => store.readAfter(from, { limit: 1000 });
    let next = read(checkpoint);
    for (;;) {
      const page = await next;
      const moved = compareCheckpoints(page.checkpoint, checkpoint) !== 0;
      const last = !moved || page.events.length === 0;
      // The next page is read (on the store's pool) while this one is written (on em's connection).
      if (!last) next = read(page.checkpoint);
      try {
        await projectEvents(em, page.events);
      } catch (err) {
        if (!last) await next.catch(() => undefined); // no read left running after the rollback
        throw err;
      }
      checkpoint = page.checkpoint;
      progress.events += page.events.length;
      progress.position = page.events.at(-1)?.globalPosition ?? progress.position;
      if (page.events.length) onProgress?.({ ...progress });
      if (last) break;
    }
    await saveCheckpoint(em, checkpoint);
    return progress;
  });
}
