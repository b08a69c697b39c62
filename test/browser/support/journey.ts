/**
 * THE journey of issue 19, through the workbench's screens only, as the people who do it would:
 * an intake officer receives a two-worker complaint and opens it; a supervisor assigns it (while
 * a second supervisor, in another browser, tries the same and is told someone else changed the
 * case); the investigator uploads hours (a bad row is shown beside the row, fixed, uploaded
 * again), computes back wages and finds the hand-computed figures in the trace, and proposes; a
 * collections officer who follows a shared link to the complaint is told which roles may read
 * it; the second supervisor approves and issues. The same code runs in English and in Spanish:
 * every label, button and message is found by the workbench's own text in that language.
 */
import type { Locator } from 'playwright-core';
import { startsWith } from './i18n';
import { BrowserSystem, type WorkbenchPage } from './workbench';
import type { Language } from './i18n';

/**
 * The hours uploaded, and what the FLSA makes of them, computed by hand (29 U.S.C. 207(a)(1):
 * 1.5 x the regular rate over 40 hours in a workweek; 29 CFR 778.110/778.111: every hour was paid
 * at the regular rate, so only the half-time premium is owed; 29 U.S.C. 216(b): liquidated damages
 * equal to it). Workweeks start on Sunday; 2026-03-01 and 2026-03-08 are Sundays.
 *
 *   Ana Ruiz,    week of 2026-03-01: 10+10+10+10+10 = 50 h at $10.00, paid 50 h straight time.
 *                regular rate $500.00 / 50 h = $10.00; overtime 10 h x ($10.00 x 0.5) = $50.00;
 *                liquidated damages $50.00; owed $100.00.
 *   Ana Ruiz,    week of 2026-03-08: 8 x 4 + 6 = 38 h: nothing owed.
 *   Luis Ortega, week of 2026-03-01: 9+9+9+9+10 = 46 h at $12.00, paid 46 h straight time.
 *                regular rate $12.00; overtime 6 h x $6.00 = $36.00; damages $36.00; owed $72.00.
 *   Case: back wages $50.00 + $36.00 = $86.00; liquidated damages $86.00; total $172.00.
 */
export const HOURS_HEADER =
  'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary';
const ANA_1 = 'E-1,Ana Ruiz,2026-03-01,0,10,10,10,10,10,0,10.00,50,,';
const ANA_2 = 'E-1,Ana Ruiz,2026-03-08,0,8,8,8,8,6,0,10.00,38,,';
const LUIS_1 = 'E-2,Luis Ortega,2026-03-01,0,9,9,9,9,10,0,12.00,46,,';
/** Row 3 of the file (the header is row 1) says Luis worked 25 hours on a Wednesday. */
const LUIS_1_BAD = 'E-2,Luis Ortega,2026-03-01,0,9,9,25,9,10,0,12.00,46,,';
export const HOURS_WITH_A_BAD_ROW = [HOURS_HEADER, ANA_1, LUIS_1_BAD, ANA_2].join('\n') + '\n';
export const HOURS_FIXED = [HOURS_HEADER, ANA_1, LUIS_1, ANA_2].join('\n') + '\n';
export const EXPECTED = {
  anaOvertimeCents: 5000,
  anaTotalCents: 10000,
  luisOvertimeCents: 3600,
  luisTotalCents: 7200,
  caseBackWagesCents: 8600,
  caseTotalCents: 17200,
};

/** $50.00 as the server's formulas write amounts (English, whatever the interface language). */
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export interface People {
  officer: string;
  supervisor: string;
  secondSupervisor: string;
  investigator: string;
  collections: string;
}

export interface JourneyOptions {
  language: Language;
  /** The journey's screens are the README's (docs/screenshots with `npm run screenshots`). */
  screenshots?: boolean;
  /** Run axe on the states the journey passes through (errors shown, trace, determination). */
  accessibility?: boolean;
}

