import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { tab } from '../../src/features/case-file/tabs/hours';
import { splitCsv } from '@lse/hours-csv';
import { rowProblems, rowsWithProblems } from '../../src/features/case-file/tabs/hours/hours-csv';
import { FakeXhr } from '../support/fake-xhr';
import { CASE_ID, EMPLOYER_ID, investigationView } from '../support/investigation-view';
import { mockApi, notFound } from '../support/mock-api';
import { renderTab, signInAs } from '../support/render-tab';

const HoursTab = tab.Component;
const HEADER = 'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours';
const ANA = 'E-1,Ana Ruiz,2026-11-01,10,10,10,10,10,0,0,10.00,50';
const BEN_BAD = 'E-2,Ben Cruz,2026-11-01,9,nine,9,9,9,0,0,10.00,45';
const ANA_BAD_DATE = 'E-1,Ana Ruiz,2026-11-32,10,10,10,10,10,0,0,10.00,50';

/** The 422 the service answers for BEN_BAD (row 3) and ANA_BAD_DATE (row 4: the blank line before it is no row). */
const REFUSED = {
  type: 'https://lse.example/problems/unprocessable',
  title: 'The request cannot be carried out',
  status: 422,
  detail: '2 problem(s) in the hours and wages upload; nothing was recorded.',
  errors: [
    {
      path: 'row 3: d2',
      row: 3,
      field: 'd2',
      message: 'expected hours from 0 to 24 with at most two decimals',
    },
    { path: 'row 4: week_start', row: 4, field: 'week_start', message: 'expected a date YYYY-MM-DD' },
  ],
};

function csvFile(lines: string[]): File {
  return new File([lines.join('\n')], 'hours.csv', { type: 'text/csv' });
}

function renderHours(language: 'en' | 'es' = 'en') {
  const refresh = jest.fn();
  renderTab(<HoursTab caseId={CASE_ID} investigation={investigationView()} refresh={refresh} />, {
    path: `/cases/${CASE_ID}/hours`,
    language,
  });
  return { refresh };
}

describe('the hours CSV as the service numbers its rows', () => {
  it('counts the header as row 1, skips blank lines and keeps quoted commas and newlines in their cell', () => {
    const table = splitCsv('a,b\r\n\r\n"x, y","line 1\nline 2"\n\n1,2\n');
    expect(table).toEqual([
      ['a', 'b'],
      ['x, y', 'line 1\nline 2'],
      ['1', '2'],
    ]);
  });

  it('takes each problem from its row and field, or from its path when an answer has only that', () => {
    expect(
      rowProblems([
        { path: 'row 3: d2', row: 3, field: 'd2', message: 'bad hours' },
        { path: 'row 7: payday', message: 'bad date' },
        { path: '(body)', message: 'not UTF-8' },
      ]),
    ).toEqual([
      { row: 3, field: 'd2', message: 'bad hours' },
      { row: 7, field: 'payday', message: 'bad date' },
    ]);
  });

  it('puts a problem of the header, or of a row the file does not have, apart from the rows', () => {
    const shown = rowsWithProblems([HEADER, ANA].join('\n'), [
      { row: 1, field: 'hourly_rate', message: 'required column missing' },
      { row: 2, field: 'd1', message: 'bad hours' },
      { row: 9, field: '(row)', message: 'no such row' },
    ]);
    expect(shown.rows.map((r) => [r.row, r.cells[1]])).toEqual([[2, 'Ana Ruiz']]);
    expect(shown.headerProblems.map((p) => p.row)).toEqual([1, 9]);
    expect(shown.totalRows).toBe(1);
  });
});

