import { randomUUID } from 'node:crypto';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import type { Role } from '@lse/gateway/src/auth/roles';
import { Api } from '../support/http';

/** One logical command as a client sees it: one Idempotency-Key, however many attempts. */
export interface CommandRecord {
  /** Idempotency-Key and correlation id of every attempt: the checker finds its events by it. */
  key: string;
  step: string;
  /** The event type the command must have written exactly once when acknowledged... */
  expects: string;
  /** ...in the stream `<category>-<caseId>`. */
  category: string;
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
  name: string;
  expects: string;
  category: string;
  as: Role;
  path(caseId?: string): string;
  body(): unknown;
  ifMatch?: string;
  /** The case is made by a handoff that may not have happened yet: 404 and 409 are retried. */
  awaitsHandoff?: boolean;
}

const triage = (awaitsHandoff = false): Step => ({
  name: 'triage',
  expects: 'TriageScored',
  category: 'complaint',
  as: 'intake_officer',
  path: (id) => `/complaints/${id}/triage`,
  body: () => ({}),
  ifMatch: '"1"',
  awaitsHandoff,
});
const open: Step = {
  name: 'open',
  expects: 'CaseOpened',
  category: 'complaint',
  as: 'intake_officer',
  path: (id) => `/complaints/${id}/open`,
  body: () => ({}),
  ifMatch: '"2"',
};

/** A hotline complaint received, triaged, opened (CaseOpened -> InvestigationOpened). */
const HOTLINE: readonly Step[] = [
  {
    name: 'receive',
    expects: 'ComplaintReceived',
    category: 'complaint',
    as: 'intake_officer',
    path: () => '/complaints',
    body: () => receiveInput({ office: 'SF-01' }),
  },
  triage(),
  open,
];

/**
 * A partner's referral: ReferralSubmitted -> ComplaintReceived (intake), then triaged and opened
 * by intake; CaseOpened -> ReferralAccepted and InvestigationOpened -> a disclosure decision
 * (partners), besides CaseOpened -> InvestigationOpened.
 */
const REFERRAL: readonly Step[] = [
  {
    name: 'refer',
    expects: 'ReferralSubmitted',
    category: 'referral',
    as: 'partner',
    path: () => '/referrals',
    body: () => ({
      office: 'SF-01',
      workers: [
        {
          workerId: randomUUID(),
          name: 'Ana Ruiz',
          preferredLanguage: 'es',
          interpreterNeeded: true,
          confidentialityRequested: false,
          consent: { scopes: ['status'] },
        },
      ],
      employer: {
        name: 'Golden Gate Car Wash LLC',
        naics: '811192',
        address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
      },
      allegations: [{ type: 'overtime', periodStart: '2025-09-01', ongoing: true, workersAffected: 8 }],
      prepWork: [{ kind: 'intake_interview', description: 'Interviewed the worker in Spanish.' }],
      documents: [],
    }),
  },
  triage(true),
  open,
];

export interface LoadOptions {
  gatewayUrl: string;
  /** Cases driven at the same time. */
  concurrency: number;
  /** A client keeps retrying one command (same key) this long before it gives up. */
  giveUpAfterMs: number;
  /** Pause between a case's steps and between cases, to keep the load steady rather than maximal. */
  pauseMs?: number;
  /** Every n-th worker drives partner referrals instead of hotline complaints (0: none). */
  referralEvery?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const REQUEST_TIMEOUT_MS = 15_000;

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
  /** The referring partner, registered with a signed agreement before the faults begin. */
  private partnerId?: string;

  constructor(private readonly options: LoadOptions) {
    this.api = new Api(options.gatewayUrl);
  }

  /** Registers a partner under a signed letter of arrangement (for referrals), then starts the workers. */
  async start(): Promise<void> {
    if (this.options.referralEvery) this.partnerId = await this.registerPartner();
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i++) {
      const referrals =
        !!this.options.referralEvery && i % this.options.referralEvery === this.options.referralEvery - 1;
      this.workers.push(this.worker(i, referrals ? REFERRAL : HOTLINE));
    }
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

  private async worker(index: number, steps: readonly Step[]): Promise<void> {
    while (this.running) {
      let caseId: string | undefined;
      for (const step of steps) {
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
      category: step.category,
      caseId,
      attempts: 0,
      outcome: 'pending',
    };
    this.commands.push(record);
    const body = step.body();
    const headers: Record<string, string> = { 'idempotency-key': key, 'x-correlation-id': key };
    if (step.ifMatch) headers['if-match'] = step.ifMatch;
    const deadline = Date.now() + this.options.giveUpAfterMs;
    let backoff = 50;
    for (;;) {
      record.attempts++;
      try {
        const res = await this.post(step.as, step.path(caseId), body, headers);
        record.lastStatus = res.body.type ? `${res.status} ${res.body.type.split('/').pop()}` : res.status;
        if (res.status >= 200 && res.status < 300) {
          record.outcome = 'acked';
          record.caseId = caseId ?? res.body.caseId ?? res.body.id;
          return record;
        }
        // Before the handoff lands the complaint is missing: 404, or 409 for If-Match "1" on no stream.
        const early = step.awaitsHandoff && (res.status === 404 || res.status === 409);
        if (!retryable(res.status, res.body.type) && !early) {
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
    as: Role,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: { caseId?: string; id?: string; type?: string } }> {
    const token =
      as === 'partner'
        ? await this.api.token('partner', 'fault-organizer', this.partnerId)
        : await this.api.token(as, 'fault-load');
    const res = await fetch(`${this.options.gatewayUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed: { caseId?: string; id?: string; type?: string } = {};
    try {
      parsed = text ? (JSON.parse(text) as typeof parsed) : {};
    } catch {
      // not JSON (a proxy error page): the status decides
    }
    return { status: res.status, body: parsed };
  }

  private async registerPartner(): Promise<string> {
    const liaison = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await this.post('partner_liaison', path, body, {
        'idempotency-key': randomUUID(),
        ...headers,
      });
      if (res.status >= 300) throw new Error(`POST ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const partner = await liaison('/partners', {
      name: 'Mission Worker Center',
      type: 'worker_center',
      languages: ['es'],
      industries: ['car_washes'],
      region: 'San Francisco',
      office: 'SF-01',
      contacts: [{ name: 'Rosa M.' }, { name: 'Luis P.' }],
    });
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const agreement = await liaison('/agreements', {
      type: 'letter_of_arrangement',
      title: 'LOA for the fault run',
      partnerIds: [partner.id],
      agencyParty: 'OLSE',
      scope: ['outreach', 'referrals'],
      sharingLevel: 'status',
      effectiveOn: day(-30),
      expiresOn: day(365),
      clauses: [{ clauseId: 'sharing', title: 'Sharing', text: 'Case status only.' }],
    });
    await liaison(
      `/agreements/${agreement.id}/signature`,
      { signatories: ['Director'] },
      { 'if-match': '"1"' },
    );
    return partner.id as string;
  }
}

/** Worth retrying with the same key: the outcome is unknown or the service was not there. */
function retryable(status: number, type: string | undefined): boolean {
  if (status >= 500 || status === 429) return true;
  return status === 409 && typeof type === 'string' && type.endsWith('/request-in-progress');
}