/** A form control by its label, whether or not the label carries the required-field star. */
export function field(scope: Locator | WorkbenchPage['page'], label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

/**
 * Tick a USWDS checkbox or radio as a person does, by its label (the input itself is drawn off
 * screen and the label drawn as the box), and check that it took.
 */
export async function tick(scope: Locator | WorkbenchPage['page'], label: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: false }).first();
  const id = await input.getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
  expect(await input.isChecked()).toBe(true);
}

/**
 * The investigator names the complaint's employer as liable in the case file's Employers tab
 * (POST .../investigation/employers): a determination names its liable employers, and the
 * investigation does not take the complaint's employer by itself.
 */
async function addLiableEmployer(tab: WorkbenchPage, name: string): Promise<void> {
  const p = tab.page;
  const sections = p.getByRole('navigation', { name: tab.t('caseFile.tabsLabel') });
  await sections.getByRole('link', { name: tab.t('caseFile.tabs.employers'), exact: true }).click();
  const form = p.getByRole('form', { name: tab.t('employers.form.heading') });
  await field(form, tab.t('employers.form.name')).fill(name);
  await field(form, tab.t('employers.form.role')).selectOption('direct');
  await field(form, tab.t('employers.form.basis')).fill(
    'Runs the car wash, sets the schedules and pays both workers.',
  );
  await form.getByRole('button', { name: tab.t('employers.form.submit'), exact: true }).click();
  await p
    .getByRole('table', { name: tab.t('employers.caption') })
    .getByRole('cell', { name })
    .waitFor();
  await sections.getByRole('link', { name: tab.t('caseFile.tabs.determination'), exact: true }).click();
}

/**
 * The journey, stage by stage (each a test of its own, in this order: each goes on from where
 * the one before left the case). Every person works in a browser context of their own.
 */
export class Journey {
  private readonly tabs: WorkbenchPage[] = [];
  private readonly locale: string;
  caseId = '';
  employerName: string;
  private officer!: WorkbenchPage;
  private supervisor!: WorkbenchPage;
  private second2!: WorkbenchPage;
  private investigator!: WorkbenchPage;

  constructor(
    private readonly env: BrowserSystem,
    private readonly people: People,
    private readonly options: JourneyOptions,
  ) {
    this.locale = options.language === 'es' ? 'es-US' : 'en-US';
    this.employerName = `Golden Gate Car Wash ${options.language.toUpperCase()} LLC`;
  }

  private async open(): Promise<WorkbenchPage> {
    const tab = await this.env.newPage(this.options.language);
    this.tabs.push(tab);
    return tab;
  }

  private async shot(tab: WorkbenchPage, name: string): Promise<void> {
    const { language, screenshots } = this.options;
    await tab.screenshot(language === 'en' ? name : `${name}.${language}`, { readme: screenshots });
  }

  private async axe(tab: WorkbenchPage, name: string): Promise<void> {
    if (this.options.accessibility) await tab.checkAccessibility(`journey.${this.options.language}.${name}`);
  }

  /** Money as the browser formats it for the interface language (the workbench does the same). */
  private money(tab: WorkbenchPage, cents: number): Promise<string> {
    return tab.page.evaluate(
      ([c, l]) => new Intl.NumberFormat(l, { style: 'currency', currency: 'USD' }).format(c / 100),
      [cents, this.locale] as const,
    );
  }

  private anyOf(tab: WorkbenchPage, items: string[]): Promise<string> {
    return tab.page.evaluate(([list, l]) => new Intl.ListFormat(l, { type: 'disjunction' }).format(list), [
      items,
      this.locale,
    ] as const);
  }

  /** After each stage: no console error, exception or CSP violation anybody did not expect. */
  assertNoProblems(): void {
    for (const tab of this.tabs) tab.assertNoProblems();
  }

