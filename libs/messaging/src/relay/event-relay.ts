import type { AppendedEvent, Checkpoint, EventStore, RecordedEvent } from '@lse/event-store';
import { categoryOf, compareCheckpoints, START, Wakeup } from '@lse/event-store';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { eventSubject, HEADERS } from '../subjects';
import { Leadership } from './leadership';

export interface EventRelayOptions {
  /** Unique per service, e.g. `intake`: names the checkpoint row and the leadership lock. */
  name: string;
  store: EventStore;
  nc: NatsConnection;
  /** For the leadership connection and the checkpoint table. */
  connectionString: string;
  /** Schema holding `relay_checkpoints` (see `migrateMessaging`). */
  schema: string;
  /** The categories this service owns and relays. */
  categories: readonly string[];
  /**
   * The leader publishes this process's appends as soon as they commit (the store hands them
   * over with its append notice), instead of when the catch-up read reaches them. Default true;
   * false: local appends only wake the catch-up read.
   */
  publishOnCommit?: boolean;
  batchSize?: number;
  pollIntervalMs?: number;
  standbyRetryMs?: number;
  onError?(error: unknown): void;
  onPublished?(count: number): void;
}

/** Events published ahead of the checkpoint at most; beyond, local appends wait for the catch-up read. */
const MAX_AHEAD = 10_000;

/**
 * Tails the event store for the service's own categories and publishes each event to
 * JetStream with `Nats-Msg-Id` = event id. The store is the outbox: nothing is written twice.
 * A batch's checkpoint is saved only after JetStream acknowledged all of it, so a crash
 * re-publishes only what came after the checkpoint, which the server de-duplicates.
 *
 * The catch-up read (store.readAfter) publishes every event, in (transaction, position) order,
 * once no transaction can commit behind it. The leader also publishes its own process's
 * appends right after they commit (unless `publishOnCommit` is false), each only once its
 * stream's previous event is published (a stream's events stay in order); the catch-up read then
 * skips what JetStream has already acknowledged. That fast path can only add publications early, never leave one out.
 */
export class EventRelay {
  private readonly js: JetStreamClient;
  private readonly leadership: Leadership;
  private checkpoint: Checkpoint = START;
  /** Leader with its checkpoint loaded: the fast path may compare against it. */
  private leading = false;
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeup = new Wakeup();
  private unsubscribe?: () => void;
  private published = 0;
  /** Local appends the fast path has not looked at yet. */
  private appended: Array<() => readonly AppendedEvent[]> = [];
  private fastPath?: Promise<void>;
  /** Published by the fast path, acknowledged, not yet passed by the checkpoint: position -> checkpoint. */
  private readonly ahead = new Map<number, Checkpoint>();

  constructor(private readonly options: EventRelayOptions) {
    this.js = jetstream(options.nc);
    this.leadership = new Leadership(options.connectionString, options.name);
  }

  get isLeader(): boolean {
    return this.leadership.held;
  }

  get publishedCount(): number {
    return this.published;
  }

  get position(): Checkpoint {
    return this.checkpoint;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.store.onAppended((_stream, _positions, appended) =>
      this.onLocalAppend(appended),
    );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal();
    await this.loop;
    await this.fastPath;
    await this.leadership.release();
  }

  private signal(): void {
    this.wakeup.signal();
  }

  private onLocalAppend(appended: () => readonly AppendedEvent[]): void {
    if (this.options.publishOnCommit === false) return this.signal();
    this.appended.push(appended);
    // After the microtasks queued now: the appends of one group commit, each notified in its own
    // microtask, then go as one batch (without waiting for the next turn of the event loop).
    this.fastPath ??= new Promise<void>((resolve) => process.nextTick(resolve))
      .then(() => this.publishAppended())
      .finally(() => (this.fastPath = undefined));
  }

