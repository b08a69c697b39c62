import type { Pool } from 'pg';
import { appendBatch, appendPrepared, type Committed, type PreparedAppend } from './append';

export interface GroupCommitOptions {
  /** Appends per statement at most (default 100). */
  maxBatch?: number;
  /** Batches on their way to PostgreSQL at once (default 2); more appends wait for the next. */
  maxInFlight?: number;
}

interface Pending {
  append: PreparedAppend;
  resolve: (result: Committed) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends that arrive while earlier ones are on their way go together in the next statement
 * (append_batch): one round trip and one commit for many. A lone append waits one tick and goes
 * alone, through append_events as without group commit.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  append(append: PreparedAppend): Promise<Committed> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    try {
      if (batch.length === 1) {
        const [one] = batch;
        await appendPrepared(this.pool, this.schema, one.append, this.pool).then(one.resolve, one.reject);
      } else {
        const results = await appendBatch(
          this.pool,
          this.schema,
          batch.map((p) => p.append),
        );
        results.forEach((r, i) =>
          r.status === 'fulfilled' ? batch[i].resolve(r.value) : batch[i].reject(r.reason),
        );
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.inFlight -= 1;
      if (this.queue.length) this.schedule();
    }
  }
}