  /** What each person's screen shows now (var/browser/screenshots/failed.*), after a failure. */
  async screenshotAll(stage: string): Promise<void> {
    for (const [i, tab] of this.tabs.entries())
      await tab
        .screenshot(`failed.${this.options.language}.${stage}.${i + 1}`, { failure: true })
        .catch(() => undefined);
  }

  async close(): Promise<void> {
    for (const tab of this.tabs) await tab.close().catch(() => undefined);
  }

  /** 1-2. The intake officer receives the complaint (two workers), assesses, triages and opens it. */
  async intake(): Promise<void> {
    const { people, employerName } = this;
    this.officer = await this.open();
    const officer = this.officer;
    await officer.signIn('intake_officer', people.officer);
    const p1 = officer.page;
    await p1
      .getByRole('navigation', { name: officer.t('nav.label') })
      .getByRole('link', { name: officer.t('nav.newComplaint') })
      .click();
    await officer
      .heading()
      .filter({ hasText: officer.t('intake.title') })
      .waitFor();
    await field(p1, officer.t('intake.source.channel')).selectOption('hotline');
    // Office left empty on purpose: the server says so beside the field, and nothing typed is lost.
    const first = p1.getByTestId('complainant').nth(0);
    await field(first, officer.t('intake.complainant.name')).fill('Ana Ruiz');
    await field(first, officer.t('intake.complainant.language')).selectOption('es');
    await tick(first, officer.t('intake.complainant.interpreter'));
    await tick(first, officer.t('intake.complainant.confidentiality'));
    await p1.getByRole('button', { name: officer.t('intake.complainants.add'), exact: true }).click();
    const second = p1.getByTestId('complainant').nth(1);
    await field(second, officer.t('intake.complainant.name')).fill('Luis Ortega');
    await field(second, officer.t('intake.complainant.language')).selectOption('en');
    const employer = p1.getByRole('group', { name: officer.t('intake.employer.legend'), exact: true });
    await field(employer, officer.t('intake.employer.name')).fill(employerName);
    await field(employer, officer.t('intake.employer.naics')).fill('811192');
    await field(employer, officer.t('intake.address.street')).fill('1200 Mission St');
    await field(employer, officer.t('intake.address.city')).fill('San Francisco');
    await field(employer, officer.t('intake.address.state')).fill('CA');
    await field(employer, officer.t('intake.address.postalCode')).fill('94103');
    const allegation = p1.getByTestId('allegation').nth(0);
    await field(allegation, officer.t('intake.allegation.type')).selectOption('overtime');
    await field(allegation, officer.t('intake.allegation.periodStart')).fill('2026-03-01');
    await tick(allegation, officer.t('intake.allegation.ongoing'));
    await field(allegation, officer.t('intake.allegation.workers')).fill('2');
    const receive = p1.getByRole('button', { name: officer.t('intake.submit'), exact: true });
    officer.expectConsoleError(/status of 400/);
    await receive.click();
    const officeField = field(p1, officer.t('intake.source.office'));
    await officeField.and(p1.locator('[aria-invalid="true"]')).waitFor();
    await this.axe(officer, 'new-complaint-field-error');
    expect(await field(first, officer.t('intake.complainant.name')).inputValue()).toBe('Ana Ruiz');
    expect(await field(employer, officer.t('intake.employer.name')).inputValue()).toBe(employerName);
    await officeField.fill('SF-01');
    await this.shot(officer, 'new-complaint');
    await receive.click();
    await p1.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    this.caseId = new URL(p1.url()).pathname.split('/').pop()!;
    await officer.heading().filter({ hasText: employerName }).waitFor();

    await tick(p1, officer.t('complaint.jurisdiction.within'));
    await field(p1, officer.t('complaint.jurisdiction.reason')).fill(
      'A car wash in San Francisco: FLSA covers its workers.',
    );
    await p1.getByRole('button', { name: officer.t('complaint.jurisdiction.submit'), exact: true }).click();
    await p1.getByTestId('jurisdiction-result').waitFor();
    await p1.getByRole('button', { name: officer.t('complaint.triage.submit'), exact: true }).click();
    const triage = p1.getByTestId('triage-result');
    await triage.waitFor();
    expect(await triage.locator('tbody tr').count()).toBeGreaterThan(1); // every factor, each explained
    await this.shot(officer, 'complaint');
    await p1.getByRole('button', { name: officer.t('complaint.decide.open.submit'), exact: true }).click();
    await p1
      .getByText(officer.t('complaint.stepsDone', { status: officer.t('complaintStatus.opened') }))
      .waitFor();
  }

