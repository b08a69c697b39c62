import { randomUUID } from 'node:crypto';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';

/** One logical command as a client sees it: one Idempotency-Key, however many attempts. */
export interface CommandRecord {
  /** Idempotency-Key and correlation id of every attempt: the checker finds its events by it. */
  key: string;
  step: Step['name'];
  /** The event type the command must have written exactly once when acknowledged. */
  expects: string;
  caseId?: string;
  attempts: number;
  /**
   * acked: a 2xx reached the client (its events must exist exactly once); rejected: a final 4xx
   * (it must have written nothing); abandoned: the client gave up retrying (at most once).
   */
  outcome: 'pending' | 'acked' | 'rejected' | 'abandoned';
  lastStatus?: number | string;
}

interface Step {
  name: 'receive' | 'triage' | 'open';
  expects: string;
  path(caseId?: string): string;
  ifMatch?: string;
}

/** The intake path under load: receive, triage, open (CaseOpened -> InvestigationOpened). */
const STEPS: readonly Step[] = [
  { name: 'receive', expects: 'ComplaintReceived', path: () => '/complaints' },
  { name: 'triage', expects: 'TriageScored', path: (id) => `/complaints/${id}/triage`, ifMatch: '"1"' },
  { name: 'open', expects: 'CaseOpened', path: (id) => `/complaints/${id}/open`, ifMatch: '"2"' },
];

export interface LoadOptions {
  gatewayUrl: string;
  /** Cases driven at the same time. */
  concurrency: number;
  /** A client keeps retrying one command (same key) this long before it gives up. */
  giveUpAfterMs: number;
  /** Pause between a case's steps and between cases, to keep the load steady rather than maximal. */
  pauseMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Steady load through the public API. A failed attempt (connection refused or reset, 5xx, 429,
 * a key still in progress) is retried with the same Idempotency-Key and body, as a careful client
 * would; every command and its fate is kept in `commands` for the checker.
 */
export class LoadGenerator {
  readonly commands: CommandRecord[] = [];
  private running = false;
  private stopDeadline = Infinity;
  private workers: Promise<void>[] = [];
  private readonly api: Api;

  constructor(private readonly options: LoadOptions) {
    this.api = new Api(options.gatewayUrl);
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i++) this.workers.push(this.worker(i));
  }

  /**
   * Stops starting cases. Commands in flight keep retrying for `graceMs` more (at most their own
   * give-up time), then are abandoned: the checker holds those to "at most once".
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.running = false;
    this.stopDeadline = Date.now() + graceMs;
    await Promise.all(this.workers);
  }

  get acked(): number {
    return this.commands.filter((c) => c.outcome === 'acked').length;
  }

  private async worker(index: number): Promise<void> {
    while (this.running) {
      let caseId: string | undefined;
      for (const step of STEPS) {
        const record = await this.send(step, caseId);
        if (record.outcome !== 'acked') break;
        caseId = record.caseId;
        if (this.options.pauseMs) await sleep(this.options.pauseMs);
      }
      if (this.options.pauseMs) await sleep(this.options.pauseMs * (1 + (index % 3)));
    }
  }

  private async send(step: Step, caseId: string | undefined): Promise<CommandRecord> {
    const key = randomUUID();
    const record: CommandRecord = {
      key,
      step: step.name,
      expects: step.expects,
      caseId,
      attempts: 0,
      outcome: 'pending',
    };
    this.commands.push(record);
    const body = step.name === 'receive' ? receiveInput({ office: 'SF-01' }) : {};
    const headers: Record<string, string> = { 'idempotency-key': key, 'x-correlation-id': key };
    if (step.ifMatch) headers['if-match'] = step.ifMatch;
    const deadline = Date.now() + this.options.giveUpAfterMs;
    let backoff = 50;
    for (;;) {
      record.attempts++;
      try {
        const res = await this.post(step.path(caseId), body, headers);
        record.lastStatus = res.status;
        if (res.status >= 200 && res.status < 300) {
          record.outcome = 'acked';
          record.caseId = caseId ?? res.body.caseId;
          return record;
        }
        if (!retryable(res.status, res.body.type)) {
          record.outcome = 'rejected';
          return record;
        }
      } catch (err) {
        record.lastStatus = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      }
      if (Date.now() > Math.min(deadline, this.stopDeadline)) {
        record.outcome = 'abandoned';
        return record;
      }
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 1_000);
    }
  }

  /** One attempt, bounded in time: a gateway killed mid-request must not hang the client. */
  private async post(
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: { caseId?: string; type?: string } }> {
    const token = await this.api.token('intake_officer', 'fault-load');
    const res = await fetch(`${this.options.gatewayUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: { caseId?: string; type?: string } = {};
    try {
      parsed = text ? (JSON.parse(text) as typeof parsed) : {};
    } catch {
      // not JSON (a proxy error page): the status decides
    }
    return { status: res.status, body: parsed };
  }
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Worth retrying with the same key: the outcome is unknown or the service was not there. */
function retryable(status: number, type: string | undefined): boolean {
  if (status >= 500 || status === 429) return true;
  return status === 409 && typeof type === 'string' && type.endsWith('/request-in-progress');
}
