import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { PostgresEventStore } from '@lse/event-store';
import { CASE_EVENTS, DEAD_LETTERS } from '@lse/messaging';
import { checkpointsAgainstHead, type CheckpointState } from '../support/checkpoints';
import { scanSubject } from '../support/jetstream';
import type { CommandRecord } from './load';

/** A reaction one service has to another's event: exactly one effect per cause. */
export interface Handoff {
  /** The reacting service; the handoff is checked only when it runs. */
  service: string;
  cause: string;
  /** Only causes in a case that has a stream of this category (e.g. a referred case). */
  causeIfCaseHas?: string;
  /** Any of these types, appended under the cause's case id to `<effectCategory>-<caseId>`. */
  effects: readonly string[];
  effectCategory: string;
  /** Every event of these types is a reaction to such a cause: one without is an orphan. */
  onlyAsReaction?: boolean;
}

export const HANDOFFS: readonly Handoff[] = [
  {
    service: 'investigation',
    cause: 'CaseOpened',
    effects: ['InvestigationOpened'],
    effectCategory: 'investigation',
    onlyAsReaction: true,
  },
  {
    service: 'intake',
    cause: 'ReferralSubmitted',
    effects: ['ComplaintReceived'],
    effectCategory: 'complaint',
  },
  {
    service: 'partners',
    cause: 'CaseOpened',
    causeIfCaseHas: 'referral',
    effects: ['ReferralAccepted', 'ReferralDeclined'],
    effectCategory: 'referral',
    onlyAsReaction: true,
  },
  {
    service: 'partners',
    cause: 'InvestigationOpened',
    causeIfCaseHas: 'referral',
    effects: ['StatusSharedWithPartner', 'DisclosureWithheld'],
    effectCategory: 'referral',
  },
];

/** A read model whose rows must match the events once projections have converged. */
interface RowCount {
  table: string;
  /** How many rows the events call for. */
  expected: string;
  /** Rows that disagree with their stream (e.g. a version behind): must be none. */
  stale?: string;
}

const ROW_COUNTS: readonly RowCount[] = [
  {
    table: 'intake.complaint_queue',
    expected: `SELECT count(*) FROM event_store.events WHERE type = 'ComplaintReceived'`,
    stale: `SELECT count(*) FROM intake.complaint_queue q JOIN event_store.streams s
              ON s.stream_id = 'complaint-' || q.case_id WHERE s.version <> q.version`,
  },
  {
    table: 'intake.case_index',
    expected: `SELECT count(*) FROM event_store.events WHERE type = 'CaseOpened'`,
  },
  {
    table: 'investigation.investigations',
    expected: `SELECT count(*) FROM event_store.events WHERE type = 'InvestigationOpened'`,
    stale: `SELECT count(*) FROM investigation.investigations i JOIN event_store.streams s
              ON s.stream_id = 'investigation-' || i.case_id WHERE s.version <> i.version`,
  },
  {
    table: 'audit.case_timeline',
    expected: `SELECT count(*) FROM event_store.events WHERE case_id IS NOT NULL`,
  },
];

/** A cause whose reaction is not in the store. */
export interface MissingHandoff {
  /** `<cause type> -> <effect types>`. */
  handoff: string;
  /** The cause's event id. */
  cause: string;
  /** The JetStream subject the relay publishes the cause on. */
  subject: string;
  /**
   * Where it stopped (locateMissing, once at the end): the cause's sequence on JetStream when it
   * was published and not reacted to, `null` when it was never published.
   */
  jetStreamSeq?: number | null;
}

/** One line for the report: the handoff, the cause, and on which side it stopped. */
export function describeMissing(m: MissingHandoff): string {
  const where =
    m.jetStreamSeq === undefined
      ? ''
      : m.jetStreamSeq === null
        ? ' not on JetStream (never published)'
        : ` on JetStream at seq ${m.jetStreamSeq} (published, not reacted to)`;
  return `${m.handoff} ${m.cause} [${m.subject}]${where}`;
}