  /** 3. A supervisor assigns the case; a second supervisor, a moment behind in another browser, gets the 409. */
  async assign(): Promise<void> {
    const { people, caseId } = this;
    this.supervisor = await this.open();
    const supervisor = this.supervisor;
    await supervisor.signIn('supervisor', people.supervisor);
    const caseLink = supervisor.page.locator(`a[href="/cases/${caseId}"]`).first();
    // Investigation opens its side of the case a moment after intake does: look again until then.
    for (let i = 0; i < 20 && !(await caseLink.isVisible()); i++) {
      await supervisor.page.waitForTimeout(500);
      await supervisor.page.reload();
      await supervisor.settle();
    }
    await caseLink.click();
    this.second2 = await this.open();
    const second2 = this.second2;
    await second2.signIn('supervisor', people.secondSupervisor, { from: `/cases/${caseId}` });
    const assignAs = async (tab: WorkbenchPage, investigatorId: string) => {
      await field(tab.page, tab.t('caseFile.assign.investigator')).fill(investigatorId);
      await tab.page.getByRole('button', { name: tab.t('caseFile.assign.submit'), exact: true }).click();
    };
    await field(second2.page, second2.t('caseFile.assign.investigator')).waitFor();
    await assignAs(supervisor, people.investigator);
    await supervisor.page
      .getByText(supervisor.t('caseFile.assign.done', { id: people.investigator }))
      .waitFor();
    second2.expectConsoleError(/status of 409/);
    await assignAs(second2, 'ines.other');
    const conflict = second2.page
      .getByRole('alert')
      .filter({ hasText: second2.t('errors.conflict.heading') });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(second2.t('errors.conflict.body'));
    // What was typed is kept; reloading shows what the other supervisor did.
    expect(await field(second2.page, second2.t('caseFile.assign.investigator')).inputValue()).toBe(
      'ines.other',
    );
    await this.axe(second2, 'conflict');
    await this.shot(second2, 'case-file-conflict');
    await conflict.getByRole('button', { name: second2.t('errors.conflict.reload'), exact: true }).click();
    await second2.page.getByText(people.investigator, { exact: true }).first().waitFor();
  }

