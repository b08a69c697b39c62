/**
 * The hours-and-wages CSV as the investigation service reads it, so that the rows it refuses can be
 * shown with their cells. Rows are numbered as the service numbers them in its 422: from 1, the
 * header included, blank lines skipped (services/investigation/src/hours/hours-csv.ts; the
 * workbench may not import server code, hence this copy of its splitter).
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

/** RFC 4180 fields: quotes, doubled quotes inside them, commas and newlines within quotes. */
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

/** One problem the service named: its row (1 = the header) and column, or '(row)', '(header)'... */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/**
 * The row problems of a 422 answer. Each error carries `row` and `field`; older answers only say
 * so in `path` ("row 3: d2"), which is read as a fallback.
 */
export function rowProblems(
  errors: readonly { path: string; message: string; row?: unknown; field?: unknown }[],
): RowProblem[] {
  const out: RowProblem[] = [];
  for (const e of errors) {
    if (typeof e.row === 'number' && typeof e.field === 'string') {
      out.push({ row: e.row, field: e.field, message: e.message });
      continue;
    }
    const m = /^row (\d+): (.+)$/.exec(e.path);
    if (m) out.push({ row: Number(m[1]), field: m[2] ?? '', message: e.message });
  }
  return out;
}

export interface CsvRowWithProblems {
  row: number;
  cells: string[];
  problems: RowProblem[];
}

/**
 * The upload's rows that have problems, each with its cells and messages, in file order; the
 * header's own problems (unknown or missing columns) and those of rows not in the file are apart.
 */
export function rowsWithProblems(text: string, problems: readonly RowProblem[]) {
  const table = splitCsv(text.replace(/^\uFEFF/, ''));
  const header = (table[0] ?? []).map((h) => h.trim());
  const byRow = new Map<number, RowProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const rows: CsvRowWithProblems[] = [];
  const elsewhere: RowProblem[] = [];
  for (const [row, list] of [...byRow].sort(([a], [b]) => a - b)) {
    const cells = table[row - 1];
    if (row > 1 && cells) rows.push({ row, cells, problems: list });
    else elsewhere.push(...list);
  }
  return { header, rows, headerProblems: elsewhere, totalRows: Math.max(0, table.length - 1) };
}