describe('the hours upload', () => {
  beforeEach(() => {
    FakeXhr.install();
    mockApi(notFound);
    signInAs('investigator', 'ines@agency.gov');
  });

  it('shows each refused row with its cells and, beside it, what is wrong; the fixed file is then recorded', async () => {
    const user = userEvent.setup();
    const { refresh } = renderHours();
    await user.selectOptions(screen.getByLabelText('Employer whose records these are'), EMPLOYER_ID);
    await user.upload(screen.getByLabelText(/^CSV file/), csvFile([HEADER, ANA, BEN_BAD, '', ANA_BAD_DATE]));
    await screen.findByText('Chosen: hours.csv (0.2 KB)');
    await user.click(screen.getByRole('button', { name: 'Upload hours and wages' }));

    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1));
    const sent = FakeXhr.requests[0]!;
    expect(sent.method).toBe('POST');
    const url = new URL(sent.url, 'http://localhost');
    expect(url.pathname).toBe(`/api/v1/cases/${CASE_ID}/investigation/hours-and-wages`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      source: 'employer_payroll',
      employerId: EMPLOYER_ID,
    });
    expect(sent.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(sent.headers.get('Authorization')).toBe('Bearer test-token');
    expect(sent.headers.get('If-Match')).toBe('"7"');
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.body).toBe([HEADER, ANA, BEN_BAD, '', ANA_BAD_DATE].join('\n'));

    sent.respond(422, REFUSED);
    const region = await screen.findByTestId('hours-row-errors');
    expect(
      within(region).getByRole('heading', { name: '2 problems in the file: nothing was recorded' }),
    ).toBeTruthy();
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['3', '4']);
    // Row 3 is Ben's: the message beside his cells, the bad cell marked.
    const ben = within(rows[0]!).getAllByRole('cell');
    expect(ben[0]!.textContent).toBe('d2: expected hours from 0 to 24 with at most two decimals');
    expect(ben.map((c) => c.textContent)).toContain('Ben Cruz');
    expect(ben.filter((c) => c.classList.contains('workbench-cell-error')).map((c) => c.textContent)).toEqual(
      ['nine'],
    );
    // Row 4 counts as the service counts it: the blank line is not a row.
    const ana = within(rows[1]!).getAllByRole('cell');
    expect(ana.filter((c) => c.classList.contains('workbench-cell-error')).map((c) => c.textContent)).toEqual(
      ['2026-11-32'],
    );
    expect(refresh).not.toHaveBeenCalled();

    // The person fixes the file and uploads it again: the same choices are still made.
    const fixed = [HEADER, ANA, BEN_BAD.replace('nine', '9'), ANA_BAD_DATE.replace('11-32', '11-08')];
    await user.upload(screen.getByLabelText(/^CSV file/), csvFile(fixed));
    expect(screen.queryByTestId('hours-row-errors')).toBeNull();
    await screen.findByText('Chosen: hours.csv (0.2 KB)');
    await user.click(screen.getByRole('button', { name: 'Upload hours and wages' }));
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(2));
    const again = FakeXhr.requests[1]!;
    expect(new URL(again.url, 'http://localhost').searchParams.get('employerId')).toBe(EMPLOYER_ID);
    expect(again.headers.get('Idempotency-Key')).not.toBe(sent.headers.get('Idempotency-Key'));
    again.respond(200, {
      caseId: CASE_ID,
      version: 8,
      status: 'open',
      events: ['HoursAndWagesRecorded'],
      id: '0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
      replayed: false,
    });
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status').textContent).toBe('Hours and wages recorded.');
    expect(screen.queryByText(/^Chosen:/)).toBeNull();
  });

  it('shows the upload progress as it goes', async () => {
    const user = userEvent.setup();
    renderHours('es');
    await user.upload(screen.getByLabelText(/^Archivo CSV/), csvFile([HEADER, ANA]));
    await screen.findByText(/^Elegido:/);
    await user.click(screen.getByRole('button', { name: 'Subir horas y salarios' }));
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(1));
    const sent = FakeXhr.requests[0]!;
    sent.progress(40, 100);
    const bar = await screen.findByLabelText('Subiendo: 40 %');
    expect((bar as HTMLProgressElement).value).toBe(40);
    sent.progress(100, 100);
    await screen.findByLabelText('Subiendo: 100 %');
  });
});
