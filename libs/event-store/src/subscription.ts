import type { Checkpoint, EventFilter, EventStore, RecordedEvent } from './port';
import { Wakeup } from './wakeup';

export interface CatchUpOptions {
  from: Checkpoint;
  filter?: EventFilter;
  batchSize?: number;
  /** Fallback poll when no in-process wake-up arrives (appends by other processes). */
  pollIntervalMs?: number;
  /**
   * Handles a batch and records `checkpoint` durably, ideally in the same transaction as its
   * effects (exactly-once effect). Called with no events when only the checkpoint moved (a
   * filter skipped everything), so that a restart does not rescan. A throw retries the batch.
   */
  handle(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void>;
  onError?(error: unknown): void;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * Tails the store from a checkpoint, never skipping an event (see `readAfter`), waking on local
 * appends and polling as a fallback. Handler failures are retried with backoff from the same
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
    while (this.running) {
      try {
        const moved = await this.readOnce();
        backoff = 50;
        if (!moved) await this.idle(this.options.pollIntervalMs ?? 250);
      } catch (err) {
        this.options.onError?.(err);
        await this.idle(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** True when events were handled (more may be waiting). */
  private async readOnce(): Promise<boolean> {
    this.wakeup.reset();
    const batch = await this.store.readAfter(this.position, {
      ...this.options.filter,
      limit: this.options.batchSize ?? 500,
    });
    const movedCheckpoint =
      batch.checkpoint.txId !== this.position.txId || batch.checkpoint.position !== this.position.position;
    if (batch.events.length > 0 || movedCheckpoint) await this.options.handle(batch.events, batch.checkpoint);
    this.position = batch.checkpoint;
    return batch.events.length > 0;
  }

  private idle(ms: number): Promise<void> {
    return this.running ? this.wakeup.sleep(ms) : Promise.resolve();
  }
}
