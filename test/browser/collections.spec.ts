/**
 * The collections officer's journey through the collection case (issue 21, item 1), through the
 * screens only: a case seeded through the API up to an issued determination with two jointly
 * liable employers (support/collection-seed.ts); the officer reaches the collection case from the
 * case file, offers a settlement in three installments, a supervisor approves it; the officer
 * records a payment from each employer, seeing the split across the workers before confirming
 * (and the split collections recorded equal to it); the scheduled check (run as the scheduler
 * would, through the API) finds the second installment missed, and the plan shows it; the ledger
 * as of yesterday and today; a disbursement to a worker; statements printed and downloaded; an
 * auditor reads it all in Spanish and is offered no action. axe on every tab and state.
 *
 * The schedule, relative to the service's today: $200.00 due 20 days ago, $200.00 due 5 days ago,
 * $160.00 due in 30 days (the whole $560.00). The payments ($120.00 + $80.00) pay installment 1
 * only, so the check finds installment 2 missed and installment 3 still due.
 */
import { Api } from '../support/http';
import { dayFromToday, DIRECT, JOINT, seedCollectionCase, WORKERS } from './support/collection-seed';
import { exactly } from './support/i18n';
import { field } from './support/journey';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(240_000);

const OFFICER = 'cora.collections';
const SUPERVISOR = 'sue.collections';
const AUDITOR = 'ada.collections';
const TERM = 'No retaliation against any worker.';

