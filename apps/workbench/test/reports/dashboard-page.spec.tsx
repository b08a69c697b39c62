import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DashboardPage } from '../../src/features/dashboard/DashboardPage';
import { json, mockApi, notFound, problem } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const money = (group: string, cases: number, assessed: number, collected: number, disbursed: number) => ({
  group,
  cases,
  assessedCents: assessed,
  collectedCents: collected,
  disbursedCents: disbursed,
  rate: assessed ? collected / assessed : null,
});
const groupRow = (group: string, complaints: number, casesOpened: number) => ({
  group,
  complaints,
  casesOpened,
  collectionCases: 1,
  assessedCents: 200_000,
  collectedCents: 50_000,
  disbursedCents: 0,
  rate: 0.25,
});
const DASHBOARD = {
  asOf: '2026-06-30',
  filters: { office: 'SF-01' },
  intake: {
    byChannel: [
      { channel: 'hotline', complaints: 3 },
      { channel: 'web', complaints: 1 },
    ],
    byLanguage: [
      { language: 'es', complaints: 3 },
      { language: 'und', complaints: 1 },
    ],
    timeToOpen: { cases: 3, medianDays: 4, p75Days: 7, p90Days: 8.8 },
    openInvestigations: [
      { bucket: '0-30', cases: 2 },
      { bucket: '31-90', cases: 1 },
      { bucket: '91-180', cases: 0 },
      { bucket: '181-365', cases: 0 },
      { bucket: '365+', cases: 0 },
    ],
  },
  collections: {
    totals: money('all', 1, 200_000, 50_000, 0),
    byMonth: [money('2026-05', 1, 200_000, 50_000, 0)],
  },
  byOffice: [groupRow('SF-01', 4, 3)],
  byIndustry: [{ ...groupRow('81', 4, 3), targeted: ['car_washes', 'domestic_home_care'] }],
};

describe('manager dashboard', () => {
  it('asks with the filters of the URL and shows each chart with its figures as a table', async () => {
    signIn('supervisor');
    const calls = mockApi((call) =>
      call.path === '/api/v1/reports/dashboard' ? json(200, DASHBOARD) : notFound(call),
    );
    renderRoute(<DashboardPage />, { route: '/dashboard', path: '/dashboard?office=SF-01&from=2026-01-01' });
    await screen.findByRole('img', { name: /Complaints by channel/ });
    expect(calls[0]?.query.toString()).toBe('office=SF-01&from=2026-01-01');
    const summary = screen.getByRole('region', { name: 'Figures for the period' });
    expect(summary.textContent).toContain('Median days to open4 days');
    expect(summary.textContent).toContain('Collection rate25%');

    const user = userEvent.setup();
    const figure = screen.getByRole('img', { name: /Time from complaint to case opened/ }).closest('figure')!;
    await user.click(within(figure).getByRole('button', { name: 'Show as table' }));
    const timing = within(figure).getByRole('table');
    expect(within(timing).getByText('8.8 days')).toBeTruthy();

    const sectors = screen.getByRole('img', { name: /By industry/ }).closest('figure')!;
    await user.click(within(sectors).getByRole('button', { name: 'Show as table' }));
    const row = within(within(sectors).getByRole('table')).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Targeted: car washes and domestic and home care');
    expect(row.textContent).toContain('$2,000.00');
    expect(
      screen.getByRole('img', { name: /Complaints by language/ }).querySelector('desc')?.textContent,
    ).toBe('Spanish: Complaints 3; Not recorded: Complaints 1');
  });

  it('puts a refused filter beside its field', async () => {
    signIn('supervisor');
    mockApi(() =>
      problem(400, {
        title: 'Invalid request',
        errors: [{ path: 'industry', message: 'expected a NAICS sector of two digits, like "72"' }],
      }),
    );
    renderRoute(<DashboardPage />, { route: '/dashboard', path: '/dashboard?industry=7' });
    expect((await screen.findAllByText(/expected a NAICS sector/)).length).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: /Industry/ }).getAttribute('aria-invalid')).toBe('true');
  });
});
