import {
  CatchUpSubscription,
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The checkpoint row every service's read-model schema has (`projection_checkpoints`). */
export interface CheckpointRowShape {
  name: string;
  /** Transaction id (xid8) as a decimal string. */
  txId: string;
  position: string;
}

/** What makes one service's read models: the rest (checkpointing, batching, rebuild) is shared. */
export interface ProjectionSpec {
  /** The checkpoint row's name. */
  name: string;
  categories: string[];
  checkpointEntity: EntityTarget<CheckpointRowShape>;
  /** The tables a rebuild empties before replaying from position 0. */
  tables: EntityTarget<ObjectLiteral>[];
  /** Applies events (in store order, all past the stored checkpoint) inside the batch's transaction. */
  apply(em: EntityManager, events: RecordedEvent[], store: EventStore): Promise<void>;
}

export interface ProjectionRuntimeOptions {
  dataSource: DataSource;
  store: EventStore;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
  /** After each batch that applied (or read with nothing to apply): see `watchProjection`. */
  onHandled?(): void;
}

export interface RebuildProgress {
  events: number;
  position: number;
}

const checkpointOf = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });

/**
 * Keeps a service's read models up to date from the event store. Each batch and the checkpoint are
 * written in one transaction (exactly-once effect). The checkpoint row is locked first, so
 * replicas running the same projection never apply an event twice: events at or before the stored
 * checkpoint are skipped.
 */
export class CheckpointedProjection {
  private subscription?: CatchUpSubscription;

  constructor(
    protected readonly spec: ProjectionSpec,
    protected readonly options: ProjectionRuntimeOptions,
  ) {}

  async start(): Promise<void> {
    const from = await this.options.dataSource.transaction((em) => lockedCheckpoint(em, this.spec));
    this.subscription = new CatchUpSubscription(this.options.store, {
      from,
      filter: { categories: this.spec.categories },
      batchSize: this.options.batchSize ?? 200,
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

  /** One batch and its checkpoint, all or nothing. */
  async handleBatch(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.options.dataSource.transaction(async (em) => {
      const stored = await lockedCheckpoint(em, this.spec);
      // Another replica may have applied part of this batch already.
      const fresh = events.filter((e) => compareCheckpoints(checkpointOf(e), stored) > 0);
      if (fresh.length) await this.spec.apply(em, fresh, this.options.store);
      if (compareCheckpoints(checkpoint, stored) > 0) await saveCheckpoint(em, this.spec, checkpoint);
    });
  }

  /**
   * Polls until `caughtUp` holds: a read-your-writes wait on the read models themselves. (A
   * subscription's own catch-up check cannot tell "nothing new" from "held back behind another
   * transaction still in flight", so it is not used for this.)
   */
  protected async pollUntil(caughtUp: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await caughtUp())) {
      if (Date.now() > deadline) throw new Error('the read models did not catch up in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** The projection's checkpoint, row-locked until the transaction ends (created at START). */
export async function lockedCheckpoint(em: EntityManager, spec: ProjectionSpec): Promise<Checkpoint> {
  const repo = em.getRepository(spec.checkpointEntity);
  await repo
    .createQueryBuilder()
    .insert()
    .values({ name: spec.name, txId: START.txId, position: String(START.position) })
    .orIgnore()
    .execute();
  const row = await repo
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.name = :name', { name: spec.name })
    .getOneOrFail();
  return { txId: row.txId, position: Number(row.position) };
}

async function saveCheckpoint(
  em: EntityManager,
  spec: ProjectionSpec,
  checkpoint: Checkpoint,
): Promise<void> {
  await em
    .getRepository(spec.checkpointEntity)
    .update({ name: spec.name }, { txId: checkpoint.txId, position: String(checkpoint.position) });
}

/**
 * Rebuilds the read models from position 0 in one transaction: the tables are emptied (which
 * locks out a running projection until commit), every event of the categories is replayed in
 * pages, and the checkpoint is set where the replay ended. Readers see the old rows until commit.
 */
export async function rebuildProjection(
  spec: ProjectionSpec,
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  return dataSource.transaction(async (em) => {
    await lockedCheckpoint(em, spec);
    const tables = spec.tables.map((t) => em.getRepository(t).metadata.tablePath);
    await em.query(`TRUNCATE ${tables.map(quotePath).join(', ')}`);
    let checkpoint: Checkpoint = START;
    const progress: RebuildProgress = { events: 0, position: 0 };
    for (;;) {
      const page = await store.readAfter(checkpoint, { categories: spec.categories, limit: 1000 });
      if (page.events.length) await spec.apply(em, page.events, store);
      const moved = compareCheckpoints(page.checkpoint, checkpoint) !== 0;
      checkpoint = page.checkpoint;
      progress.events += page.events.length;
      progress.position = checkpoint.position;
      if (page.events.length) onProgress?.({ ...progress });
      if (!moved || page.events.length === 0) break;
    }
    await saveCheckpoint(em, spec, checkpoint);
    return progress;
  });
}

const quotePath = (path: string) =>
  path
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
