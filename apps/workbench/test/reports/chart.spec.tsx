import { screen, within } from '@testing-library/react';
import { Chart } from '../../src/ui/chart/Chart';
import { renderWithApp } from '../support/render';

type Row = { month: string; rate: number | null; assessed: number };
const ROWS: Row[] = [
  { month: '2026-01', rate: 0.25, assessed: 400_000 },
  { month: '2026-02', rate: null, assessed: 0 },
];

function RateChart({ rows = ROWS }: { rows?: Row[] }) {
  return (
    <Chart<Row>
      kind="line"
      title="Collection rate by month"
      summary="Collected as a share of assessed."
      rows={rows}
      categoryLabel="Month"
      category={(r) => r.month}
      categoryNote={(r) => (r.month === '2026-01' ? 'first month' : undefined)}
      noteLegend="a noted month"
      series={[
        {
          key: 'rate',
          label: 'Rate',
          value: (r) => r.rate,
          format: (v) => (v == null ? '—' : `${v * 100}%`),
        },
        {
          key: 'assessed',
          label: 'Assessed',
          value: (r) => r.assessed,
          format: (v) => `$${(v ?? 0) / 100}`,
          tableOnly: true,
        },
      ]}
      maxValue={1}
      empty="No months."
    />
  );
}

describe('Chart', () => {
  it('is one image named by its caption and described by every figure, the table a button away', async () => {
    const { user } = await renderWithApp(<RateChart />);
    const image = screen.getByRole('img', { name: /Collection rate by month/ });
    expect(image.tagName.toLowerCase()).toBe('svg');
    // The description holds every figure, drawn or table-only, and the category's note.
    const desc = image.querySelector('desc')?.textContent;
    expect(desc).toBe('2026-01 (first month): Rate 25%, Assessed $4000; 2026-02: Rate —, Assessed $0');
    // Only drawn series are in the legend; the note's mark is explained.
    expect(screen.getByText('Rate')).toBeTruthy();
    expect(screen.getByText('* a noted month')).toBeTruthy();

    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Show as chart' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('img')).toBeNull();
    const table = screen.getByRole('table', { name: 'Collection rate by month' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Month', 'Rate', 'Assessed']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['2026-01first month', '25%', '$4000'],
      ['2026-02', '—', '$0'],
    ]);
  });

  it('says so when there is nothing to draw, and offers no table', async () => {
    await renderWithApp(<RateChart rows={[]} />);
    expect(screen.getByText('No months.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('speaks Spanish', async () => {
    await renderWithApp(<RateChart />, { language: 'es' });
    expect(screen.getByRole('button', { name: 'Ver como tabla' })).toBeTruthy();
  });
});
