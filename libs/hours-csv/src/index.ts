/**
 * The hours-and-wages CSV format: its columns and how its text splits into rows. The investigation
 * service parses uploads with it (services/investigation/src/hours/hours-csv.ts) and the workbench
 * re-reads a refused upload with it to show each refused row beside its errors, so both number
 * rows the same way. Pure TypeScript, no dependency: a library the browser app may import.
 */

/**
 * CSV header of an hours-and-wages upload (one row per worker and workweek). `worker_ref` is the
 * payroll's employee number (or empty: the name identifies the worker within the case); `d1`..`d7`
 * are the hours worked on the workweek's days from `week_start`; `hourly_rate` and `paid_hours`
 * are the straight-time hourly pay; the other money columns are dollars with at most two decimals.
 * `salary` alone is a fluctuating-workweek salary (29 CFR 778.114); with `salary_hours`, a salary
 * for that fixed number of hours (778.113).
 */
export const HOURS_CSV_COLUMNS = [
  'worker_ref',
  'worker_name',
  'week_start',
  'd1',
  'd2',
  'd3',
  'd4',
  'd5',
  'd6',
  'd7',
  'hourly_rate',
  'paid_hours',
  'piece',
  'salary',
  'salary_hours',
  'bonus',
  'overtime_premium',
  'makeup',
  'payday',
] as const;
export const HOURS_CSV_REQUIRED = [
  'worker_name',
  'week_start',
  'd1',
  'd2',
  'd3',
  'd4',
  'd5',
  'd6',
  'd7',
] as const;

/**
 * RFC 4180 fields: quotes, doubled quotes inside them, commas and newlines within quotes. Blank
 * lines are skipped, so rows are numbered from 1 (the header) as the service's 422 numbers them.
 */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && (r[0] ?? '').trim() === ''));
}

/** The rows of an upload, a byte-order mark (as spreadsheets write one) ignored. */
export function csvTable(text: string): string[][] {
  return splitCsv(text.replace(/^\uFEFF/, ''));
}
