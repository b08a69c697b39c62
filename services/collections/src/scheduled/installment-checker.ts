import { collectionStreamId } from '@lse/contracts';
import { NAMESPACE_LSE, uuidV5, type Clock } from '@lse/domain';
import type { EventStore } from '@lse/event-store';
import { appendScheduled } from '@lse/service-kit';
import type { CollectionDecider } from '@lse/collections-domain';
import { Client } from 'pg';
import { createHash } from 'node:crypto';

/** InstallmentMissed's id: from the case, plan and installment only, so replicas agree on it. */
export function missedInstallmentEventId(caseId: string, planId: string, installmentNo: number): string {
  return uuidV5(`collection/${caseId}/plan/${planId}/installment/${installmentNo}/missed`, NAMESPACE_LSE);
}

export interface InstallmentCheckerOptions {
  store: EventStore;
  decider: CollectionDecider;
  clock: Clock;
  /** Cases that may have an installment past due (the read model), checked one by one. */
  candidates(today: string): Promise<string[]>;
  /** For the leadership lock; without it every replica checks (appends stay exactly-once). */
  connectionString?: string;
  lockName?: string;
  intervalMs: number;
  onError?(error: unknown): void;
  onChecked?(result: CheckResult): void;
}

export interface CheckResult {
  /** False when another replica held the check's lock: it is doing the work. */
  ran: boolean;
  today: string;
  casesChecked: number;
  missedRecorded: number;
}

// Two-int advisory lock space for scheduled jobs (relays use 0x4c52).
const JOB_LOCK_SPACE = 0x4c43;

/**
 * The scheduled missed-installment check. Exactly once even with several replicas, twice over:
 * one replica at a time holds an advisory lock for the run, and each InstallmentMissed has an id
 * derived from case, plan and installment, appended on the shared scheduled path
 * (`appendScheduled`), so a second writer's append is recognised as the same event (or loses the
 * version race, reloads and finds the installment already recorded).
 */
export class InstallmentChecker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<CheckResult>;

  constructor(private readonly options: InstallmentCheckerOptions) {}

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer) return;
    const tick = () => {
      this.runOnce()
        .then((r) => this.options.onChecked?.(r))
        .catch((err) => this.options.onError?.(err));
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
    setTimeout(tick, Math.min(1_000, this.options.intervalMs)).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One run now; concurrent calls in one process share the run in flight. */
  runOnce(): Promise<CheckResult> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<CheckResult> {
    const today = this.options.clock.now().toISOString().slice(0, 10);
    const lock = this.options.connectionString ? await this.tryLock() : undefined;
    if (lock === null) return { ran: false, today, casesChecked: 0, missedRecorded: 0 };
    try {
      const cases = await this.options.candidates(today);
      let missedRecorded = 0;
      for (const caseId of cases) {
        try {
          missedRecorded += await this.checkCase(caseId);
        } catch (err) {
          this.options.onError?.(err); // one bad case does not stop the others
        }
      }
      return { ran: true, today, casesChecked: cases.length, missedRecorded };
    } finally {
      await lock?.end().catch(() => undefined);
    }
  }

  /** Returns how many InstallmentMissed this call appended (0 when another writer did). */
  async checkCase(caseId: string): Promise<number> {
    const now = this.options.clock.now().toISOString();
    const outcome = await appendScheduled({
      store: this.options.store,
      decider: this.options.decider,
      streamId: collectionStreamId(caseId),
      sourceService: 'collections',
      now,
      caseId,
      correlationId: `installment-check:${caseId}:${now.slice(0, 10)}`,
      command: () => ({
        type: 'CheckInstallments',
        caseId,
        now,
        actor: { id: 'service:collections', role: 'system' },
      }),
      eventId: (event) => {
        const { planId, installmentNo } = event.data as { planId: string; installmentNo: number };
        return missedInstallmentEventId(caseId, planId, installmentNo);
      },
    });
    return outcome.outcome === 'appended' ? outcome.events.length : 0;
  }

  /** The run's lock on a connection of its own; null when another replica holds it. */
  private async tryLock(): Promise<Client | null> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: 'collections:installment-check',
    });
    client.on('error', () => undefined);
    await client.connect();
    const key = createHash('sha256')
      .update(this.options.lockName ?? 'collections-installment-check')
      .digest()
      .readInt32BE(0);
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
      JOB_LOCK_SPACE,
      key,
    ]);
    if (rows[0].ok) return client;
    await client.end();
    return null;
  }
}

/** Open cases of the read model with an unpaid installment due before today. */
export function readModelCandidates(
  query: (sql: string, params: unknown[]) => Promise<Array<{ case_id: string }>>,
  schema: string,
) {
  return async (today: string) =>
    (
      await query(
        `SELECT DISTINCT i.case_id FROM "${schema}".collection_installments i
           JOIN "${schema}".collection_cases c USING (case_id)
          WHERE c.status = 'open' AND c.plan_status = 'active' AND NOT i.missed
            AND i.paid_cents < i.amount_cents AND i.due_on < $1::date`,
        [today],
      )
    ).map((r) => r.case_id);
}
