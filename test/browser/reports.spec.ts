/**
 * The report screens (issue 21, items 1 and 6) through the UI, on the whole system: a supervisor
 * opens the manager dashboard and reads, in the tables behind the charts, figures that match the
 * seeded cases; a collections officer lands on the receivables and filters them by office. axe on
 * each screen, with the charts and with their tables shown. Seeded through the public API: two
 * complaints in two offices carried through investigation to a collection case with a settlement
 * in installments (the first due this week), and a third complaint never opened.
 */
import { addDays, utcDateOf } from '@lse/domain';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import type { Locator } from 'playwright-core';
import { DemoApi, eventually } from '../../scripts/demo/api';
import { STAFF } from '../../scripts/demo/data';
import { openCase, versionOf } from '../../scripts/demo/intake';
import { investigateCarWash } from '../../scripts/demo/investigation';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(300_000);

const DAY = 86_400_000;
const SUPERVISOR = 'sue.reports';
const COLLECTIONS = 'carla.reports';

interface Seeded {
  caseId: string;
  caseNumber: string;
  assessedCents: number;
}

describe('reports: the manager dashboard and the receivables', () => {
  let env: BrowserSystem;
  let api: DemoApi;
  let tab: WorkbenchPage | undefined;
  const today = utcDateOf(new Date());
  const seeded: Seeded[] = [];

  /** A hotline complaint received `daysAgo` days ago, opened, investigated, settled in three installments. */
  async function collectionCase(office: string, naics: string, daysAgo: number): Promise<Seeded> {
    const received = await api.post<{ caseId: string }>(
      '/complaints',
      STAFF.officer,
      receiveInput({
        office,
        receivedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        employer: { ...receiveInput().employer, naics },
      }),
    );
    const { caseId } = received.body;
    const { caseNumber } = await openCase(api, caseId);
    await investigateCarWash(api, caseId, today, 30_000);
    const opened = await eventually(
      () =>
        api.send<{ totals: { assessedCents: number } }>('GET', `/collections/${caseId}`, STAFF.collections),
      (r) => r.status === 200,
      `collections to open case ${caseId}`,
      30_000,
    );
    const total = opened.body.totals.assessedCents;
    const first = Math.round(total / 3);
    await api.post(
      `/collections/${caseId}/settlement`,
      STAFF.supervisor,
      {
        amountCents: total,
        installments: [
          { dueOn: addDays(today, 3), amountCents: first },
          { dueOn: addDays(today, 33), amountCents: first },
          { dueOn: addDays(today, 63), amountCents: total - 2 * first },
        ],
      },
      { ifMatch: versionOf(opened) },
    );
    return { caseId, caseNumber, assessedCents: total };
  }

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new DemoApi(env.baseUrl);
    // A car wash (NAICS 81, a targeted industry) in RPT-01, 3 days from complaint to case;
    // a restaurant (72, targeted) in RPT-02, 6 days; a web complaint in RPT-02 never opened.
    seeded.push(await collectionCase('RPT-01', '811192', 3));
    seeded.push(await collectionCase('RPT-02', '722511', 6));
    await api.post('/complaints', STAFF.officer, receiveInput({ office: 'RPT-02', channel: 'web' }));
    // Until every service's read model has it all: the dashboard's figures settle.
    await eventually(
      () =>
        api.send<{ collections: { totals: { cases: number } }; byOffice: unknown[] }>(
          'GET',
          '/reports/dashboard',
          STAFF.supervisor,
        ),
      (r) =>
        r.status === 200 &&
        r.body.collections.totals.cases === 2 &&
        JSON.stringify(r.body).includes('"complaints":2'),
      'the dashboard to count the seeded cases',
      30_000,
    );
  });
  afterEach(async () => {
    tab?.assertNoProblems();
    await tab?.close();
    tab = undefined;
  });
  afterAll(async () => {
    await env?.stop();
  });

  /** A chart's figure by its caption; shows its table and returns the table. */
  async function tableOf(page: WorkbenchPage, caption: string): Promise<Locator> {
    const figure = page.page
      .locator('figure')
      .filter({ has: page.page.locator('figcaption').getByText(caption, { exact: true }) });
    // Once shown, a chart stays a table when the filters change.
    const show = figure.getByRole('button', { name: page.t('chart.showTable') });
    if (await show.count()) await show.click();
    const table = figure.getByRole('table', { name: caption });
    await table.waitFor();
    return table;
  }
  /** Every body row's cells as a person reads them. */
  const cells = async (table: Locator): Promise<string[][]> =>
    Promise.all(
      (await table.locator('tbody tr').all()).map(async (r) =>
        (await r.locator('th, td').allInnerTexts()).map((c: string) => c.trim()),
      ),
    );

  it('a supervisor reads the dashboard, each chart with its table, figures as seeded', async () => {
    tab = await env.newPage();
    await tab.signIn('supervisor', SUPERVISOR, { from: '/dashboard' });
    await tab.page.getByRole('link', { name: tab.t('nav.dashboard'), exact: true }).waitFor();
    await tab.page.getByRole('img', { name: tab.t('dashboard.intake.byChannel') }).waitFor();
    await tab.checkAccessibility('dashboard');
    await tab.screenshot('reports-dashboard', { readme: true });

    const summary = tab.page.getByRole('region', { name: tab.t('dashboard.summary.label') });
    const assessed = seeded.reduce((n, s) => n + s.assessedCents, 0);
    const usd = (cents: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
    await expect(summary.innerText()).resolves.toContain(usd(assessed));

    const channels = await tableOf(tab, tab.t('dashboard.intake.byChannel'));
    await expect(cells(channels)).resolves.toEqual([
      ['Hotline', '2'],
      ['Web form', '1'],
    ]);
    // 3 and 6 days from complaint to case: median 4.5, p75 3 + 0.75 x 3 = 5.25, p90 5.7.
    const timing = await tableOf(tab, tab.t('dashboard.timing.title'));
    await expect(cells(timing)).resolves.toEqual([
      ['Median', '4.5 days'],
      ['75th percentile', '5.3 days'],
      ['90th percentile', '5.7 days'],
    ]);
    const money = await tableOf(tab, tab.t('dashboard.money.byMonth'));
    await expect(cells(money)).resolves.toEqual([[today.slice(0, 7), usd(assessed), usd(0), usd(0)]]);
    const sectors = await tableOf(tab, tab.t('dashboard.groups.byIndustry'));
    const sectorRows = await cells(sectors);
    expect(sectorRows.map((r) => r[0])).toEqual([
      '72\nTargeted: restaurants',
      '81\nTargeted: car washes and domestic and home care',
    ]);
    await tab.checkAccessibility('dashboard.tables');
    await tab.screenshot('reports-dashboard-tables', { readme: true });

    // The filters live in the URL: one office.
    await tab.page.getByRole('textbox', { name: tab.t('dashboard.office'), exact: true }).fill('rpt-02');
    await tab.page.getByRole('button', { name: tab.t('common.applyFilters'), exact: true }).click();
    await tab.page.waitForURL(/office=RPT-02/);
    const oneOffice = await tableOf(tab, tab.t('dashboard.intake.byChannel'));
    // Until the office's figures replace the others (the table stays shown).
    await oneOffice.getByRole('row', { name: 'Hotline 1', exact: true }).waitFor();
    await expect(cells(oneOffice)).resolves.toEqual([
      ['Hotline', '1'],
      ['Web form', '1'],
    ]);
  });

  it('a collections officer lands on the receivables and filters them by office', async () => {
    tab = await env.newPage();
    await tab.signIn('collections_officer', COLLECTIONS, { from: '/' });
    await tab.page.waitForURL(/\/collections$/);
    const receivables = tab.page.getByRole('table', { name: tab.t('receivables.receivables.caption') });
    await receivables.getByRole('link', { name: seeded[0].caseNumber }).waitFor();
    await tab.checkAccessibility('receivables');
    await tab.screenshot('reports-receivables', { readme: true });

    await tab.page.getByRole('textbox', { name: tab.t('receivables.office'), exact: true }).fill('RPT-01');
    await tab.page.getByRole('button', { name: tab.t('common.applyFilters'), exact: true }).click();
    await tab.page.waitForURL(/office=RPT-01/);
    await receivables.getByRole('link', { name: seeded[1].caseNumber }).waitFor({ state: 'detached' });
    const links = receivables.getByRole('link');
    await expect(links.allInnerTexts()).resolves.toEqual([seeded[0].caseNumber]);
    await expect(links.first().getAttribute('href')).resolves.toBe(`/collections/${seeded[0].caseId}`);
    // The first installment falls due in 3 days: due this week, in this office only.
    const due = tab.page.getByRole('table', { name: tab.t('receivables.due.caption') });
    await expect(due.getByRole('link').allInnerTexts()).resolves.toEqual([seeded[0].caseNumber]);

    await tableOf(tab, tab.t('receivables.rate.title'));
    await tab.checkAccessibility('receivables.filtered.table');
    await tab.screenshot('reports-receivables-filtered', { readme: true });
  });
});
