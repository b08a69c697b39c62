/**
 * Issue 22, item 2: a FOIA officer leads a request through its life on the request page: the
 * acknowledgment with its tracking number, a clarification (the clock stops, then runs again), the
 * fee (estimate, waiver denied, payment), releases in two installments, the appeal with its due
 * date and its decision. Each step is offered only where it applies; axe judges every state.
 */
import { randomUUID } from 'node:crypto';
import { Api } from '../support/http';
import { field } from './support/journey';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(240_000);

const OFFICER = 'fiona.lifecycle';

describe('a FOIA officer leads a request from acknowledgment to the appeal decision', () => {
  let env: BrowserSystem;
  let api: Api;
  let tab: WorkbenchPage;
  let requestId: string;

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    const received = await api.request<{ requestId: string }>('POST', '/foia-requests', {
      as: 'foia_officer',
      sub: OFFICER,
      body: {
        requester: { name: 'Rita Reporter', organization: 'Bay Ledger' },
        description: 'Wage records of the car wash case.',
        caseIds: [randomUUID()],
      },
    });
    expect(received.status).toBe(201);
    requestId = received.body.requestId;
    tab = await env.newPage();
  });
  afterAll(async () => {
    if (tab) {
      tab.assertNoProblems();
      await tab.close();
    }
    await env?.stop();
  });

  /** Opens a step's disclosure and returns its form. */
  const open = async (path: string, heading: string) => {
    await tab.page.getByTestId(`step-${path}`).locator('summary').click();
    return tab.page.getByRole('form', { name: heading });
  };
  const facts = () => tab.page.getByTestId('lifecycle-facts');

  it('acknowledges the request: the tracking number is on the page and the step is gone', async () => {
    const p = tab.page;
    await tab.signIn('foia_officer', OFFICER, { from: `/foia/${requestId}` });
    await p.getByRole('heading', { level: 2, name: tab.t('foiaLife.heading') }).waitFor();
    await tab.checkAccessibility('foia.lifecycle.received');
    const form = await open('acknowledgment', tab.t('foiaLife.steps.acknowledge.heading'));
    await form.getByRole('button', { name: tab.t('foiaLife.steps.acknowledge.submit') }).click();
    const tracking = `FOIA-${new Date().getFullYear()}-${requestId.slice(0, 8).toUpperCase()}`;
    await facts().getByText(new RegExp(tracking)).waitFor();
    await p.getByTestId('step-acknowledgment').waitFor({ state: 'detached' });
  });

  it('asks for a clarification (required first), which stops the clock; the answer restarts it', async () => {
    const p = tab.page;
    let form = await open('clarification-requests', tab.t('foiaLife.steps.clarify.heading'));
    await form.getByRole('button', { name: tab.t('foiaLife.steps.clarify.submit') }).click();
    await form.getByText(tab.t('foiaLife.required')).waitFor();
    await tab.checkAccessibility('foia.lifecycle.clarify.error');
    await field(form, tab.t('foiaLife.steps.clarify.question')).fill('Which years do you need?');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.clarify.submit') }).click();
    await p.getByTestId('due-on').getByText(tab.t('foia.clock.tolledNoDate')).waitFor();
    await facts().getByText(tab.t('foiaLife.facts.awaiting')).waitFor();
    form = await open('clarification-answers', tab.t('foiaLife.steps.answer.heading'));
    await field(form, tab.t('foiaLife.steps.answer.answer')).fill('2024 and 2025.');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.answer.submit') }).click();
    await facts()
      .getByText(/2024 and 2025\./)
      .waitFor();
    await expect(p.getByTestId('due-on').innerText()).resolves.not.toBe(tab.t('foia.clock.tolledNoDate'));
    // Federal law allows one clarification: the step is no longer offered.
    await expect(p.getByTestId('step-clarification-requests').count()).resolves.toBe(0);
  });

  it('estimates the fee, denies the waiver, records the payment: nothing is owed', async () => {
    const p = tab.page;
    let form = await open('fee-estimate', tab.t('foiaLife.steps.fee.heading'));
    await field(form, tab.t('foiaLife.steps.fee.category')).selectOption('commercial');
    await field(form, tab.t('foiaLife.steps.amount')).fill('12.5x');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.fee.submit') }).click();
    await form.getByText(tab.t('foiaLife.moneyInvalid')).waitFor();
    await field(form, tab.t('foiaLife.steps.amount')).fill('125.00');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.fee.submit') }).click();
    await p
      .getByTestId('fee')
      .getByText(/\$125\.00/)
      .first()
      .waitFor();
    form = await open('fee-waiver-decision', tab.t('foiaLife.steps.waiver.heading'));
    await field(form, tab.t('foiaLife.steps.waiver.decision')).selectOption('false');
    await field(form, tab.t('foiaLife.steps.reason')).fill('The request serves a commercial interest.');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.waiver.submit') }).click();
    await p
      .getByTestId('fee')
      .getByText(/commercial interest/)
      .waitFor();
    await tab.checkAccessibility('foia.lifecycle.fee-owed');
    form = await open('payments', tab.t('foiaLife.steps.payment.heading'));
    await field(form, tab.t('foiaLife.steps.amount')).fill('125');
    await field(form, tab.t('foiaLife.steps.payment.method')).selectOption('check');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.payment.submit') }).click();
    await p.getByTestId('fee').getByText(tab.t('foiaLife.facts.settled')).waitFor();
  });

  it('releases an installment, then the final release; the appeal is offered with its window', async () => {
    const p = tab.page;
    // The release panel offers an installment or the final release.
    await p.getByRole('button', { name: tab.t('foia.compile.submit'), exact: true }).click();
    await p.getByTestId('compile-summary').waitFor();
    await p.getByText(tab.t('foiaLife.release.installment')).click();
    await p.getByRole('button', { name: tab.t('foia.release.start'), exact: true }).click();
    await p.getByRole('button', { name: tab.t('foia.release.confirm'), exact: true }).click();
    await facts()
      .getByText(/^Installment 1,/)
      .waitFor();
    await tab.checkAccessibility('foia.lifecycle.installment');
    // The final release, as POST .../release takes it by default.
    const final = await api.request('POST', `/foia-requests/${requestId}/release`, {
      as: 'foia_officer',
      sub: OFFICER,
      body: { cutoff: new Date().toISOString() },
    });
    expect(final.status).toBe(200);
    tab.expectConsoleError(
      /Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/,
    );
    await p.reload();
    await p.getByTestId('step-appeal').waitFor();
    await facts()
      .getByText(/^Release 2 \(final\),/)
      .waitFor();
    await p
      .getByTestId('response')
      .getByText(/An appeal is received through/)
      .waitFor();
  });

  it('records the appeal with its due date and decides it, which sends the request back to be processed', async () => {
    const p = tab.page;
    let form = await open('appeal', tab.t('foiaLife.steps.appeal.heading'));
    await field(form, tab.t('foiaLife.steps.appeal.grounds')).fill('The withheld names are public.');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.appeal.submit') }).click();
    await p
      .getByTestId('appeal')
      .getByText(/5 U\.S\.C\. § 552\(a\)\(6\)\(A\)\(ii\)/)
      .waitFor();
    form = await open('appeal-decision', tab.t('foiaLife.steps.decide.heading'));
    await tab.checkAccessibility('foia.lifecycle.appealed');
    await field(form, tab.t('foiaLife.steps.decide.outcome')).selectOption('partly_reversed');
    await field(form, tab.t('foiaLife.steps.reason')).fill('Two names appear in a public court filing.');
    await form.getByRole('button', { name: tab.t('foiaLife.steps.decide.submit') }).click();
    // Partly reversed: the request goes back to be processed again, due on the agency's usual
    // period from the decision (no statute sets one), and the appeal can no longer be decided.
    const reopened = p.getByTestId('reopened');
    await reopened.getByText(new RegExp(tab.t('foiaLife.outcomes.partly_reversed'))).waitFor();
    await reopened.getByText(/agency policy/).waitFor();
    await expect(p.getByTestId('step-appeal-decision').count()).resolves.toBe(0);
    await tab.checkAccessibility('foia.lifecycle.decided');
    // The README shows the request's life: the part of the page from its heading on (the
    // released package's frame further down is in the FOIA screenshots).
    await p
      .getByRole('heading', { level: 2, name: tab.t('foiaLife.heading') })
      .evaluate((h: { scrollIntoView(options: { block: 'start' }): void }) =>
        h.scrollIntoView({ block: 'start' }),
      );
    await tab.screenshot('foia-lifecycle', { readme: true, fullPage: false });
    await tab.chooseLanguage('es');
    await p.getByRole('heading', { level: 2, name: tab.t('foiaLife.heading') }).waitFor();
    await tab.checkAccessibility('foia.lifecycle.decided.es');
  });
});
