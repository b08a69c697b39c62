import type { Checkpoint, EventStore, RecordedEvent } from '@lse/event-store';
import { START, Wakeup } from '@lse/event-store';
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
  batchSize?: number;
  pollIntervalMs?: number;
  standbyRetryMs?: number;
  onError?(error: unknown): void;
  onPublished?(count: number): void;
}

/**
 * Tails the event store for the service's own categories and publishes each event to
 * JetStream with `Nats-Msg-Id` = event id. The store is the outbox: nothing is written twice.
 * A batch's checkpoint is saved only after JetStream acknowledged all of it, so a crash
 * re-publishes at most one batch, which the server de-duplicates.
 */
export class EventRelay {
  private readonly js: JetStreamClient;
  private readonly leadership: Leadership;
  private checkpoint: Checkpoint = START;
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeup = new Wakeup();
  private unsubscribe?: () => void;
  private published = 0;

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
    this.unsubscribe = this.options.store.onAppended(() => this.signal());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal();
    await this.loop;
    await this.leadership.release();
  }

  private signal(): void {
    this.wakeup.signal();
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
      }
    }
  }

  private async relayOnce(): Promise<boolean> {
    this.wakeup.reset();
    const batch = await this.options.store.readAfter(this.checkpoint, {
      categories: [...this.options.categories],
      limit: this.options.batchSize ?? 256,
    });
    if (batch.events.length === 0 && sameCheckpoint(batch.checkpoint, this.checkpoint)) return false;
    await Promise.all(batch.events.map((e) => this.publish(e)));
    await this.saveCheckpoint(batch.checkpoint);
    this.checkpoint = batch.checkpoint;
    this.published += batch.events.length;
    if (batch.events.length) this.options.onPublished?.(batch.events.length);
    return batch.events.length > 0;
  }

  private async publish(event: RecordedEvent): Promise<void> {
    const h = headers();
    h.set(HEADERS.eventType, event.type);
    if (event.metadata.caseId) h.set(HEADERS.caseId, event.metadata.caseId);
    await this.js.publish(eventSubject(event), JSON.stringify(event), { msgID: event.eventId, headers: h });
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
