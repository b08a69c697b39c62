import { complaintEventOf } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { targetedIndustryOf, workersAffected, type TargetedIndustry } from '@lse/intake-domain';
import { lockCaseStatus, refreshCaseStatus } from './case-index/case-status';
import { applyUpdate } from './complaint-updates';
import { normalizeAddress, normalizeEmployerName, normalizeFein } from './employer-index/normalize';

/** Runs one parameterized statement in the caller's transaction and returns its rows. */
export type Sql = (text: string, params?: unknown[]) => Promise<unknown[]>;

/** `Sql` over a TypeORM transaction (its query runner), for callers that hold an EntityManager. */
export function sqlOf(em: EntityManager): Sql {
  return async (text, params) => {
    const runner = em.queryRunner;
    if (!runner) throw new Error('projections run inside a transaction');
    return (await runner.query(text, params, true)).records as unknown[];
  };
}

/** A queue row and an employer-index row for one received complaint, as jsonb_to_recordset reads them. */
interface ReceivedRow {
  case_id: string;
  office: string;
  channel: string;
  naics: string | null;
  industry: string | null;
  language: string | null;
  employer_name: string;
  workers_affected: number;
  ongoing: boolean;
  received_at: string;
  version: number;
  normalized_name: string;
  fein: string | null;
  normalized_address: string;
}

/**
 * Applies complaint events, in order, to the queue, case index and employer index, inside the
 * caller's transaction, in plain SQL. Runs of ComplaintReceived (most of the traffic) become one
 * statement for the whole run. Only what lists and lookups need is copied: no complainant identity.
 */