export interface CheckReport {
  commands: { total: number; acked: number; rejected: number; abandoned: number; retried: number };
  /** Keys of acknowledged commands whose event is missing. */
  lost: string[];
  /** Keys of commands (any outcome) whose event exists more than once, and streams with a repeated event. */
  duplicated: string[];
  /** Keys of commands refused with a final 4xx that nevertheless wrote their event. */
  rejectedButWritten: string[];
  handoffs: { causes: number; missing: MissingHandoff[]; duplicated: string[]; orphans: string[] };
  checkpoints: CheckpointState[];
  consumers: Array<{ name: string; pending: number }>;
  deadLetters: number;
  rowCounts: Array<{ table: string; expected: number; actual: number; stale: number }>;
  chains: { ok: boolean; eventsChecked: number };
  events: number;
  problems: string[];
}

const count = async (pool: Pool, sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ count: string }>(sql, params)).rows[0].count);

/**
 * After the load has stopped and the faults are over: waits (up to `convergeMs`) for every
 * checkpoint and consumer to catch up, then proves from the store and the read models that every
 * acknowledged command's event exists exactly once, every handoff happened exactly once, and every
 * projection converged.
 */
export async function check(options: {
  databaseUrl: string;
  natsUrl: string;
  services: readonly string[];
  commands: readonly CommandRecord[];
  convergeMs: number;
}): Promise<CheckReport> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  pool.on('error', () => undefined);
  const nc: NatsConnection = await connect({ servers: options.natsUrl });
  try {
    const handoffs = HANDOFFS.filter((h) => options.services.includes(h.service));
    const deadline = Date.now() + options.convergeMs;
    // Convergence first: handoffs and read models are only final once everything caught up.
    let report = await observe(pool, nc, handoffs);
    while (!converged(report) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      report = await observe(pool, nc, handoffs);
    }
    if (report.handoffs.missing.length)
      report.handoffs.missing = await locateMissing(nc, report.handoffs.missing);
    const commands = await checkCommands(pool, options.commands);
    const store = new PostgresEventStore({ pool, service: 'fault-checker' });
    const chains = await store.verifyAll();
    const full: CheckReport = {
      ...commands,
      ...report,
      chains: { ok: chains.ok, eventsChecked: chains.eventsChecked },
      events: await count(pool, 'SELECT count(*) FROM event_store.events'),
      problems: [],
    };
    full.problems = problemsOf(full);
    return full;
  } finally {
    await nc.close();
    await pool.end();
  }
}

type Observation = Pick<CheckReport, 'handoffs' | 'checkpoints' | 'consumers' | 'deadLetters' | 'rowCounts'>;

function converged(o: Observation): boolean {
  return (
    o.handoffs.missing.length === 0 &&
    o.checkpoints.every((c) => c.converged) &&
    o.consumers.every((c) => c.pending === 0) &&
    o.rowCounts.every((r) => r.expected === r.actual && r.stale === 0)
  );
}

async function observe(pool: Pool, nc: NatsConnection, handoffs: readonly Handoff[]): Promise<Observation> {
  return {
    handoffs: await checkHandoffs(pool, handoffs),
    checkpoints: await checkpointsAgainstHead(pool),
    ...(await consumersOf(nc)),
    rowCounts: await rowCountsOf(pool),
  };
}

async function consumersOf(nc: NatsConnection): Promise<Pick<CheckReport, 'consumers' | 'deadLetters'>> {
  const jsm = await jetstreamManager(nc);
  const consumers: CheckReport['consumers'] = [];
  for await (const info of jsm.consumers.list(CASE_EVENTS)) {
    consumers.push({ name: info.name, pending: info.num_pending + info.num_ack_pending });
  }
  const dead = await jsm.streams.info(DEAD_LETTERS).catch(() => undefined);
  return { consumers, deadLetters: dead?.state.messages ?? 0 };
}