  private async run(): Promise<void> {
    let backoff = 50;
    while (this.running) {
      try {
        if (!(await this.leadership.tryAcquire())) {
          await this.idle(this.options.standbyRetryMs ?? 1_000);
          continue;
        }
        // A checkpoint lost in a crash only re-publishes events that JetStream de-duplicates (and
        // reactions are idempotent), so its writes need not wait for the WAL flush: one fsync
        // fewer between a commit and its publication.
        await this.leadership.connection().query('SET synchronous_commit = off');
        this.checkpoint = await this.loadCheckpoint();
        this.ahead.clear();
        this.leading = true;
        while (this.running && this.leadership.held) {
          const moved = await this.relayOnce();
          backoff = 50;
          if (!moved) await this.idle(this.options.pollIntervalMs ?? 200);
        }
      } catch (err) {
        this.options.onError?.(err);
        await this.leadership.release();
        await this.idle(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      } finally {
        this.leading = false;
      }
    }
  }

  /** The catch-up read: one batch below the horizon, published (less what is ahead), then the checkpoint. */
  private async relayOnce(): Promise<boolean> {
    this.wakeup.reset();
    const batch = await this.options.store.readAfter(this.checkpoint, {
      categories: [...this.options.categories],
      limit: this.options.batchSize ?? 256,
    });
    if (batch.events.length === 0 && sameCheckpoint(batch.checkpoint, this.checkpoint)) return false;
    const due = batch.events.filter((e) => !this.ahead.has(e.globalPosition));
    await Promise.all(due.map((e) => this.publish(e)));
    await this.saveCheckpoint(batch.checkpoint);
    this.checkpoint = batch.checkpoint;
    // Also drops fast publications acknowledged after this batch was read (they were in it).
    for (const [position, at] of this.ahead)
      if (compareCheckpoints(at, this.checkpoint) <= 0) this.ahead.delete(position);
    this.count(due.length);
    return batch.events.length > 0;
  }

  /**
   * The fast path, one batch of local appends at a time (a later batch's events of a stream go
   * after an earlier batch's). An event goes now only when its stream's previous event is
   * published: at or below the checkpoint, ahead, or earlier in this batch and acknowledged.
   * Anything not published here (predecessor pending, a failed publish) is left to the catch-up
   * read, which is woken for it.
   */
  private async publishAppended(): Promise<void> {
    while (this.appended.length > 0 && this.running) {
      const notices = this.appended.splice(0);
      // A standby leaves them to the leader's catch-up read (waking its own loop would only
      // retry the lock on a new connection); a leader too far ahead, to its own.
      if (!this.leading || !this.leadership.held) continue;
      if (this.ahead.size >= MAX_AHEAD) {
        this.signal();
        continue;
      }
      try {
        // In commit order, as the catch-up read would see them: (transaction, position).
        const events = notices
          .flatMap((appended) => appended())
          .sort((x, y) =>
            compareCheckpoints(
              { txId: x.event.txId, position: x.event.globalPosition },
              { txId: y.event.txId, position: y.event.globalPosition },
            ),
          );
        const checkpoint = this.checkpoint;
        const inBatch = new Map<number, Promise<boolean>>();
        let left = false;
        for (const { event, previous } of events) {
          if (!this.options.categories.includes(categoryOf(event.streamId))) continue;
          const before =
            previous === null ||
            compareCheckpoints(previous, checkpoint) <= 0 ||
            this.ahead.has(previous.position)
              ? Promise.resolve(true)
              : inBatch.get(previous.position);
          if (!before) {
            left = true;
            continue;
          }
          inBatch.set(
            event.globalPosition,
            before.then((ok) => (ok ? this.publishAhead(event) : false)),
          );
        }
        const done = await Promise.all(inBatch.values());
        this.count(done.filter(Boolean).length);
        if (left || done.includes(false)) this.signal();
      } catch (err) {
        this.options.onError?.(err);
        this.signal();
      }
    }
  }

  /** True once JetStream acknowledged it; a failure is the catch-up read's to retry. */
  private async publishAhead(event: RecordedEvent): Promise<boolean> {
    try {
      await this.publish(event);
    } catch (err) {
      this.options.onError?.(err);
      return false;
    }
    const at = { txId: event.txId, position: event.globalPosition };
    if (compareCheckpoints(at, this.checkpoint) > 0) this.ahead.set(event.globalPosition, at);
    return true;
  }

  private async publish(event: RecordedEvent): Promise<void> {
    const h = headers();
    h.set(HEADERS.eventType, event.type);
    if (event.metadata.caseId) h.set(HEADERS.caseId, event.metadata.caseId);
    await this.js.publish(eventSubject(event), JSON.stringify(event), { msgID: event.eventId, headers: h });
  }

  private count(n: number): void {
    this.published += n;
    if (n) this.options.onPublished?.(n);
  }

  private async loadCheckpoint(): Promise<Checkpoint> {
    const { rows } = await this.leadership
      .connection()
      .query<{ tx_id: string; position: string }>(
        `SELECT tx_id::text AS tx_id, position FROM ${this.options.schema}.relay_checkpoints WHERE relay_name = $1`,
        [this.options.name],
      );
    return rows.length ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : START;
  }

  private async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.leadership.connection().query(
      `INSERT INTO ${this.options.schema}.relay_checkpoints (relay_name, tx_id, position, updated_at)
       VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (relay_name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position, updated_at = now()`,
      [this.options.name, checkpoint.txId, checkpoint.position],
    );
  }

  private idle(ms: number): Promise<void> {
    return this.running ? this.wakeup.sleep(ms) : Promise.resolve();
  }
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return a.txId === b.txId && a.position === b.position;
}