  /** 4-5. The investigator uploads hours (a bad row shown beside it, fixed), computes back wages, checks the trace. */
  async hoursAndBackWages(): Promise<void> {
    const { people, caseId } = this;
    this.investigator = await this.open();
    const investigator = this.investigator;
    await investigator.signIn('investigator', people.investigator);
    const p4 = investigator.page;
    await p4.locator(`a[href="/cases/${caseId}"]`).first().click();
    const sections = p4.getByRole('navigation', { name: investigator.t('caseFile.tabsLabel') });
    await sections.getByRole('link', { name: investigator.t('caseFile.tabs.hours'), exact: true }).click();
    await field(p4, investigator.t('hours.upload.workweekStart')).selectOption('sunday');
    const file = field(p4, investigator.t('hours.upload.file'));
    const upload = p4.getByRole('button', { name: investigator.t('hours.upload.submit'), exact: true });
    await file.setInputFiles({
      name: 'payroll.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HOURS_WITH_A_BAD_ROW),
    });
    investigator.expectConsoleError(/status of 422/);
    await upload.click();
    const rowErrors = p4.getByTestId('hours-row-errors');
    await rowErrors.waitFor();
    const badRow = rowErrors.locator('tr[data-row="3"]');
    expect(await badRow.textContent()).toContain('expected hours from 0 to 24');
    expect(await badRow.textContent()).toContain('Luis Ortega');
    expect(await rowErrors.locator('tr[data-row]').count()).toBe(1); // only the bad row
    await this.axe(investigator, 'hours-row-errors');
    await this.shot(investigator, 'case-file-hours-row-errors');
    await file.setInputFiles({
      name: 'payroll-fixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(HOURS_FIXED),
    });
    await upload.click();
    await p4
      .getByText(investigator.t('hours.upload.done', { records: 3, workers: 2 }))
      .or(p4.getByText(investigator.t('hours.upload.doneShort')))
      .waitFor();
    await rowErrors.waitFor({ state: 'detached' });

    await sections
      .getByRole('link', { name: investigator.t('caseFile.tabs.backWages'), exact: true })
      .click();
    // A person reads the laws offered before computing: the FLSA is ticked once the catalog has
    // loaded (the button is there before that, and a click then sends no rule set at all).
    const flsa = p4.getByRole('checkbox', { name: /\(US-FLSA\)/ });
    await flsa.waitFor();
    expect(await flsa.isChecked()).toBe(true);
    await p4.getByRole('button', { name: investigator.t('backWages.compute.submit'), exact: true }).click();
    const trace = p4.locator('section[aria-labelledby="trace-heading"]');
    const ana = trace.getByRole('region', { name: 'Ana Ruiz', exact: true });
    await ana.waitFor();
    await investigator.settle();
    const anaText = (await ana.textContent()) ?? '';
    expect(anaText).toContain(`overtime due ${dollars(EXPECTED.anaOvertimeCents)}`);
    expect(anaText).toContain(
      `back wages ${dollars(EXPECTED.anaOvertimeCents)} + liquidated damages ${dollars(EXPECTED.anaOvertimeCents)} = ${dollars(EXPECTED.anaTotalCents)}`,
    );
    const luisText =
      (await trace.getByRole('region', { name: 'Luis Ortega', exact: true }).textContent()) ?? '';
    expect(luisText).toContain(`overtime due ${dollars(EXPECTED.luisOvertimeCents)}`);
    expect(luisText).toContain(`= ${dollars(EXPECTED.luisTotalCents)}`);
    // The case total as the interface shows money in this language.
    const caseTotal = await this.money(investigator, EXPECTED.caseTotalCents);
    expect((await trace.textContent()) ?? '').toContain(caseTotal);
    await this.axe(investigator, 'back-wages-trace');
    await this.shot(investigator, 'case-file-back-wages');
  }

  /** 7. A wrong role: a collections officer follows a shared link to the complaint and is told who may read it. */
  async wrongRole(): Promise<void> {
    const { people, caseId } = this;
    const collections = await this.open();
    await collections.signIn('collections_officer', people.collections, { from: `/complaints/${caseId}` });
    collections.expectConsoleError(/status of 403/);
    const forbidden = collections.page
      .getByRole('alert')
      .filter({ hasText: collections.t('errors.forbidden.heading') });
    await forbidden.waitFor();
    const readers = ['intake_officer', 'supervisor', 'investigator', 'auditor'].map((r) =>
      collections.t(`roles.${r}`),
    );
    const list = await this.anyOf(collections, readers);
    expect(await forbidden.textContent()).toContain(collections.t('errors.forbidden.body', { roles: list }));
    await this.axe(collections, 'forbidden');
    await this.shot(collections, 'complaint-forbidden');
  }

