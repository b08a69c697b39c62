import type { Checkpoint, EventFilter, EventStore, RecordedEvent } from './port';
import { Wakeup } from './wakeup';

export interface CatchUpOptions {
  from: Checkpoint;
  filter?: EventFilter;
  batchSize?: number;
  /** Fallback poll when no in-process wake-up arrives (appends by other processes). */
  pollIntervalMs?: number;
  /**
   * How long to let appends gather before reading what an append woke it for (default 20 ms):
   * one batch, one transaction of the handler, for the appends of those milliseconds instead of
   * one per append. A read model a few milliseconds behind costs nothing; one transaction per
   * event is most of a busy service's projection work. 0 reads at once.
   */
  gatherMs?: number;
  /**
   * Handles a batch and records `checkpoint` durably, ideally in the same transaction as its
   * effects (exactly-once effect). Called with no events when only the checkpoint moved (a
   * filter skipped everything), so that a restart does not rescan. A throw retries the batch.
   */
  handle(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void>;
  /** A read (and its batch, if any) failed; the same batch is retried after a backoff. */
  onError?(error: unknown): void;
  /** A read and its batch succeeded: what watches the subscription learns a failure is over. */
  onHandled?(): void;
}

const MAX_BACKOFF_MS = 5_000;
const GATHER_MS = 20;

/**
 * Tails the store from a checkpoint, never skipping an event (see `readAfter`), waking on local
 * appends (after `gatherMs`) and polling as a fallback. Handler failures are retried with backoff from the same
 * checkpoint, so nothing is lost and a batch is only passed once it succeeds.
 */
export class CatchUpSubscription {
  private position: Checkpoint;
  private running = false;
  private loop?: Promise<void>;
  private readonly wakeup = new Wakeup();
  private unsubscribe?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpOptions,
  ) {
    this.position = options.from;
  }

  get checkpoint(): Checkpoint {
    return this.position;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onAppended(() => this.signal());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.signal();
    await this.loop;
  }

  private signal(): void {
    this.wakeup.signal();
  }

  private async run(): Promise<void> {
    let backoff = 50;
    const batchSize = this.options.batchSize ?? 500;
    while (this.running) {
      try {
        const handled = await this.readOnce(batchSize);
        backoff = 50;
        this.options.onHandled?.();
        if (handled >= batchSize) continue; // more are waiting
        if (handled === 0) await this.idle(this.options.pollIntervalMs ?? 250);
        await this.gather();
      } catch (err) {
        this.options.onError?.(err);
        await this.idle(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** How many events were handled (a full batch: more may be waiting). */
  private async readOnce(limit: number): Promise<number> {
    this.wakeup.reset();
    const batch = await this.store.readAfter(this.position, { ...this.options.filter, limit });
    const movedCheckpoint =
      batch.checkpoint.txId !== this.position.txId || batch.checkpoint.position !== this.position.position;
    if (batch.events.length > 0 || movedCheckpoint) await this.options.handle(batch.events, batch.checkpoint);
    this.position = batch.checkpoint;
    return batch.events.length;
  }

  private idle(ms: number): Promise<void> {
    return this.running ? this.wakeup.sleep(ms) : Promise.resolve();
  }

  private gather(): Promise<void> {
    const ms = this.options.gatherMs ?? GATHER_MS;
    return this.running && ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}
