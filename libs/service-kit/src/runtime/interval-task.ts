import type { RuntimePart } from './runtime-part';

export interface IntervalTaskOptions {
  everyMs: number;
  /** Also run once at start, not only after the first interval. */
  runNow?: boolean;
  run(): Promise<unknown>;
  onError(error: unknown): void;
}

/**
 * A task on a timer that never runs twice at once (a run still going when the next interval
 * comes skips that interval) and that stop waits for, so it never outlives the connections.
 * The timer is unref'd: it alone does not keep the process up.
 */
export class IntervalTask implements RuntimePart {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly options: IntervalTaskOptions) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.everyMs);
    this.timer.unref();
    if (this.options.runNow) this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.options
      .run()
      .catch((err) => this.options.onError(err))
      .finally(() => (this.running = undefined));
  }
}
