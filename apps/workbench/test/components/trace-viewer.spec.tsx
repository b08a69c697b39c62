import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TraceViewer } from '../../src/features/case-file/tabs/back-wages/TraceViewer';
import type { RuleSetCatalog } from '../../src/features/case-file/tabs/back-wages/rule-sets';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const CASE = '82cd693e-43c4-58d8-a38c-73918896400d';
const COMPUTATION = '6faaa7bf-2047-5928-9b27-7ab088780cd0';
const TRACE_PATH = `/api/v1/cases/${CASE}/investigation/back-wage-computations/${COMPUTATION}/trace`;
const FLSA = { ruleSetId: 'US-FLSA', ruleSetVersion: '2009-07-24' };
const at = { ruleSetVersion: '2009-07-24' };

/** Worked example 1 (wage-rules.md): $12.00 an hour, all 52 hours at straight time. */
const ana = {
  workerId: 'd59b3a34-e5fd-5605-8a22-debfe6746fa5',
  name: 'Ana Lavadora',
  figures: {
    workerId: 'd59b3a34-e5fd-5605-8a22-debfe6746fa5',
    minimumWageCents: 0,
    overtimeCents: 7200,
    unpaidWagesCents: 7200,
    liquidatedDamagesCents: 7200,
    totalCents: 14400,
    weeks: [
      {
        weekStart: '2026-11-08',
        ...FLSA,
        minimumWageCents: 0,
        overtimeCents: 7200,
        unpaidWagesCents: 7200,
        liquidatedDamagesCents: 7200,
        totalCents: 14400,
      },
    ],
  },
  weeks: [
    {
      weekStart: '2026-11-08',
      ...FLSA,
      regularRate: '1200',
      hoursWorked: 52,
      trace: [
        {
          figure: 'hoursWorked',
          ruleId: 'US-FLSA.workweek',
          ...at,
          hours: 52,
          formula:
            'hours worked in the workweek of 2026-11-08: 10.00 + 10.00 + 10.00 + 10.00 + 12.00 + 0.00 + 0.00 = 52.00 h',
        },
        {
          figure: 'overtimeHours',
          ruleId: 'FLSA.overtime.weekly',
          ...at,
          hours: 12,
          formula: 'hours over 40.00 in the workweek: 12.00 h at 1.5 x the regular rate',
        },
        {
          figure: 'minimumWage',
          ruleId: 'FLSA.minimum_wage',
          ...at,
          rate: '725',
          formula: 'minimum wage $7.25/h in effect from 2009-07-24 (29 U.S.C. 206(a)(1))',
        },
        {
          figure: 'overtimeDue',
          ruleId: 'FLSA.overtime.weekly',
          ...at,
          rate: '1200',
          hours: 12,
          formula: 'max(0, $12.00/h x (0.5 x 12.00 h) - overtime premium paid $0.00) = $72.00',
          amount: 7200,
        },
        {
          figure: 'total',
          ruleId: 'US-FLSA.total',
          ...at,
          formula: 'back wages $72.00 + liquidated damages $72.00 = $144.00',
          amount: 14400,
        },
      ],
    },
  ],
  excluded: [],
};

/** Worked example 2: a flat $300.00 for 60 hours; a fractional regular rate shows its decimals. */
const cruz = {
  workerId: '0b7c1a52-95f4-4d0e-9a57-3c1d2f7e9e10',
  name: 'Cruz Secador',
  figures: null,
  weeks: [
    {
      weekStart: '2026-11-15',
      ...FLSA,
      regularRate: '2225/3',
      hoursWorked: 60,
      trace: [
        {
          figure: 'regularRate',
          ruleId: 'US-FLSA.regular_rate',
          ...at,
          rate: '2225/3',
          hours: 60,
          formula: '(salary $445.00 for all hours worked) / 60.00 h = $7.4167/h (29 CFR 778.109)',
        },
      ],
    },
  ],
  excluded: [{ weekStart: '2024-01-07', accrued: '2024-01-13', reason: 'outside the limitation period' }],
};

const page = (workers: unknown[], nextCursor: string | null) => ({
  computationId: COMPUTATION,
  verified: true,
  rounding: 'each workweek rounded once, half up',
  ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
  totals: {
    minimumWageCents: 3500,
    overtimeCents: 26250,
    unpaidWagesCents: 29750,
    liquidatedDamagesCents: 29750,
    totalCents: 59500,
  },
  workers,
  nextCursor,
});