  /** 6, 8. The investigator names the employer liable and proposes; the second supervisor approves and issues. */
  async determination(): Promise<void> {
    const { people, caseId, investigator } = this;
    const p4 = investigator.page;
    const sections = p4.getByRole('navigation', { name: investigator.t('caseFile.tabsLabel') });
    await sections
      .getByRole('link', { name: investigator.t('caseFile.tabs.determination'), exact: true })
      .click();
    // The determination tab says a liable employer is needed first; the Employers tab adds one.
    await investigator.page.getByText(investigator.t('determination.propose.noEmployer')).waitFor();
    await addLiableEmployer(investigator, this.employerName);
    await field(p4, investigator.t('determination.summary')).fill(
      'Straight time paid for overtime hours: Ana Ruiz (10 h) and Luis Ortega (6 h) are owed the half-time premium and liquidated damages.',
    );
    await p4
      .getByRole('button', { name: investigator.t('determination.propose.submit'), exact: true })
      .click();
    await p4.getByText(investigator.t('determination.status.proposed')).first().waitFor();

    // The second supervisor (not the one who assigned it) approves and issues.
    const approver = this.second2;
    // Once issued, the case file asks for the collection case, which collections opens a moment
    // later: until then the API answers 404 (documented, with Retry-After) and Chromium logs it.
    approver.expectConsoleError(/status of 404 .*\/api\/v1\/collections\//);
    await approver.page.goto(`/cases/${caseId}/determination`);
    await approver.page
      .getByRole('button', { name: approver.t('determination.approve.submit'), exact: true })
      .click();
    await approver.page
      .getByRole('button', { name: approver.t('determination.issue.submit'), exact: true })
      .click();
    const who = approver.page.getByRole('table', { name: approver.t('determination.whoWhen') });
    const step = (key: string) =>
      who.getByRole('row', { name: startsWith(approver.t(`determination.step.${key}`)) });
    // Issued once the row says who issued it ("Issued" alone is also the step indicator's label).
    await step('issued').filter({ hasText: people.secondSupervisor }).waitFor();
    expect(await step('proposed').textContent()).toContain(people.investigator);
    expect(await step('approved').textContent()).toContain(people.secondSupervisor);
    expect(await approver.page.locator('.usa-step-indicator__heading-text').textContent()).toBe(
      approver.t('determination.status.issued'),
    );
    await this.axe(approver, 'determination-issued');
    await this.shot(approver, 'case-file-determination');
  }
}

/**
 * The journey's stages as tests, in order, for one interface language; a stage that fails leaves
 * every person's screen in var/browser/screenshots/failed.*.png.
 */
export function describeJourney(
  language: Language,
  people: People,
  options: Omit<JourneyOptions, 'language'> = {},
): void {
  describe(`the journey through the workbench (${language})`, () => {
    let env: BrowserSystem;
    let journey: Journey;
    beforeAll(async () => {
      env = await BrowserSystem.start();
      journey = new Journey(env, people, { ...options, language });
    });
    afterAll(async () => {
      await journey?.close();
      await env?.stop();
    });
    const stage = (name: string, slug: string, run: (j: Journey) => Promise<void>) =>
      it(name, async () => {
        try {
          await run(journey);
          journey.assertNoProblems();
        } catch (err) {
          await journey.screenshotAll(slug);
          env.saveLogs(`failed.${language}.${slug}`);
          throw err;
        }
      });

    stage(
      'an intake officer receives a two-worker complaint (a field error shown beside the field, nothing typed lost), assesses, triages and opens it',
      'intake',
      (j) => j.intake(),
    );
    stage(
      'a supervisor assigns it; a second supervisor a moment behind is told someone else changed the case (409) and reloads',
      'assign',
      (j) => j.assign(),
    );
    stage(
      'the investigator uploads hours (the bad row shown beside it, fixed, uploaded again), computes back wages and finds the hand-computed figures in the trace',
      'hours',
      (j) => j.hoursAndBackWages(),
    );
    stage(
      'a collections officer following a link to the complaint is told which roles may read it (403)',
      'forbidden',
      (j) => j.wrongRole(),
    );
    stage(
      'the investigator names the employer liable and proposes; the second supervisor approves and issues',
      'determination',
      (j) => j.determination(),
    );
  });
}