async function rowCountsOf(pool: Pool): Promise<CheckReport['rowCounts']> {
  const existing = new Set(
    (
      await pool.query<{ name: string }>(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables`,
      )
    ).rows.map((r) => r.name),
  );
  const out: CheckReport['rowCounts'] = [];
  for (const rc of ROW_COUNTS) {
    if (!existing.has(rc.table)) continue;
    out.push({
      table: rc.table,
      expected: await count(pool, rc.expected),
      actual: await count(pool, `SELECT count(*) FROM ${rc.table}`),
      stale: rc.stale ? await count(pool, rc.stale) : 0,
    });
  }
  return out;
}

async function checkHandoffs(pool: Pool, handoffs: readonly Handoff[]): Promise<CheckReport['handoffs']> {
  const result: CheckReport['handoffs'] = { causes: 0, missing: [], duplicated: [], orphans: [] };
  for (const h of handoffs) {
    const { rows } = await pool.query<{ cause: string; n: string }>(
      `SELECT c.event_id::text AS cause, count(e.event_id) AS n
         FROM event_store.events c
         LEFT JOIN event_store.events e
           ON e.type = ANY($2) AND e.metadata->>'causationId' = c.event_id::text
          AND e.stream_id = $3 || '-' || c.case_id
        WHERE c.type = $1
          AND ($4::text IS NULL OR EXISTS (
                SELECT 1 FROM event_store.streams s WHERE s.stream_id = $4 || '-' || c.case_id))
        GROUP BY c.event_id`,
      [h.cause, h.effects, h.effectCategory, h.causeIfCaseHas ?? null],
    );
    result.causes += rows.length;
    const label = `${h.cause} -> ${h.effects.join('|')}`;
    for (const r of rows) {
      if (Number(r.n) === 0)
        result.missing.push({ handoff: label, cause: r.cause, subject: causeSubject(h.cause) });
      if (Number(r.n) > 1) result.duplicated.push(`${label} ${r.cause} x${r.n}`);
    }
    if (!h.onlyAsReaction) continue;
    const orphans = await pool.query<{ event_id: string }>(
      `SELECT e.event_id::text FROM event_store.events e
        WHERE e.type = ANY($2) AND NOT EXISTS (
          SELECT 1 FROM event_store.events c WHERE c.type = $1 AND c.event_id::text = e.metadata->>'causationId')`,
      [h.cause, h.effects],
    );
    result.orphans.push(...orphans.rows.map((r) => `${h.effects.join('|')} ${r.event_id}`));
  }
  return result;
}

const CAUSE_CATEGORY: Record<string, string> = {
  CaseOpened: 'complaint',
  ReferralSubmitted: 'referral',
  InvestigationOpened: 'investigation',
};
/** The JetStream subject the relay publishes a cause on (`events.<category>.<EventType>`). */
const causeSubject = (type: string) => `events.${CAUSE_CATEGORY[type]}.${type}`;

/**
 * Where each missing handoff stopped: a cause on JetStream was published and not reacted to (the
 * consumer's side); one not there was never published (the relay's side). Run once, at the end.
 */
export async function locateMissing(
  nc: NatsConnection,
  missing: readonly MissingHandoff[],
): Promise<MissingHandoff[]> {
  const seqs = new Map(missing.map((m) => [m.cause, null as number | null]));
  for (const subject of new Set(missing.map((m) => m.subject))) {
    await scanSubject(nc, subject, (msg) => {
      const id = msg.json<{ eventId?: string }>().eventId;
      if (id && seqs.has(id)) seqs.set(id, msg.seq);
    });
  }
  return missing.map((m) => ({ ...m, jetStreamSeq: seqs.get(m.cause) ?? null }));
}

async function checkCommands(
  pool: Pool,
  commands: readonly CommandRecord[],
): Promise<Pick<CheckReport, 'commands' | 'lost' | 'duplicated' | 'rejectedButWritten'>> {
  // Each command's events, found by its correlation id (= its Idempotency-Key on every attempt).
  const { rows } = await pool.query<{ key: string; type: string; stream_id: string; n: string }>(
    `SELECT metadata->>'correlationId' AS key, type, stream_id, count(*) AS n
       FROM event_store.events WHERE category = ANY($1)
      GROUP BY 1, 2, 3`,
    [[...new Set(commands.map((c) => c.category))]],
  );
  const written = new Map<string, Array<{ type: string; streamId: string; n: number }>>();
  for (const r of rows) {
    const list = written.get(r.key) ?? [];
    list.push({ type: r.type, streamId: r.stream_id, n: Number(r.n) });
    written.set(r.key, list);
  }
  const lost: string[] = [];
  const duplicated: string[] = [];
  const rejectedButWritten: string[] = [];
  for (const c of commands) {
    const mine = (written.get(c.key) ?? []).filter((w) => w.type === c.expects);
    const total = mine.reduce((sum, w) => sum + w.n, 0);
    if (total > 1) duplicated.push(`${c.step} ${c.key} x${total}`);
    if (c.outcome === 'acked') {
      const inItsStream = mine
        .filter((w) => w.streamId === `${c.category}-${c.caseId}`)
        .reduce((s, w) => s + w.n, 0);
      if (inItsStream === 0) {
        const anywhere =
          (written.get(c.key) ?? []).map((w) => `${w.type}@${w.streamId}`).join(',') || 'nothing';
        lost.push(
          `${c.step} ${c.key} case ${c.caseId} (${c.attempts} attempts, last ${c.lastStatus}; wrote ${anywhere})`,
        );
      }
    }
    if (c.outcome === 'rejected' && total > 0)
      rejectedButWritten.push(`${c.step} ${c.key} (${c.lastStatus})`);
  }
  // A stream holds each of these at most once, whoever wrote it.
  const repeated = await pool.query<{ stream_id: string; type: string; n: string }>(
    `SELECT stream_id, type, count(*) AS n FROM event_store.events
      WHERE type IN ('ComplaintReceived', 'TriageScored', 'CaseOpened', 'InvestigationOpened',
                     'ReferralSubmitted', 'ReferralAccepted')
      GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  duplicated.push(...repeated.rows.map((r) => `${r.stream_id} ${r.type} x${r.n}`));
  return {
    commands: {
      total: commands.length,
      acked: commands.filter((c) => c.outcome === 'acked').length,
      rejected: commands.filter((c) => c.outcome === 'rejected').length,
      abandoned: commands.filter((c) => c.outcome === 'abandoned').length,
      retried: commands.filter((c) => c.attempts > 1).length,
    },
    lost,
    duplicated,
    rejectedButWritten,
  };
}

function problemsOf(r: CheckReport): string[] {
  const p: string[] = [];
  if (r.lost.length) p.push(`lost: ${r.lost.slice(0, 5).join('; ')}`);
  if (r.duplicated.length) p.push(`duplicated: ${r.duplicated.slice(0, 5).join('; ')}`);
  if (r.rejectedButWritten.length)
    p.push(`refused yet written: ${r.rejectedButWritten.slice(0, 5).join('; ')}`);
  if (r.handoffs.missing.length)
    p.push(`handoffs missing: ${r.handoffs.missing.slice(0, 5).map(describeMissing).join('; ')}`);
  if (r.handoffs.duplicated.length)
    p.push(`handoffs duplicated: ${r.handoffs.duplicated.slice(0, 5).join('; ')}`);
  if (r.handoffs.orphans.length)
    p.push(`effects without a cause: ${r.handoffs.orphans.slice(0, 5).join('; ')}`);
  for (const c of r.checkpoints.filter((x) => !x.converged))
    p.push(`checkpoint behind the store head: ${c.name}`);
  for (const c of r.consumers.filter((x) => x.pending > 0))
    p.push(`consumer ${c.name} has ${c.pending} pending`);
  if (r.deadLetters) p.push(`${r.deadLetters} dead letters`);
  for (const rc of r.rowCounts.filter((x) => x.expected !== x.actual || x.stale > 0))
    p.push(`${rc.table}: ${rc.actual} rows for ${rc.expected} expected, ${rc.stale} stale`);
  if (!r.chains.ok) p.push('hash chains broken');
  return p;
}