export async function projectEvents(
  sql: Sql,
  schema: string,
  events: readonly RecordedEvent[],
  industries: readonly TargetedIndustry[],
): Promise<void> {
  const t = tablesOf(schema);
  let received: ReceivedRow[] = [];
  let opened: OpenedRow[] = [];
  // Received rows first: a case opened in this batch may have been received in it too.
  const flush = async () => {
    await flushReceived();
    if (opened.length === 0) return;
    const rows = opened;
    opened = [];
    await openCases(sql, t, rows);
  };
  const flushReceived = async () => {
    if (received.length === 0) return;
    const rows = received;
    received = [];
    await sql(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
           case_id uuid, office text, channel text, naics text, industry text, language text, employer_name text,
           workers_affected int, ongoing boolean, received_at timestamptz, version int,
           normalized_name text, fein text, normalized_address text)
       ), q AS (
         INSERT INTO ${t.queue} (case_id, status, office, channel, naics, industry, language,
                                 employer_name, workers_affected, ongoing, received_at, version)
         SELECT case_id, 'received', office, channel, naics, industry, language, employer_name,
                workers_affected, ongoing, received_at, version FROM r
       )
       INSERT INTO ${t.employers} (case_id, normalized_name, fein, normalized_address, employer_name,
                                   naics, status, received_at)
       SELECT case_id, normalized_name, fein, normalized_address, employer_name, naics, 'received',
              received_at FROM r`,
      [JSON.stringify(rows)],
    );
  };

  for (const recorded of events) {
    const caseId = recorded.metadata.caseId ?? recorded.streamId.slice('complaint-'.length);
    const version = recorded.streamVersion;
    const event = complaintEventOf(recorded);
    if (event.type === 'ComplaintReceived') {
      const d = event.data;
      received.push({
        case_id: caseId,
        office: d.office,
        channel: d.channel,
        naics: d.employer.naics ?? null,
        industry: targetedIndustryOf(d.employer.naics, industries)?.industry ?? null,
        // The language it came in (a count by language on the dashboard), never who spoke it.
        language: d.complainants[0]?.preferredLanguage.split('-')[0].toLowerCase() ?? null,
        employer_name: d.employer.name,
        workers_affected: workersAffected({ allegations: d.allegations } as never),
        ongoing: d.allegations.some((a) => a.ongoing),
        received_at: new Date(d.receivedAt).toISOString(),
        version,
        normalized_name: normalizeEmployerName(d.employer.name),
        fein: normalizeFein(d.employer.fein),
        normalized_address: normalizeAddress(d.employer.address),
      });
      continue;
    }
    if (event.type === 'CaseOpened') {
      const { caseNumber, priority, office, openedAt } = event.data;
      opened.push({
        event_id: recorded.eventId,
        case_id: caseId,
        case_number: caseNumber,
        priority,
        version,
        office,
        opened_at: new Date(openedAt).toISOString(),
      });
      continue;
    }
    // Later events of a complaint received or opened in this batch update its rows: write those first.
    await flush();
    await applyUpdate(sql, t, recorded, caseId, version, event, industries);
  }
  await flush();
}

/** A case opened: its queue and employer-index rows updated, its case-index row inserted. */
interface OpenedRow {
  event_id: string;
  case_id: string;
  case_number: string;
  priority: string;
  version: number;
  office: string;
  opened_at: string;
}

/**
 * Runs of CaseOpened (the other half of the traffic once cases flow) in one statement, like runs
 * of ComplaintReceived: a projector batch then holds its transaction (and with it the horizon the
 * relay reads below) for a few round trips, not one per case opened.
 */
async function openCases(sql: Sql, t: Tables, rows: OpenedRow[]): Promise<void> {
  const inserted = (await sql(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         event_id uuid, case_id uuid, case_number text, priority text, version int, office text,
         opened_at timestamptz)
     ), m AS (
       INSERT INTO ${t.milestones} (event_id, case_id, kind, at)
       SELECT event_id, case_id, 'case_opened', opened_at FROM r
       ON CONFLICT (event_id) DO NOTHING
     ), q AS (
       UPDATE ${t.queue} q SET status = 'opened', case_number = r.case_number, priority = r.priority,
                               version = r.version
         FROM r WHERE q.case_id = r.case_id
     ), e AS (
       UPDATE ${t.employers} e SET status = 'opened', case_number = r.case_number
         FROM r WHERE e.case_id = r.case_id
       RETURNING e.case_id, e.employer_name, e.fein
     )
     INSERT INTO ${t.cases} (case_id, case_number, employer_name, employer_fein, status, priority,
                             office, opened_at, listed_at, status_changed_at)
     SELECT r.case_id, r.case_number, e.employer_name, e.fein, 'opened', r.priority, r.office, r.opened_at,
            r.opened_at, r.opened_at
       FROM r JOIN e ON e.case_id = r.case_id
     RETURNING case_id`,
    [JSON.stringify(rows)],
  )) as Array<{ case_id: string }>;
  if (inserted.length !== rows.length) {
    const found = new Set(inserted.map((r) => r.case_id));
    const missing = rows.filter((r) => !found.has(r.case_id)).map((r) => r.case_id);
    throw new Error(`CaseOpened for ${missing.join(', ')}: no employer index row`);
  }
  // Milestones of other services may have come first (intake's projector behind, or a rebuild):
  // apply them, under the lock the follower takes too, so neither misses the other's.
  const caseIds = rows.map((r) => r.case_id);
  await lockCaseStatus(sql, t.schema, caseIds, true);
  await refreshCaseStatus(sql, t.schema, caseIds);
}

/** The compatibility form: one event through a TypeORM transaction. */
export async function projectEvent(
  em: EntityManager,
  recorded: RecordedEvent,
  industries: readonly TargetedIndustry[],
  schema: string = schemaOfManager(em),
): Promise<void> {
  await projectEvents(sqlOf(em), schema, [recorded], industries);
}

/** The intake read models' tables, schema-qualified. */
export interface Tables {
  schema: string;
  milestones: string;
  queue: string;
  employers: string;
  cases: string;
}

function tablesOf(schema: string): Tables {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid intake schema "${schema}"`);
  return {
    schema,
    milestones: `"${schema}".case_milestones`,
    queue: `"${schema}".complaint_queue`,
    employers: `"${schema}".employer_index`,
    cases: `"${schema}".case_index`,
  };
}

function schemaOfManager(em: EntityManager): string {
  const schema = (em.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the intake data source has no schema');
  return schema;
}
