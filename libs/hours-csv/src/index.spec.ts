import { csvTable, HOURS_CSV_COLUMNS, HOURS_CSV_REQUIRED, splitCsv } from './index';

describe('the hours-and-wages CSV format', () => {
  it('splits quoted fields with commas, doubled quotes and CRLF line ends', () => {
    expect(splitCsv('a,"b, c","say ""hi"""\r\n1,2,3\n\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps a newline inside quotes in its field and skips blank lines, so rows number as the service numbers them', () => {
    expect(splitCsv('h1,h2\r\n\r\n"x, y","line 1\nline 2"\n\n1,2\n')).toEqual([
      ['h1', 'h2'],
      ['x, y', 'line 1\nline 2'],
      ['1', '2'],
    ]);
  });

  it('ignores the byte-order mark a spreadsheet writes before the header', () => {
    expect(csvTable('\uFEFFworker_name,week_start\nAna,2026-03-01\n')[0]).toEqual([
      'worker_name',
      'week_start',
    ]);
  });

  it('requires only columns it knows', () => {
    for (const column of HOURS_CSV_REQUIRED) expect(HOURS_CSV_COLUMNS).toContain(column);
  });
});
