import { EmployerAdded, ViolationFound } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { Sql } from '../project-event';
import { normalizeAddress, normalizeEmployerName, normalizeFein } from './normalize';

/**
 * An employer the investigation added (joint employer, staffing agency, successor...) enters the
 * employer index beside the one the complaint named; lookups take its case's number and status
 * from the complaint's row. Keyed by its employerId on the case: a redelivery adds nothing.
 */
export async function indexInvestigationEmployer(
  sql: Sql,
  schema: string,
  caseId: string,
  event: RecordedEvent,
): Promise<void> {
  const employer = EmployerAdded.parse(event.schemaVersion, event.data);
  await sql(
    `INSERT INTO "${schema}".case_employers (case_id, employer_id, role, normalized_name, fein,
                                            normalized_address, employer_name, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (case_id, employer_id) DO NOTHING`,
    [
      caseId,
      employer.employerId,
      employer.role,
      normalizeEmployerName(employer.name),
      normalizeFein(employer.fein),
      employer.address ? normalizeAddress(employer.address) : '',
      employer.name,
      event.recordedAt,
    ],
  );
}

/** A violation found on the case, against the employers it names; kept once per event. */
export async function recordViolation(
  sql: Sql,
  schema: string,
  caseId: string,
  event: RecordedEvent,
): Promise<void> {
  const violation = ViolationFound.parse(event.schemaVersion, event.data);
  await sql(
    `INSERT INTO "${schema}".case_violations (event_id, case_id, employer_ids) VALUES ($1, $2, $3)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.eventId, caseId, violation.employerIds],
  );
}
