import type { RetentionRecordType } from '@lse/contracts';
import { addDays, addYears, type IsoDate } from '@lse/domain';
import { scheduleEntryFor, type RetentionSchedule, type RetentionScheduleEntry } from './schedules';

/** A record that has closed, from the retention read model. */
export interface ClosedRecord {
  recordType: RetentionRecordType;
  /** The case id, or a FOIA request's id. */
  recordId: string;
  /** The case the record belongs to (a hold is on a case); absent for a FOIA request. */
  caseId?: string;
  closedOn: string;
}

export interface PastRetention extends ClosedRecord {
  dueOn: string;
  entry: RetentionScheduleEntry;
}

/**
 * The first day a record may be disposed of: the anniversary of its closing `years` later. A
 * record closed on February 29 has no anniversary in a common year: its period runs through
 * February 28, so it comes due on March 1 (never a day early).
 */
export function retentionDueOn(closedOn: string, years: number): string {
  const anniversary = addYears(closedOn as IsoDate, years);
  return closedOn.endsWith('-02-29') && anniversary.endsWith('-02-28')
    ? addDays(anniversary, 1)
    : anniversary;
}

/** Order of the due list: due date, then record type, then id (stable across pages). */
export function compareDue(
  a: { dueOn: string; recordType: string; recordId: string },
  b: { dueOn: string; recordType: string; recordId: string },
): number {
  return (
    a.dueOn.localeCompare(b.dueOn) ||
    a.recordType.localeCompare(b.recordType) ||
    a.recordId.localeCompare(b.recordId)
  );
}

/**
 * The records whose retention period has run as of `asOf` (due on or before it), in due order.
 * A record type the schedule keeps, or does not list, never comes due.
 */
export function pastRetention(
  records: readonly ClosedRecord[],
  schedule: RetentionSchedule,
  asOf: string,
): PastRetention[] {
  const past: PastRetention[] = [];
  for (const record of records) {
    const entry = scheduleEntryFor(schedule, record.recordType);
    if (!entry || entry.disposition === 'keep' || entry.retainYears === null) continue;
    const dueOn = retentionDueOn(record.closedOn, entry.retainYears);
    if (dueOn <= asOf) past.push({ ...record, dueOn, entry });
  }
  return past.sort(compareDue);
}

/** The latest closing date whose record could be past retention as of `asOf`: a query's bound. */
export function closedOnOrBefore(schedule: RetentionSchedule, asOf: string): string {
  const years = schedule.entries
    .filter((e) => e.disposition !== 'keep' && e.retainYears !== null)
    .map((e) => e.retainYears as number);
  // The shortest period decides; pastRetention still checks each record against its own.
  return addYears(asOf as IsoDate, -Math.min(...years));
}

/**
 * Splits the records past retention into those due and those held: a record of a case under a
 * legal hold is never due (agency records policy), it is listed as held with the holds.
 */
export function splitByHolds<H>(
  past: readonly PastRetention[],
  holdsOf: (caseId: string) => readonly H[],
): { due: PastRetention[]; held: Array<PastRetention & { holds: H[] }> } {
  const due: PastRetention[] = [];
  const held: Array<PastRetention & { holds: H[] }> = [];
  for (const record of past) {
    const holds = record.caseId ? holdsOf(record.caseId) : [];
    if (holds.length > 0) held.push({ ...record, holds: [...holds] });
    else due.push(record);
  }
  return { due, held };
}
