import {
  caseStatusTimeline,
  type CaseMilestone,
  type CaseMilestoneKind,
  type CaseStatusChange,
} from '@lse/intake-domain';
import type { Sql } from '../project-event';

export interface MilestoneRow {
  eventId: string;
  caseId: string;
  kind: CaseMilestoneKind;
  at: string;
}

const milestonesTable = (schema: string) => `"${schema}".case_milestones`;
const casesTable = (schema: string) => `"${schema}".case_index`;

/**
 * Serializes the derivation of these cases' status between intake's projector (which inserts the
 * case) and the follower (which records other services' milestones): whichever comes second sees
 * what the first committed. The case index is taken first in the mode the projector already holds
 * (so a rebuild, which empties it, never waits on a follower that waits on it), then one advisory
 * lock per case in one order, so two holders never wait on each other.
 */
export async function lockCaseStatus(
  sql: Sql,
  schema: string,
  caseIds: readonly string[],
  /** The caller has written the case index in this transaction already (the projector). */
  holdsCaseIndex = false,
): Promise<void> {
  if (caseIds.length === 0) return;
  if (!holdsCaseIndex) await sql(`LOCK TABLE ${casesTable(schema)} IN ROW EXCLUSIVE MODE`);
  await sql(
    `SELECT pg_advisory_xact_lock(k)
       FROM (SELECT DISTINCT hashtextextended('intake.case-status:' || id, 0) AS k
               FROM unnest($1::text[]) AS id ORDER BY 1) AS keys`,
    [caseIds],
  );
}

/** Records milestones once each (keyed by the event that marked them): a redelivery adds nothing. */
export async function recordMilestones(
  sql: Sql,
  schema: string,
  rows: readonly MilestoneRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql(
    `INSERT INTO ${milestonesTable(schema)} (event_id, case_id, kind, at)
     SELECT event_id, case_id, kind, at FROM jsonb_to_recordset($1::jsonb)
       AS r(event_id uuid, case_id uuid, kind text, at timestamptz)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(rows.map((r) => ({ event_id: r.eventId, case_id: r.caseId, kind: r.kind, at: r.at })))],
  );
}

/** Each case's status changes, oldest first, from its recorded milestones. */
export async function statusTimelines(
  sql: Sql,
  schema: string,
  caseIds: readonly string[],
): Promise<Map<string, CaseStatusChange[]>> {
  const timelines = new Map<string, CaseStatusChange[]>();
  if (caseIds.length === 0) return timelines;
  const rows = (await sql(
    `SELECT case_id, kind, at, event_id FROM ${milestonesTable(schema)} WHERE case_id = ANY($1::uuid[])`,
    [caseIds],
  )) as Array<{ case_id: string; kind: CaseMilestoneKind; at: Date | string; event_id: string }>;
  const byCase = new Map<string, CaseMilestone[]>();
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({ kind: r.kind, at: new Date(r.at).toISOString(), eventId: r.event_id });
    byCase.set(r.case_id, list);
  }
  for (const [caseId, milestones] of byCase) timelines.set(caseId, caseStatusTimeline(milestones));
  return timelines;
}

/** Sets each indexed case's status and the date it last changed from its milestones. */
export async function refreshCaseStatus(sql: Sql, schema: string, caseIds: readonly string[]): Promise<void> {
  const timelines = await statusTimelines(sql, schema, caseIds);
  // A case with no milestone but its opening is as CaseOpened indexed it: nothing to write.
  const rows = [...timelines].flatMap(([caseId, changes]) => {
    const last = changes.at(-1);
    return last && changes.length > 1 ? [{ case_id: caseId, status: last.status, at: last.at }] : [];
  });
  if (rows.length === 0) return;
  await sql(
    `UPDATE ${casesTable(schema)} c SET status = r.status, status_changed_at = r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, status text, at timestamptz)
      WHERE c.case_id = r.case_id AND (c.status, c.status_changed_at) IS DISTINCT FROM (r.status, r.at)`,
    [JSON.stringify(rows)],
  );
}
