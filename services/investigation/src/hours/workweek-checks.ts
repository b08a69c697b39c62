import { isIsoDate, toEpochDay, weekdayOf, type WorkweekStart } from '@lse/domain';
import type { RowError } from './hours-csv';

/**
 * An employer's workweek is a fixed, recurring seven days starting on one weekday (29 CFR
 * 778.105): a row whose week starts on another day, or whose week shares days with another of
 * the same worker's rows, would count hours twice or in the wrong week. Named per row, before
 * anything is recorded.
 */
export function workweekProblems(
  rows: ReadonlyArray<{ row: number; workerId: string; weekStart: string }>,
  weekStartField: string,
  workweekStart?: WorkweekStart,
): RowError[] {
  const errors: RowError[] = [];
  const byWorker = new Map<string, Array<{ row: number; day: number; weekStart: string }>>();
  for (const r of rows) {
    if (!isIsoDate(r.weekStart)) continue;
    if (workweekStart && weekdayOf(r.weekStart) !== workweekStart)
      errors.push({
        row: r.row,
        field: weekStartField,
        message: `starts on a ${weekdayOf(r.weekStart)}; the employer's workweek starts on ${workweekStart} (29 CFR 778.105)`,
      });
    const list = byWorker.get(r.workerId) ?? [];
    list.push({ row: r.row, day: toEpochDay(r.weekStart), weekStart: r.weekStart });
    byWorker.set(r.workerId, list);
  }
  for (const list of byWorker.values()) {
    list.sort((a, b) => a.day - b.day);
    for (let i = 1; i < list.length; i++) {
      const [before, r] = [list[i - 1], list[i]];
      // Equal starts are the "same workweek" error already; here: different starts sharing days.
      if (r.day !== before.day && r.day - before.day < 7)
        errors.push({
          row: r.row,
          field: weekStartField,
          message: `overlaps the workweek of ${before.weekStart} (row ${before.row}) of the same worker (29 CFR 778.105)`,
        });
    }
  }
  return errors.sort((a, b) => a.row - b.row);
}