describe('a collections officer works a collection case', () => {
  let env: BrowserSystem;
  let api: Api;
  let caseId: string;
  let officer: WorkbenchPage;
  const pages: WorkbenchPage[] = [];

  const open = async (language: 'en' | 'es' = 'en') => {
    const page = await env.newPage(language);
    pages.push(page);
    return page;
  };
  const goToTab = async (tab: WorkbenchPage, id: string) => {
    await tab.page
      .getByRole('navigation', { name: tab.t('collectionCase.tabsLabel') })
      .getByRole('link', { name: tab.t(`collectionCase.tabs.${id}`), exact: true })
      .click();
    await tab.page.waitForURL(new RegExp(`/collections/${caseId}/${id}`));
    await tab.page.getByRole('heading', { level: 2, name: tab.t(`collectionCase.tabs.${id}`) }).waitFor();
  };
  /** Reloads the case (another person changed it) at one of its tabs. */
  const reopen = async (tab: WorkbenchPage, id: string) => {
    await tab.page.goto(`/collections/${caseId}/${id}`);
    await tab.page.getByRole('heading', { level: 2, name: tab.t(`collectionCase.tabs.${id}`) }).waitFor();
  };
  const cells = async (row: ReturnType<WorkbenchPage['page']['getByRole']>) =>
    (await row.getByRole('cell').allTextContents()).map((s) => s.trim());

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    caseId = await seedCollectionCase(api, env.baseUrl);
  });
  afterEach(() => {
    for (const page of pages) page.assertNoProblems();
  });
  afterAll(async () => {
    env?.saveLogs('collections');
    for (const page of pages) await page.close().catch(() => undefined);
    await env?.stop();
  });

  it('reaches the collection case from the case file: the debtors, jointly and severally liable', async () => {
    officer = await open();
    await officer.signIn('collections_officer', OFFICER, { from: `/cases/${caseId}/collection` });
    await officer.page.getByRole('link', { name: officer.t('collectionCase.caseFileTab.open') }).click();
    await officer.page.waitForURL(new RegExp(`/collections/${caseId}/overview$`));
    const debtors = officer.page.getByRole('table', {
      name: officer.t('collectionCase.overview.debtorsCaption'),
    });
    await debtors.getByRole('rowheader', { name: DIRECT }).waitFor();
    await debtors.getByRole('rowheader', { name: JOINT }).waitFor();
    await officer.page.getByText(/jointly and severally liable/).waitFor();
    await officer.checkAccessibility('collection-case.overview');
    await officer.screenshot('collection-case-overview', { readme: true });
  });

  it('offers a settlement in three installments', async () => {
    const p = officer.page;
    await goToTab(officer, 'settlement');
    const form = p.getByRole('form', { name: officer.t('collectionCase.settlement.offerHeading') });
    await field(form, officer.t('collectionCase.settlement.amount')).fill('560.00');
    const schedule = [
      [dayFromToday(-20), '200.00'],
      [dayFromToday(-5), '200.00'],
      [dayFromToday(30), '160.00'],
    ] as const;
    for (const [i, [dueOn, amount]] of schedule.entries()) {
      if (i > 0)
        await form.getByRole('button', { name: officer.t('collectionCase.plan.editor.add') }).click();
      await form.getByLabel(officer.t('collectionCase.plan.editor.dueOnOf', { n: i + 1 })).fill(dueOn);
      await form.getByLabel(officer.t('collectionCase.plan.editor.amountOf', { n: i + 1 })).fill(amount);
    }
    await form.getByText(officer.t('collectionCase.plan.editor.sumMatches', { sum: '$560.00' })).waitFor();
    await form.getByRole('button', { name: officer.t('collectionCase.terms.add') }).click();
    await form
      .getByLabel(officer.t('collectionCase.terms.kindOf', { n: 1 }))
      .selectOption('anti_retaliation');
    await form.getByLabel(officer.t('collectionCase.terms.descriptionOf', { n: 1 })).fill(TERM);
    await officer.checkAccessibility('collection-case.settlement.offer');
    await officer.screenshot('collection-case-settlement-offer', { readme: true });
    await form.getByRole('button', { name: officer.t('collectionCase.settlement.offerSubmit') }).click();
    await form.getByText(officer.t('collectionCase.settlement.offered')).waitFor();
    const offers = p.getByRole('table', { name: officer.t('collectionCase.settlement.offersCaption') });
    await offers.getByRole('cell', { name: '$560.00' }).waitFor();
    // An officer may not approve a settlement: only a supervisor is offered that.
    expect(
      await p.getByRole('button', { name: officer.t('collectionCase.settlement.approve', { n: 1 }) }).count(),
    ).toBe(0);
  });

  it('a supervisor approves the offer as the settlement, and the plan follows it', async () => {
    const supervisor = await open();
    await supervisor.signIn('supervisor', SUPERVISOR, { from: `/collections/${caseId}/settlement` });
    const p = supervisor.page;
    await p
      .getByRole('button', { name: supervisor.t('collectionCase.settlement.approve', { n: 1 }) })
      .click();
    const form = p.getByRole('form', { name: supervisor.t('collectionCase.settlement.approveHeading') });
    await supervisor.checkAccessibility('collection-case.settlement.approve');
    await form.getByRole('button', { name: supervisor.t('collectionCase.settlement.approveSubmit') }).click();
    await p.getByRole('heading', { name: supervisor.t('collectionCase.settlement.agreedHeading') }).waitFor();
    await p.getByText(new RegExp(TERM)).first().waitFor();
    await supervisor.checkAccessibility('collection-case.settlement.agreed');
    await supervisor.screenshot('collection-case-settlement-agreed', { readme: true });
    await goToTab(supervisor, 'plan');
    const rows = p.getByTestId('plan-installment');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    // Read-only once agreed: no schedule to edit.
    expect(
      await p.getByRole('button', { name: supervisor.t('collectionCase.plan.editor.add') }).count(),
    ).toBe(0);
  });

  it('records a payment from each employer, the split shown before confirming equal to the one recorded', async () => {
    const p = officer.page;
    await reopen(officer, 'payments');
    const form = p.getByRole('form', { name: officer.t('collectionCase.payments.recordHeading') });
    const payments: Array<[string, string, string]> = [
      [DIRECT, '120.00', 'check'],
      [JOINT, '80.00', 'ach'],
    ];
    for (const [n, [debtor, amount, method]] of payments.entries()) {
      await field(form, officer.t('collectionCase.payments.debtor')).selectOption({ label: debtor });
      await field(form, officer.t('collectionCase.amount')).fill(amount);
      await field(form, officer.t('collectionCase.payments.method')).selectOption(method);
      const review = form.getByRole('button', { name: officer.t('collectionCase.payments.review') });
      await review.and(p.locator(':enabled')).click();
      const caption = exactly(
        officer.t('collectionCase.allocation.caption', { amount: `$${amount}`, debtor }),
      );
      const preview = form.getByRole('table', { name: caption });
      const previewed: string[][] = [];
      for (const name of Object.values(WORKERS))
        previewed.push(await cells(preview.getByRole('row', { name: new RegExp(name) })));
      if (n === 0) {
        await officer.checkAccessibility('collection-case.payments.preview');
        await officer.screenshot('collection-case-payment-preview', { readme: true });
      }
      await form.getByRole('button', { name: officer.t('collectionCase.payments.confirm') }).click();
      const done = form
        .getByRole('status')
        .filter({ hasText: officer.t('collectionCase.payments.recorded') });
      const recorded = done.getByRole('table', { name: caption });
      await recorded.waitFor();
      for (const [i, name] of Object.values(WORKERS).entries()) {
        const [owed, share, wrote] = await cells(recorded.getByRole('row', { name: new RegExp(name) }));
        expect([owed, share]).toEqual(previewed[i]);
        expect(wrote).toBe(share);
      }
      await p.getByTestId('payment-row').nth(n).waitFor();
    }
    expect(await p.getByTestId('payment-row').count()).toBe(2);
    await officer.checkAccessibility('collection-case.payments.recorded');
  });

  it('sees the second installment missed after the scheduled check', async () => {
    const check = await api.request<{ missedRecorded: number }>(
      'POST',
      '/collection-operations/installment-check',
      {
        as: 'supervisor',
        sub: SUPERVISOR,
        body: {},
      },
    );
    expect(check.status).toBe(200);
    expect(check.body.missedRecorded).toBe(1);
    await reopen(officer, 'plan');
    const rows = officer.page.getByTestId('plan-installment');
    await rows.nth(2).waitFor();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await cells(rows.nth(i))).at(-1));
    expect(statuses).toEqual(
      ['paid', 'missed', 'due'].map((s) => officer.t(`collectionCase.plan.statuses.${s}`)),
    );
    await officer.checkAccessibility('collection-case.plan');
    await officer.screenshot('collection-case-plan', { readme: true });
  });

  it('shows the balance as of yesterday (before the case opened) and today, the date in the address', async () => {
    const p = officer.page;
    await p.goto(`/collections/${caseId}/ledger?asOf=${dayFromToday(-1)}`);
    const balance = p.getByTestId('ledger-as-of');
    // The case opened today (from today's determination): as of yesterday nothing was owed yet.
    await balance.filter({ hasText: '$0.00' }).waitFor();
    await p
      .getByRole('table', { name: officer.t('collectionCase.ledger.postingsCaption_other', { count: 0 }) })
      .waitFor();
    await officer.checkAccessibility('collection-case.ledger.as-of');
    await field(p, officer.t('collectionCase.ledger.asOf')).fill('');
    await balance.filter({ hasText: '$360.00' }).waitFor();
    expect(new URL(p.url()).searchParams.has('asOf')).toBe(false);
    await officer.screenshot('collection-case-ledger', { readme: true });
  });

  it('disburses to a worker what was collected for him', async () => {
    const p = officer.page;
    await goToTab(officer, 'disbursements');
    const form = p.getByRole('form', { name: officer.t('collectionCase.disbursements.heading') });
    const worker = field(form, officer.t('collectionCase.worker'));
    const option = (await worker.locator('option', { hasText: WORKERS.ben }).textContent())!;
    await worker.selectOption({ label: option });
    await field(form, officer.t('collectionCase.payments.method')).selectOption('check');
    await form.getByRole('button', { name: officer.t('collectionCase.disbursements.submit') }).click();
    await form.getByText(new RegExp(`paid to ${WORKERS.ben}`)).waitFor();
    const ben = p.getByTestId('disbursements-table').getByRole('row', { name: new RegExp(WORKERS.ben) });
    // Once the ledger is read again: nothing left to pay him.
    await ben
      .getByRole('cell')
      .nth(2)
      .filter({ hasText: /^\$0\.00$/ })
      .waitFor();
    const [collected, disbursed, undisbursed] = await cells(ben);
    expect(disbursed).toBe(collected);
    expect(undisbursed).toBe('$0.00');
    await officer.checkAccessibility('collection-case.disbursements');
    await officer.screenshot('collection-case-disbursements', { readme: true });
  });

  it('prints and downloads the employer’s statement, and shows a worker’s', async () => {
    const p = officer.page;
    await goToTab(officer, 'enforcement');
    await officer.checkAccessibility('collection-case.enforcement');
    await goToTab(officer, 'statements');
    const statement = p.getByTestId('statement');
    await statement
      .getByRole('heading', { name: officer.t('collectionCase.statements.debtorHeading', { name: DIRECT }) })
      .waitFor();
    await officer.checkAccessibility('collection-case.statements.debtor');
    // On paper: the statement alone, no header, navigation or tools.
    await p.emulateMedia({ media: 'print' });
    expect(await p.getByRole('banner').isVisible()).toBe(false);
    expect(
      await p.getByRole('button', { name: officer.t('collectionCase.statements.print') }).isVisible(),
    ).toBe(false);
    expect(await statement.isVisible()).toBe(true);
    await officer.screenshot('collection-case-statement-print', { readme: true });
    await p.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: officer.t('collectionCase.statements.download') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statement-LSE-\d{4}-\d{6}-debtor-1\.html$/);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(await download.path(), 'utf8')).toContain(DIRECT);
    await field(p, officer.t('collectionCase.statements.party')).selectOption({ label: WORKERS.ben });
    await statement
      .getByRole('heading', {
        name: officer.t('collectionCase.statements.workerHeading', { name: WORKERS.ben }),
      })
      .waitFor();
    await officer.checkAccessibility('collection-case.statements.worker');
  });

  it('an auditor reads the case in Spanish and is offered no action', async () => {
    const auditor = await open('es');
    await auditor.signIn('auditor', AUDITOR, { from: `/collections/${caseId}/payments` });
    const p = auditor.page;
    await p.getByTestId('payment-row').nth(1).waitFor();
    expect(await p.getByRole('form').count()).toBe(0);
    await auditor.checkAccessibility('collection-case.auditor.es');
    for (const id of [
      'overview',
      'ledger',
      'settlement',
      'plan',
      'enforcement',
      'disbursements',
      'statements',
    ]) {
      await goToTab(auditor, id);
      expect(await p.getByRole('form').count()).toBe(0);
      await auditor.checkAccessibility(`collection-case.auditor.${id}.es`);
    }
  });
});
