/**
 * A refused hours upload read again in the browser, to show each refused row with its cells beside
 * the service's errors. The format and the row numbering are the service's own (@lse/hours-csv).
 */
import { csvTable } from '@lse/hours-csv';

export { HOURS_CSV_COLUMNS } from '@lse/hours-csv';

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
  const table = csvTable(text);
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
