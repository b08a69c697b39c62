import { HOURS_CSV_COLUMNS, HOURS_CSV_REQUIRED, type PayComponent } from '@lse/contracts';
import { csvTable } from '@lse/hours-csv';
import { isIsoDate, uuidV5, NAMESPACE_LSE } from '@lse/domain';

/** A problem with one cell (or the header, row 1) of an upload. Rows count from 1, the header included. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  workerId: string;
  workerName: string;
  weekStart: string;
  hours: number[];
  pay: PayComponent[];
  payday?: string;
}

/** Dollars with at most two decimals, to integer cents without floating point: "1,234.5" is refused. */
export function dollarsToCents(text: string): number | undefined {
  const match = /^\$?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function hoursOf(text: string, max: number): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return hundredths <= max * 100 ? hundredths / 100 : undefined;
}

/** A worker's id within a case: from the payroll's employee number, or else from the name. */
export function workerIdFor(caseId: string, ref: string, name: string): string {
  const key = ref ? `ref:${ref.trim()}` : `name:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  return uuidV5(`${caseId}/worker/${key}`, NAMESPACE_LSE);
}

/**
 * Parses an hours-and-wages CSV (columns in HOURS_CSV_COLUMNS, any order, header required).
 * Every problem is reported with its row and column; any problem means nothing is recorded.
 */
export function parseHoursCsv(caseId: string, text: string): { rows: ParsedRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const table = csvTable(text);
  if (table.length === 0)
    return { rows: [], errors: [{ row: 1, field: '(header)', message: 'the file is empty' }] };
  const header = table[0].map((h) => h.trim().toLowerCase());
  const known = new Set<string>(HOURS_CSV_COLUMNS);
  header.forEach((h) => {
    if (!known.has(h)) errors.push({ row: 1, field: h || '(blank)', message: 'unknown column' });
  });
  for (const required of HOURS_CSV_REQUIRED)
    if (!header.includes(required))
      errors.push({ row: 1, field: required, message: 'required column missing' });
  if (errors.length) return { rows: [], errors };
  if (table.length === 1) return { rows: [], errors: [{ row: 1, field: '(rows)', message: 'no data rows' }] };

  const rows: ParsedRow[] = [];
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const cell = (name: string) => (cells[header.indexOf(name)] ?? '').trim();
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    if (cells.length !== header.length)
      fail('(row)', `expected ${header.length} cells, found ${cells.length}`);

    const workerName = cell('worker_name');
    if (!workerName || workerName.length > 200) fail('worker_name', 'required, at most 200 characters');
    const weekStart = cell('week_start');
    if (!isIsoDate(weekStart)) fail('week_start', 'expected a date YYYY-MM-DD');
    const hours = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'].map((day) => {
      const value = cell(day) === '' ? 0 : hoursOf(cell(day), 24);
      if (value === undefined) fail(day, 'expected hours from 0 to 24 with at most two decimals');
      return value ?? 0;
    });
    const money = (name: string): number | undefined => {
      const text = cell(name);
      if (text === '') return undefined;
      const cents = dollarsToCents(text);
      if (cents === undefined) fail(name, 'expected dollars with at most two decimals, e.g. 12.50');
      return cents;
    };
    const pay: PayComponent[] = [];
    const rate = money('hourly_rate');
    const paidHoursText = cell('paid_hours');
    const paidHours = paidHoursText === '' ? undefined : hoursOf(paidHoursText, 168);
    if (paidHoursText !== '' && paidHours === undefined)
      fail('paid_hours', 'expected hours from 0 to 168 with at most two decimals');
    if (rate !== undefined && paidHoursText === '') fail('paid_hours', 'required with hourly_rate');
    if (rate === undefined && paidHoursText !== '' && cell('hourly_rate') === '')
      fail('hourly_rate', 'required with paid_hours');
    if (rate !== undefined && paidHours !== undefined)
      pay.push({ kind: 'hourly', rateCents: rate, hours: paidHours });
    for (const kind of ['piece', 'bonus', 'overtime_premium', 'makeup'] as const) {
      const cents = money(kind);
      if (cents !== undefined) pay.push({ kind, cents });
    }
    // salary alone: the fluctuating workweek (29 CFR 778.114); with salary_hours, a salary for
    // that fixed number of hours (778.113).
    const salary = money('salary');
    const salaryHoursText = cell('salary_hours');
    const salaryHours = salaryHoursText === '' ? undefined : hoursOf(salaryHoursText, 168);
    if (salaryHoursText !== '' && !salaryHours)
      fail(
        'salary_hours',
        'expected the hours the salary pays, more than 0 and at most 168, two decimals at most',
      );
    if (salaryHoursText !== '' && cell('salary') === '') fail('salary', 'required with salary_hours');
    if (salary !== undefined)
      pay.push(
        salaryHours
          ? { kind: 'salary_fixed_hours', cents: salary, hours: salaryHours }
          : { kind: 'salary', cents: salary },
      );
    const payday = cell('payday');
    if (payday && !isIsoDate(payday)) fail('payday', 'expected a date YYYY-MM-DD');
    rows.push({
      row,
      workerId: workerIdFor(caseId, cell('worker_ref'), workerName),
      workerName,
      weekStart,
      hours,
      pay,
      ...(payday ? { payday } : {}),
    });
  });
  // The same worker twice in one workweek would double-count hours.
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.workerId}/${r.weekStart}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row: r.row, field: 'week_start', message: `same worker and workweek as row ${first}` });
    else seen.set(key, r.row);
  }
  return { rows: errors.length ? [] : rows, errors };
}
