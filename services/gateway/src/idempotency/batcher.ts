/**
 * Group commit for small statements: requests that arrive while a batch is on its way to
 * PostgreSQL (or in the same tick) go together in the next one. Under load one round trip and
 * one commit serve many requests; alone, a request waits only for the next tick.
 */
export class Batcher<I, O> {
  private queue: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    /** Runs one batch; returns one result per item, in order. */
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxBatch?: number; maxInFlight?: number } = {},
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or running (shutdown). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= (this.options.maxInFlight ?? 1)) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) return this.settle();
    const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
    this.inFlight += 1;
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.inFlight -= 1;
    }
    if (this.queue.length) this.schedule();
    else this.settle();
  }

  private settle(): void {
    if (this.queue.length || this.inFlight) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
