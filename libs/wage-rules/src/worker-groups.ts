/* A computation's records, per worker and in week order. */
import { ValidationError } from '@lse/domain';
import type { BackWageInput, WorkweekRecord } from './model';

/** One worker's records: `records[from]` to `records[from + count - 1]`. */
export interface Group {
  workerId: string;
  records: readonly WorkweekRecord[];
  from: number;
  count: number;
}

/**
 * Each worker's records, in the order of `input.workers`. Records already grouped by worker
 * (the usual upload) are used in place; otherwise they are collected per worker.
 */
export function groupByWorker(input: BackWageInput): Group[] {
  const groups = new Map<string, Group>();
  for (const w of input.workers) {
    if (groups.has(w.id)) throw new ValidationError(`worker ${w.id} is listed twice`, { workerId: w.id });
    groups.set(w.id, { workerId: w.id, records: input.records, from: 0, count: 0 });
  }
  const records = input.records;
  let contiguous = true;
  let current: Group | undefined;
  for (let i = 0; i < records.length; i++) {
    const id = records[i].workerId;
    if (current !== undefined && id === current.workerId) {
      current.count++;
      continue;
    }
    current = groups.get(id);
    if (current === undefined) throw new ValidationError(`record for unknown worker ${id}`, { workerId: id });
    if (current.count > 0) contiguous = false;
    current.from = i;
    current.count++;
  }
  if (!contiguous) {
    const lists = new Map<string, WorkweekRecord[]>([...groups.keys()].map((id) => [id, []]));
    for (const r of records) lists.get(r.workerId)!.push(r);
    for (const [id, list] of lists)
      groups.set(id, { workerId: id, records: list, from: 0, count: list.length });
  }
  return [...groups.values()];
}

export function sortedWeeks(records: WorkweekRecord[], workerId: string): WorkweekRecord[] {
  records.sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
  for (let i = 1; i < records.length; i++) {
    if (records[i].weekStart === records[i - 1].weekStart) {
      throw new ValidationError(
        `worker ${workerId}: the workweek of ${records[i].weekStart} is listed twice`,
        {
          workerId,
          weekStart: records[i].weekStart,
        },
      );
    }
  }
  return records;
}
