import { workweekProblems } from './workweek-checks';
import {
  HoursAndWagesCsvInput,
  HoursAndWagesJsonInput,
  MAX_WORKWEEK_RECORDS,
  RecordedWorkerSchema,
  WorkweekRecordSchema,
  formatPath,
  type HoursAndWagesRecorded,
} from '@lse/contracts';
import { DomainError } from '@lse/service-kit';
import { z } from 'zod';
import { parseHoursCsv, type RowError } from './hours-csv';

/** 422 with one entry per bad row and field; nothing is recorded. */
export class HoursUploadInvalidError extends DomainError {
  constructor(errors: RowError[]) {
    super(
      'unprocessable',
      `${errors.length} problem(s) in the hours and wages upload; nothing was recorded.`,
      {
        reason: 'hours_rows_invalid',
        errors: errors.map((e) => ({
          path: `row ${e.row}: ${e.field}`,
          row: e.row,
          field: e.field,
          message: e.message,
        })),
      },
    );
  }
}

type Common = Pick<HoursAndWagesRecorded, 'recordSetId' | 'source' | 'employerId' | 'workweekStart' | 'note'>;

function common(
  input: {
    source: HoursAndWagesRecorded['source'];
    employerId?: string;
    workweekStart?: HoursAndWagesRecorded['workweekStart'];
    note?: string;
  },
  recordSetId: string,
): Common {
  return {
    recordSetId,
    source: input.source,
    ...(input.employerId ? { employerId: input.employerId } : {}),
    ...(input.workweekStart ? { workweekStart: input.workweekStart } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}

/** CSV rows to a record set: workers named once each, rows checked cell by cell. */
export function recordSetFromCsv(
  caseId: string,
  recordSetId: string,
  input: z.output<typeof HoursAndWagesCsvInput>,
): HoursAndWagesRecorded {
  const { rows, errors } = parseHoursCsv(caseId, input.csv);
  if (errors.length) throw new HoursUploadInvalidError(errors);
  const workers = new Map<string, string>();
  const nameClash: RowError[] = [];
  for (const r of rows) {
    const known = workers.get(r.workerId);
    if (known !== undefined && known !== r.workerName)
      nameClash.push({
        row: r.row,
        field: 'worker_name',
        message: `worker_ref already named "${known}" above`,
      });
    workers.set(r.workerId, r.workerName);
  }
  if (nameClash.length) throw new HoursUploadInvalidError(nameClash);
  const weeks = workweekProblems(rows, 'week_start', input.workweekStart);
  if (weeks.length) throw new HoursUploadInvalidError(weeks);
  return {
    ...common(input, recordSetId),
    workers: [...workers].map(([workerId, name]) => ({ workerId, name })),
    records: rows.map((r) => ({
      workerId: r.workerId,
      weekStart: r.weekStart as never,
      hours: r.hours,
      pay: r.pay,
      ...(r.payday ? { payday: r.payday as never } : {}),
    })),
  };
}

/** The JSON upload with its rows left unchecked, so each bad row is reported (422) rather than refused whole. */
export const HoursJsonRequest = HoursAndWagesJsonInput.extend({
  format: z.literal('json'),
  workers: z.array(z.unknown()).min(1).max(MAX_WORKWEEK_RECORDS),
  records: z.array(z.unknown()).min(1).max(MAX_WORKWEEK_RECORDS),
});

/** JSON records to a record set; a record's problems are named by its row (1-based) and field. */
export function recordSetFromJson(
  recordSetId: string,
  input: z.output<typeof HoursJsonRequest>,
): HoursAndWagesRecorded {
  const errors: RowError[] = [];
  const workers: HoursAndWagesRecorded['workers'] = [];
  input.workers.forEach((w, i) => {
    const parsed = RecordedWorkerSchema.safeParse(w);
    if (parsed.success) workers.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ row: i + 1, field: `workers.${formatPath(issue.path)}`, message: issue.message });
  });
  const known = new Set(workers.map((w) => w.workerId));
  const seen = new Map<string, number>();
  const records: HoursAndWagesRecorded['records'] = [];
  const rows: Array<{ row: number; workerId: string; weekStart: string }> = [];
  input.records.forEach((record, i) => {
    const parsed = WorkweekRecordSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row: i + 1, field: formatPath(issue.path), message: issue.message });
      return;
    }
    const r = parsed.data;
    if (!known.has(r.workerId))
      errors.push({ row: i + 1, field: 'workerId', message: 'worker not listed in workers' });
    const key = `${r.workerId}/${r.weekStart}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row: i + 1, field: 'weekStart', message: `same worker and workweek as row ${first}` });
    else seen.set(key, i + 1);
    records.push(r);
    rows.push({ row: i + 1, workerId: r.workerId, weekStart: r.weekStart });
  });
  errors.push(...workweekProblems(rows, 'weekStart', input.workweekStart));
  if (errors.length) throw new HoursUploadInvalidError(errors);
  return { ...common(input, recordSetId), workers, records };
}

/** `investigation.recordHoursAndWages` input: JSON rows or CSV text. */
export const HoursRequestInput = z.discriminatedUnion('format', [HoursJsonRequest, HoursAndWagesCsvInput]);