const CATALOG: RuleSetCatalog = [
  {
    id: 'US-FLSA',
    versions: [
      {
        version: '2009-07-24',
        effectiveFrom: '2009-07-24',
        publishedBy: 'wage-rules',
        publishedAt: '2009-07-24T00:00:00Z',
        reason: 'shipped',
        ruleSet: {
          id: 'US-FLSA',
          version: '2009-07-24',
          name: 'Fair Labor Standards Act',
          minimumWage: {
            id: 'FLSA.minimum_wage',
            table: [{ from: '2009-07-24', centsPerHour: 725, source: '29 U.S.C. 206(a)(1)' }],
          },
          overtime: {
            weekly: {
              id: 'FLSA.overtime.weekly',
              afterHours: 40,
              multiplier: 1.5,
              source: '29 U.S.C. 207(a)(1)',
            },
          },
        },
      },
    ],
  },
];

/** The trace's two pages: the first ends with a cursor, the second is the last. */
function answerTrace() {
  return mockApi((call) => {
    if (call.method !== 'GET' || call.path !== TRACE_PATH) return notFound(call);
    const cursor = call.query.get('cursor');
    if (!cursor) return json(200, page([ana], 'c2'));
    if (cursor === 'c2') return json(200, page([cruz], null));
    return json(400, { title: 'Bad cursor' });
  });
}

function renderTrace() {
  signIn('investigator', 'ivan@agency.gov');
  return renderRoute(<TraceViewer caseId={CASE} computationId={COMPUTATION} ruleSets={CATALOG} />, {
    route: '/cases/:caseId/:tab',
    path: `/cases/${CASE}/back-wages?computation=${COMPUTATION}`,
  });
}

describe('the back-wage trace viewer', () => {
  it('shows each step of a workweek with the rule applied, its citation, the rate, the hours, the formula and the amount', async () => {
    const calls = answerTrace();
    renderTrace();

    const worker = await screen.findByRole('region', { name: 'Ana Lavadora' });
    expect(within(worker).getByRole('heading', { name: 'Ana Lavadora' })).toBeTruthy();
    // The workweek: the rule set applied, its regular rate, the hours and what it owes.
    expect(within(worker).getByRole('rowheader', { name: /Workweek of Nov 8, 2026/ }).textContent).toBe(
      'Workweek of Nov 8, 2026 · US-FLSA 2009-07-24 · regular rate $12.00 an hour · 52 hours · owed $144.00',
    );
    // The overtime step, cell by cell.
    const overtime = within(worker)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('Overtime owed'))!;
    expect(
      within(overtime)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Overtime owed',
      'FLSA.overtime.weekly, 29 U.S.C. 207(a)(1)',
      '$12.00',
      '12',
      'max(0, $12.00/h x (0.5 x 12.00 h) - overtime premium paid $0.00) = $72.00',
      '$72.00',
    ]);
    // A minimum-wage step cites the table entry in force that week; engine steps cite nothing of their own.
    const minimum = within(worker)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('Minimum wage'))!;
    expect(within(minimum).getAllByRole('cell')[1]!.textContent).toBe(
      'FLSA.minimum_wage, 29 U.S.C. 206(a)(1)',
    );
    const hours = within(worker)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('Hours worked'))!;
    expect(
      within(hours)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Hours worked',
      'US-FLSA.workweek',
      '—',
      '52',
      'hours worked in the workweek of 2026-11-08: 10.00 + 10.00 + 10.00 + 10.00 + 12.00 + 0.00 + 0.00 = 52.00 h',
      '—',
    ]);
    // The worker's and the case's totals, from integer cents.
    expect(within(worker).getByText('Owed to this worker').nextSibling?.textContent).toBe('$144.00');
    expect(screen.getByText('Case total').nextSibling?.textContent).toBe('$595.00');
    expect(screen.getByText('Verified')).toBeTruthy();

    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.get('limit')).toBe('5');
    expect(calls[0]!.query.has('cursor')).toBe(false);
  });

  it('pages on the server: next follows the cursor the page gave, previous goes back to the first page', async () => {
    const calls = answerTrace();
    renderTrace();
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Ana Lavadora' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const second = await screen.findByRole('region', { name: 'Cruz Secador' });
    expect(calls.at(-1)!.query.get('cursor')).toBe('c2');
    expect(screen.queryByRole('region', { name: 'Ana Lavadora' })).toBeNull();
    expect(screen.getByText('Page 2')).toBeTruthy();
    // The new page is read from its top: focus moves to the trace's heading.
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'How each figure was computed' }),
    );
    // An exact fractional regular rate (2225/3 cents an hour) keeps its decimals.
    expect(within(second).getByRole('rowheader').textContent).toContain('regular rate $7.4167 an hour');
    // Workweeks outside the limitation period are listed as not owed.
    expect(within(second).getByText('Workweeks not owed')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next page' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('region', { name: 'Ana Lavadora' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Cruz Secador' })).toBeNull());
    expect(screen.getByText('Page 1')).toBeTruthy();
  });
});
