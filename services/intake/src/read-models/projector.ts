import {
  CatchUpSubscription,
  compareCheckpoints,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import { COMPLAINT_CATEGORY } from '@lse/contracts';
import type { Pool, PoolClient } from 'pg';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { TargetedIndustry } from '@lse/intake-domain';
import { CaseIndexRow } from './case-index/case-index.entity';
import { ComplaintQueueRow } from './complaint-queue/complaint-queue.entity';
import { EmployerIndexRow } from './employer-index/employer-index.entity';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';
import { projectEvents, sqlOf, type Sql } from './project-event';

export const PROJECTION_NAME = 'intake_read_models';

export interface ProjectorOptions {
  dataSource: DataSource;
  store: EventStore;
  targetedIndustries: readonly TargetedIndustry[];
  pollIntervalMs?: number;
  batchSize?: number;
  onError?(error: unknown): void;
  /** After each batch that applied: see `watchProjection` (@lse/service-kit). */
  onHandled?(): void;
}

const checkpointOf = (e: RecordedEvent): Checkpoint => ({ txId: e.txId, position: e.globalPosition });

/**
 * Keeps intake's read models up to date from the event store. Each batch and the checkpoint are
 * written in one transaction (exactly-once effect). The checkpoint row is locked first, so
 * replicas running the same projector never apply an event twice: events at or before the stored
 * checkpoint are skipped.
 *
 * The hot path is plain pg on the data source's pool, three round trips per batch whatever its
 * size (BEGIN + lock, the rows, checkpoint + COMMIT); TypeORM keeps the schema (entities,
 * migrations) and the queries.
 */
export class IntakeProjector {
  private subscription?: CatchUpSubscription;
  private readonly schema: string;
  private readonly pool: Pool;

  constructor(private readonly options: ProjectorOptions) {
    this.schema = schemaOf(options.dataSource);
    this.pool = poolOf(options.dataSource);
  }

  async start(): Promise<void> {
    const from = await this.options.dataSource.transaction((em) => lockedCheckpoint(em));
    this.subscription = new CatchUpSubscription(this.options.store, {
      from,
      filter: { categories: [COMPLAINT_CATEGORY] },
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

  /**
   * Resolves once the queue reflects each complaint at least at the given stream version: a
   * read-your-writes wait. (A subscription's own catch-up check cannot tell "nothing new" from
   * "held back behind another transaction still in flight", so it is not used for this.)
   */
  async waitFor(streams: Array<{ caseId: string; version: number }>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const repo = this.options.dataSource.getRepository(ComplaintQueueRow);
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
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // pg-pool listens for 'error' only on idle connections: one the server ends while checked out
    // here (a restart, a failover) would be an uncaught exception. The batch fails and is retried;
    // the dead connection is destroyed on release.
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      const stored = await beginLocked(client, this.schema);
      // At or before the stored checkpoint: another replica applied it already.
      const fresh = events.filter((e) => compareCheckpoints(checkpointOf(e), stored) > 0);
      await projectEvents(sqlOfClient(client), this.schema, fresh, this.options.targetedIndustries);
      const move = compareCheckpoints(checkpoint, stored) > 0;
      await client.query(move ? `${checkpointUpdate(this.schema, checkpoint)}; COMMIT` : 'COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
      client.removeListener('error', onError);
    }
  }
}

const sqlOfClient =
  (client: PoolClient): Sql =>
  async (text, params) =>
    (await client.query(text, params)).rows as unknown[];

/** `BEGIN` and the row-locked checkpoint in one round trip (created at START if missing). */
async function beginLocked(client: PoolClient, schema: string): Promise<Checkpoint> {
  const select = `SELECT tx_id, position::text AS position FROM "${schema}".projection_checkpoints
                   WHERE name = '${PROJECTION_NAME}' FOR UPDATE`;
  const results = (await client.query(`BEGIN; ${select}`)) as unknown as Array<{
    rows: Array<{ tx_id: string; position: string }>;
  }>;
  let rows = results[1].rows;
  if (rows.length === 0) {
    await client.query(
      `INSERT INTO "${schema}".projection_checkpoints (name, tx_id, position) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO NOTHING`,
      [PROJECTION_NAME, START.txId, START.position],
    );
    rows = (await client.query<{ tx_id: string; position: string }>(select)).rows;
  }
  return { txId: rows[0].tx_id, position: Number(rows[0].position) };
}

/** The checkpoint UPDATE with its values inlined (checked to be integers), so COMMIT can ride along. */
function checkpointUpdate(schema: string, checkpoint: Checkpoint): string {
  if (!/^\d+$/.test(checkpoint.txId) || !Number.isSafeInteger(checkpoint.position)) {
    throw new Error(`invalid checkpoint ${JSON.stringify(checkpoint)}`);
  }
  return `UPDATE "${schema}".projection_checkpoints SET tx_id = '${checkpoint.txId}', position = ${checkpoint.position}
           WHERE name = '${PROJECTION_NAME}'`;
}

function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid intake schema "${schema}"`);
  return schema;
}

/** The pg pool under an initialized TypeORM postgres data source. */
function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.connect !== 'function') {
    throw new Error('the intake data source must be an initialized postgres data source');
  }
  return pool;
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
 * locks out a running projector until commit), every complaint event is replayed in pages, and the
 * checkpoint is set where the replay ended. Readers see the old rows until the new ones commit.
 */
export async function rebuildIntakeReadModels(
  dataSource: DataSource,
  store: EventStore,
  targetedIndustries: readonly TargetedIndustry[],
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  return dataSource.transaction(async (em) => {
    await lockedCheckpoint(em);
    const tables = [ComplaintQueueRow, CaseIndexRow, EmployerIndexRow].map(
      (e) => em.getRepository(e).metadata.tablePath,
    );
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
    const sql = sqlOf(em);
    const schema = schemaOf(dataSource);
    for (;;) {
      const page = await store.readAfter(checkpoint, { categories: [COMPLAINT_CATEGORY], limit: 1000 });
      await projectEvents(sql, schema, page.events, targetedIndustries);
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
