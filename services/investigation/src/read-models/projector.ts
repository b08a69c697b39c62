import {
  CatchUpSubscription,
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import { INVESTIGATION_CATEGORY } from '@lse/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { FindingRow } from './findings/finding-row.entity';
import { InvestigationRow } from './investigations/investigation-row.entity';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';
import { projectEvent } from './project-event';

export const PROJECTION_NAME = 'investigation_read_models';

export interface ProjectorOptions {
  dataSource: DataSource;
  store: EventStore;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
}

const checkpointOf = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });

/**
 * Keeps the investigation read models up to date from the event store. Each batch and the checkpoint are
 * written in one transaction (exactly-once effect). The checkpoint row is locked first, so
 * replicas running the same projector never apply an event twice: events at or before the stored
 * checkpoint are skipped.
 */
export class InvestigationProjector {
  private subscription?: CatchUpSubscription;

  constructor(private readonly options: ProjectorOptions) {}

  async start(): Promise<void> {
    const from = await this.options.dataSource.transaction((em) => lockedCheckpoint(em));
    this.subscription = new CatchUpSubscription(this.options.store, {
      from,
      filter: { categories: [INVESTIGATION_CATEGORY] },
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

  /**
   * Resolves once the investigations table reflects each case at least at the given stream version: a
   * read-your-writes wait. (A subscription's own catch-up check cannot tell "nothing new" from
   * "held back behind another transaction still in flight", so it is not used for this.)
   */
  async waitFor(streams: Array<{ caseId: string; version: number }>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const repo = this.options.dataSource.getRepository(InvestigationRow);
    for (;;) {
      const rows = streams.length ? await repo.findBy({ caseId: In(streams.map((s) => s.caseId)) }) : [];
      const at = new Map(rows.map((r) => [r.caseId, r.version]));
      if (streams.every((s) => (at.get(s.caseId) ?? 0) >= s.version)) return;
      if (Date.now() > deadline) throw new Error('the read models did not catch up in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** One batch and its checkpoint, all or nothing. */
  async handleBatch(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.options.dataSource.transaction(async (em) => {
      const stored = await lockedCheckpoint(em);
      for (const event of events) {
        if (compareCheckpoints(checkpointOf(event), stored) <= 0) continue; // another replica did it
        await projectEvent(em, event);
      }
      if (compareCheckpoints(checkpoint, stored) > 0) await saveCheckpoint(em, checkpoint);
    });
  }
}

/** The projection's checkpoint, row-locked until the transaction ends (created at START). */
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

export interface RebuildProgress {
  events: number;
  position: number;
}

/**
 * Rebuilds the read models from position 0 in one transaction: the tables are emptied (which
 * locks out a running projector until commit), every investigation event is replayed in pages, and the
 * checkpoint is set where the replay ended. Readers see the old rows until the new ones commit.
 */
export async function rebuildInvestigationReadModels(
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  return dataSource.transaction(async (em) => {
    await lockedCheckpoint(em);
    const tables = [InvestigationRow, FindingRow].map((e) => em.getRepository(e).metadata.tablePath);
    await em.query(
      `TRUNCATE ${tables
        .map((t) =>
          t
            .split('.')
            .map((p) => `"${p}"`)
            .join('.'),
        )
        .join(', ')}`,
    );
    let checkpoint: Checkpoint = START;
    const progress: RebuildProgress = { events: 0, position: 0 };
    for (;;) {
      const page = await store.readAfter(checkpoint, { categories: [INVESTIGATION_CATEGORY], limit: 1000 });
      for (const event of page.events) await projectEvent(em, event);
      const moved = compareCheckpoints(page.checkpoint, checkpoint) !== 0;
      checkpoint = page.checkpoint;
      progress.events += page.events.length;
      progress.position = checkpoint.position;
      if (page.events.length) onProgress?.({ ...progress });
      if (!moved || page.events.length === 0) break;
    }
    await saveCheckpoint(em, checkpoint);
    return progress;
  });
}
