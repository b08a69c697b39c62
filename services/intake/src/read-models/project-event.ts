import { COMPLAINT_EVENTS, type ComplaintEvent, type ComplaintEventType } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import {
  caseStatusTimeline,
  milestoneOfEventType,
  targetedIndustryOf,
  workersAffected,
  type TargetedIndustry,
} from '@lse/intake-domain';
import { lockCaseStatus, refreshCaseStatus } from './case-index/case-status';
import { normalizeAddress, normalizeEmployerName, normalizeFein } from './employer-index/normalize';

/** A stored complaint event, upcast and validated into the shape the projections read. */
export function complaintEventOf(event: RecordedEvent): ComplaintEvent {
  const definition = COMPLAINT_EVENTS[event.type as ComplaintEventType];
  if (!definition) throw new Error(`unknown complaint event type ${event.type}`);
  return { type: event.type, data: definition.parse(event.schemaVersion, event.data) } as ComplaintEvent;
}

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

const CLOSING_STATUS: Partial<Record<ComplaintEventType, string>> = {
  DuplicateLinked: 'duplicate',
  ComplaintMerged: 'merged',
  ComplaintDeclined: 'declined',
  ComplaintWithdrawn: 'withdrawn',
};

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

interface Tables {
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

/**
 * A complaint that ended at intake without being opened (declined, handed over to another agency,
 * linked as a duplicate, merged) enters the case index under that status, dated by the event that
 * ended it, which is also its place in the list (listed_at). Keyed by the case and the event, so a
 * replay or a rebuild writes the same row once. The date is kept to the millisecond, as the list
 * and its cursors carry it, so a cursor never lands between a row and itself.
 */
async function endAtIntake(sql: Sql, t: Tables, caseId: string, recorded: RecordedEvent): Promise<void> {
  const kind = milestoneOfEventType(recorded.type);
  if (!kind) throw new Error(`${recorded.type} does not end a complaint at intake`);
  const at = new Date(recorded.recordedAt).toISOString();
  const [ended] = caseStatusTimeline([{ kind, at, eventId: recorded.eventId }]);
  await sql(
    `WITH m AS (
       INSERT INTO ${t.milestones} (event_id, case_id, kind, at)
       VALUES ($1::uuid, $2::uuid, $3::text, $4::timestamptz)
       ON CONFLICT (event_id) DO NOTHING
     )
     INSERT INTO ${t.cases} (case_id, case_number, employer_name, employer_fein, status, priority,
                             office, opened_at, listed_at, status_changed_at)
     SELECT q.case_id, NULL::text, e.employer_name, e.fein, $5::text, q.priority, q.office, NULL::timestamptz,
            $4::timestamptz, $4::timestamptz
       FROM ${t.queue} q JOIN ${t.employers} e ON e.case_id = q.case_id
      WHERE q.case_id = $2::uuid
     ON CONFLICT (case_id) DO NOTHING`,
    [recorded.eventId, caseId, kind, at, ended.status],
  );
}

async function applyUpdate(
  sql: Sql,
  t: Tables,
  recorded: RecordedEvent,
  caseId: string,
  version: number,
  event: Exclude<ComplaintEvent, { type: 'ComplaintReceived' | 'CaseOpened' }>,
  industries: readonly TargetedIndustry[],
): Promise<void> {
  const setStatus = (status: string) =>
    sql(
      `WITH q AS (UPDATE ${t.queue} SET status = $2, version = $3 WHERE case_id = $1)
       UPDATE ${t.employers} SET status = $2 WHERE case_id = $1`,
      [caseId, status, version],
    );
  const touch = () => sql(`UPDATE ${t.queue} SET version = $2 WHERE case_id = $1`, [caseId, version]);

  switch (event.type) {
    case 'ComplaintAmended': {
      const { employer, allegations } = event.data.changes;
      const set: string[] = ['version = $2'];
      const params: unknown[] = [caseId, version];
      const assign = (column: string, value: unknown) => {
        params.push(value);
        set.push(`${column} = $${params.length}`);
      };
      if (employer) {
        assign('employer_name', employer.name);
        assign('naics', employer.naics ?? null);
        assign('industry', targetedIndustryOf(employer.naics, industries)?.industry ?? null);
        await sql(
          `UPDATE ${t.employers} SET normalized_name = $2, fein = $3, normalized_address = $4,
                  employer_name = $5, naics = $6 WHERE case_id = $1`,
          [
            caseId,
            normalizeEmployerName(employer.name),
            normalizeFein(employer.fein),
            normalizeAddress(employer.address),
            employer.name,
            employer.naics ?? null,
          ],
        );
      }
      if (allegations) {
        assign('workers_affected', workersAffected({ allegations } as never));
        assign(
          'ongoing',
          allegations.some((a) => a.ongoing),
        );
      }
      await sql(`UPDATE ${t.queue} SET ${set.join(', ')} WHERE case_id = $1`, params);
      return;
    }
    case 'LimitationsAssessed':
      await sql(
        `UPDATE ${t.queue} SET limitations_expires_on = $2, limitations_warning = $3, version = $4
          WHERE case_id = $1`,
        [caseId, event.data.expiresOn, event.data.warning ?? null, version],
      );
      return;
    case 'TriageScored':
      await sql(`UPDATE ${t.queue} SET score = $2, priority = $3, version = $4 WHERE case_id = $1`, [
        caseId,
        event.data.score,
        event.data.priority,
        version,
      ]);
      return;
    case 'ComplaintReferredOut':
      if (event.data.crossFiled) await touch();
      else {
        await setStatus('referred_out');
        await endAtIntake(sql, t, caseId, recorded);
      }
      return;
    // Links recorded on this case (after JurisdictionAssessed): the lists do not show them, GET complaint does.
    case 'JurisdictionAssessed':
    case 'DuplicateAttached':
    case 'RelatedCaseLinked':
    case 'ComplaintMergedIn':
      await touch();
      return;
    default: {
      const status = CLOSING_STATUS[event.type];
      if (status) await setStatus(status);
      // Declined, duplicate, merged enter the case index; a withdrawn complaint stays in the queue only.
      if (milestoneOfEventType(event.type)) await endAtIntake(sql, t, caseId, recorded);
    }
  }
}
