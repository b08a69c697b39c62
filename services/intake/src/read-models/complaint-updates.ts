import type { ComplaintEvent, ComplaintEventType } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import {
  caseStatusTimeline,
  milestoneOfEventType,
  targetedIndustryOf,
  workersAffected,
  type TargetedIndustry,
} from '@lse/intake-domain';
import { normalizeAddress, normalizeEmployerName, normalizeFein } from './employer-index/normalize';
import type { Sql, Tables } from './project-event';

/** The queue status an event that ends the complaint at intake leaves. */
const CLOSING_STATUS: Partial<Record<ComplaintEventType, string>> = {
  DuplicateLinked: 'duplicate',
  ComplaintMerged: 'merged',
  ComplaintDeclined: 'declined',
  ComplaintWithdrawn: 'withdrawn',
};

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

/** One complaint event after its ComplaintReceived, applied to the queue, employer and case index rows. */
export async function applyUpdate(
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
