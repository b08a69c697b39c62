import { Pool } from 'pg';
import { CategoryNotOwnedError } from '../errors';
import type {
  AppendListener,
  AppendResult,
  Checkpoint,
  EventFilter,
  EventStore,
  AppendOptions,
  ExpectedVersion,
  NewEvent,
  ReadAfterResult,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  VerifyReport,
} from '../port';
import { categoryOf } from '../stream-id';
import { appendPrepared, prepareAppend } from './append';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import { assertSchemaName } from './migrate';
import { filterClauses } from './filters';
import { readAfter } from './read-after';
import { EVENT_COLUMNS, EVENT_TYPES, EventRow, toRecorded } from './rows';
import { verifyAllStreams, verifyCaseStreams, verifyOneStream } from './verify';

export interface PostgresEventStoreOptions {
  /** A pool the caller owns, or a connection string for a pool the store owns and closes. */
  pool?: Pool;
  connectionString?: string;
  /** Size of the pool the store makes from `connectionString` (default 20). */
  poolMax?: number;
  schema?: string;
  /** The service this store appends for; used in ownership errors. */
  service: string;
  /** Stream categories this service may append to; omit only for tools that never append. */
  categories?: readonly string[];
  /** When events are recorded: the infrastructure's clock, injectable for tests. */
  now?: () => Date;
  /** Upcasts stored events of older schema versions on read (hashes are checked on raw rows). */
  upcast?: (event: RecordedEvent) => RecordedEvent;
  /**
   * Group commit: concurrent appends share one statement and one transaction (see GroupCommit).
   * Each is still decided on its own; an append waits at most for the batch before it. Off by
   * default: a caller that appends one event at a time gains nothing from it.
   */
  groupCommit?: boolean | GroupCommitOptions;
}

const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;

export class PostgresEventStore implements EventStore {
  readonly schema: string;
  readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly categories?: ReadonlySet<string>;
  private readonly listeners = new Set<AppendListener>();
  private readonly now: () => Date;
  private readonly upcast: (event: RecordedEvent) => RecordedEvent;
  private readonly group?: GroupCommit;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.schema = assertSchemaName(options.schema ?? 'event_store');
    this.ownsPool = !options.pool;
    this.pool =
      options.pool ?? new Pool({ connectionString: options.connectionString, max: options.poolMax ?? 20 });
    if (this.ownsPool) this.pool.on('error', () => undefined); // idle clients lost in a restart are replaced
    this.categories = options.categories ? new Set(options.categories) : undefined;
    this.now = options.now ?? (() => new Date());
    this.upcast = options.upcast ?? ((e) => e);
    if (options.groupCommit) {
      const groupOptions = options.groupCommit === true ? {} : options.groupCommit;
      this.group = new GroupCommit(this.pool, this.schema, groupOptions);
    }
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOwned(streamId);
    const prepared = prepareAppend(streamId, events, expected, this.now(), options.subjectKeys);
    const committed = this.group
      ? await this.group.append(prepared)
      : await appendPrepared(this.pool, this.schema, prepared, this.pool);
    if (!committed.result.alreadyStored)
      for (const listener of this.listeners)
        listener(streamId, committed.result.positions, committed.appended);
    return committed.result;
  }

  /** Refuses streams outside the service's categories before anything reaches the database. */
  assertOwned(streamId: string): void {
    const category = categoryOf(streamId);
    if (this.categories && !this.categories.has(category)) {
      throw new CategoryNotOwnedError(category, this.options.service);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [
      streamId,
      options.fromVersion ?? 1,
      options.toVersion ?? Number.MAX_SAFE_INTEGER,
    ];
    let asOf = '';
    if (options.asOf !== undefined) {
      params.push(new Date(options.asOf));
      asOf = ` AND recorded_at <= $4`;
    }
    const { rows } = await this.pool.query<EventRow>({
      text: `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
              WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3${asOf} ORDER BY stream_version`,
      values: params,
      types: EVENT_TYPES,
    });
    return rows.map((r) => this.upcast(toRecorded(r)));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>(
      `SELECT version FROM ${this.schema}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows.length ? Number(rows[0].version) : 0;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const limit = pageSize(options.limit);
    const params: unknown[] = [options.fromPosition ?? 0, limit + 1];
    const where = ['global_position > $1', ...filterClauses(options, params)];
    if (options.asOf !== undefined) {
      params.push(new Date(options.asOf));
      where.push(`recorded_at <= $${params.length}`);
    }
    const { rows } = await this.pool.query<EventRow>({
      text: `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE ${where.join(' AND ')}
              ORDER BY global_position LIMIT $2`,
      values: params,
      types: EVENT_TYPES,
    });
    return this.page(rows, limit);
  }

  async readCase(
    caseId: string,
    options: { fromPosition?: number; limit?: number; asOf?: string | Date } = {},
  ): Promise<ReadAllPage> {
    return this.readAll({ ...options, caseId });
  }

  async readAfter(
    checkpoint: Checkpoint,
    options: EventFilter & { limit?: number } = {},
  ): Promise<ReadAfterResult> {
    const result = await readAfter(this.pool, this.schema, checkpoint, options, pageSize(options.limit));
    return { ...result, events: result.events.map(this.upcast) };
  }

  verifyStream(streamId: string): Promise<VerifyReport> {
    return verifyOneStream(this.pool, this.schema, streamId);
  }

  verifyAll(): Promise<VerifyReport> {
    return verifyAllStreams(this.pool, this.schema);
  }

  verifyCase(caseId: string, recordedUntil?: string): Promise<VerifyReport> {
    return verifyCaseStreams(this.pool, this.schema, caseId, recordedUntil);
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    if (this.ownsPool) await this.pool.end();
  }

  private page(rows: EventRow[], limit: number): ReadAllPage {
    const more = rows.length > limit;
    const events = rows.slice(0, limit).map((r) => this.upcast(toRecorded(r)));
    return { events, nextPosition: more ? events[events.length - 1].globalPosition : null };
  }
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  return Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
}
