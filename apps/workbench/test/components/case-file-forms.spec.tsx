import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { tab as interviews } from '../../src/features/case-file/tabs/interviews';
import { tab as letters } from '../../src/features/case-file/tabs/letters';
import { tab as retaliation } from '../../src/features/case-file/tabs/retaliation';
import { CASE_ID, investigationView } from '../support/investigation-view';
import { json, mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderTab, signInAs } from '../support/render-tab';

const WORKER = '4cb8b150-47c2-53e3-8bcc-f4dc3aff9068';
const OTHER_WORKER = '9b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e';
const LETTER = 'e1e201ce-5100-5d83-89cc-c5e0d7a4fb4c';
/** Any calendar date (the forms default to today). */
const aDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown as string;
const done = (events: string[]) =>
  json(200, { caseId: CASE_ID, version: 8, status: 'open', events, replayed: false });

/** The gateway: the complaint names one complainant; POSTs go to `post`. */
function gateway(post: (call: RecordedCall) => Response) {
  return mockApi((call) => {
    if (call.method === 'POST') return post(call);
    if (call.path === `/api/v1/complaints/${CASE_ID}`)
      return json(200, {
        caseId: CASE_ID,
        version: 5,
        status: 'opened',
        complaint: { complainants: [{ complainantId: WORKER, name: 'Juan Carlos Méndez Ruiz' }] },
      });
    return notFound(call);
  });
}

function render(
  Component: typeof interviews.Component,
  view = investigationView(),
  language: 'en' | 'es' = 'en',
) {
  const refresh = jest.fn();
  renderTab(<Component caseId={CASE_ID} investigation={view} refresh={refresh} />, {
    path: `/cases/${CASE_ID}/x`,
    language,
  });
  return { refresh };
}

describe('the interview form', () => {
  it('shows a refused field beside it, keeps everything typed, and sends the interview once fixed', async () => {
    let refuse = true;
    const posts: RecordedCall[] = [];
    gateway((call) => {
      posts.push(call);
      return refuse
        ? problem(400, {
            title: 'The request is not valid',
            errors: [{ path: 'language', message: 'expected a language tag like "es" or "zh-Hant"' }],
          })
        : done(['InterviewRecorded']);
    });
    signInAs('investigator', 'ines@agency.gov');
    const user = userEvent.setup();
    const { refresh } = render(interviews.Component);
    const form = screen.getByRole('form', { name: 'Record an interview' });
    await within(form).findByRole('option', { name: 'Juan Carlos Méndez Ruiz' });
    await user.selectOptions(within(form).getByLabelText('Which worker'), WORKER);
    const language = within(form).getByLabelText(/^Language of the interview/);
    await user.clear(language);
    await user.type(language, 'spanish!');
    await user.click(within(form).getByText('An interpreter was used'));
    await user.type(within(form).getByLabelText(/^Summary/), 'Worked 50 hours a week at straight time.');
    await user.click(within(form).getByRole('button', { name: 'Record the interview' }));

    const message = await within(form).findByText('expected a language tag like "es" or "zh-Hant"', {
      selector: '.usa-error-message',
    });
    expect(message.closest('.usa-form-group')!.contains(language)).toBe(true);
    expect(language.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText<HTMLTextAreaElement>(/^Summary/).value).toBe(
      'Worked 50 hours a week at straight time.',
    );
    expect(posts[0]!.body).toEqual({
      interviewee: { role: 'worker', confidentialSource: false, workerId: WORKER },
      interviewedOn: aDate,
      language: 'spanish!',
      interpreterUsed: true,
      traumaInformedProtocol: false,
      summary: 'Worked 50 hours a week at straight time.',
    });
    expect(posts[0]!.headers.get('If-Match')).toBe('"7"');

    refuse = false;
    await user.clear(language);
    await user.type(language, 'es-MX');
    await user.click(within(form).getByRole('button', { name: 'Record the interview' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect((posts[1]!.body as { language: string }).language).toBe('es-MX');
  });

  it('lists interviews with their language named in the interface language, and offers an auditor no form', () => {
    gateway(() => notFound({} as RecordedCall));
    signInAs('auditor', 'aud@agency.gov');
    render(
      interviews.Component,
      investigationView({
        interviews: [
          {
            interviewId: LETTER,
            interviewedOn: '2026-11-20',
            role: 'witness',
            workerId: null,
            language: 'es-MX',
            interpreterUsed: true,
            traumaInformedProtocol: false,
            confidentialSource: true,
          },
        ],
      }),
      'es',
    );
    const row = screen.getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '20 nov 2026',
      'Testigo',
      expect.stringMatching(/^español.*México.* \(es-MX\)$/),
      'Sí',
      'No',
      'Fuente confidencial',
    ]);
    // An auditor reads; recording is for investigators and supervisors.
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('the retaliation form', () => {
  it('checks the other workers’ ids before sending, then sends the workers chosen and typed', async () => {
    const posts: RecordedCall[] = [];
    gateway((call) => {
      posts.push(call);
      return done(['RetaliationConcernFlagged']);
    });
    signInAs('investigator', 'ines@agency.gov');
    const user = userEvent.setup();
    const { refresh } = render(retaliation.Component);
    const form = screen.getByRole('form', { name: 'Flag a retaliation concern' });
    await user.click(await within(form).findByText('Juan Carlos Méndez Ruiz'));
    await user.selectOptions(within(form).getByLabelText(/^Kind of retaliation/), 'reduced_hours');
    await user.type(within(form).getByLabelText("Other workers' IDs"), `${OTHER_WORKER}, E-7`);
    await user.type(within(form).getByLabelText(/^What happened/), 'Hours cut after the interview.');
    await user.click(within(form).getByRole('button', { name: 'Flag the concern' }));
    expect(within(form).getByText('These are not worker IDs: E-7')).toBeTruthy();
    expect(posts).toHaveLength(0);

    const others = within(form).getByLabelText("Other workers' IDs");
    await user.clear(others);
    await user.type(others, OTHER_WORKER.toUpperCase());
    await user.click(within(form).getByRole('button', { name: 'Flag the concern' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(posts[0]!.body).toEqual({
      kind: 'reduced_hours',
      reportedOn: aDate,
      workerIds: [WORKER, OTHER_WORKER],
      description: 'Hours cut after the interview.',
    });
  });
});

describe('immigration support letters', () => {
  const requested = investigationView({
    letters: [
      {
        letterId: LETTER,
        workerId: WORKER,
        program: 'u_visa',
        requestedOn: '2026-11-25',
        issued: false,
        issuedOn: null,
        evidenceId: null,
      },
    ],
  });

  it('tells an investigator that only a supervisor issues a letter, and offers no issue button', async () => {
    gateway(() => done([]));
    signInAs('investigator', 'ines@agency.gov');
    render(letters.Component, requested);
    expect(await screen.findByRole('cell', { name: 'Juan Carlos Méndez Ruiz' })).toBeTruthy();
    expect(screen.getByText('Letters are signed and issued by these roles only: supervisor.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign and issue' })).toBeNull();
    // Requesting one is theirs to do.
    expect(screen.getByRole('form', { name: 'Record a letter request' })).toBeTruthy();
  });

  it('lets a supervisor sign and issue the letter with the If-Match of the case shown', async () => {
    const posts: RecordedCall[] = [];
    gateway((call) => {
      posts.push(call);
      return done(['ImmigrationSupportLetterIssued']);
    });
    signInAs('supervisor', 'sue@agency.gov');
    const user = userEvent.setup();
    const { refresh } = render(letters.Component, requested);
    await screen.findByRole('cell', { name: 'Juan Carlos Méndez Ruiz' });
    await user.click(screen.getByRole('button', { name: 'Sign and issue' }));
    const form = await screen.findByRole('form', { name: /^Sign and issue the letter for/ });
    await user.click(within(form).getByRole('button', { name: 'Issue the letter' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(posts[0]!.path).toBe(`/api/v1/cases/${CASE_ID}/investigation/immigration-letters`);
    expect(posts[0]!.body).toEqual({
      letterId: LETTER,
      issuedOn: aDate,
    });
    expect(posts[0]!.headers.get('If-Match')).toBe('"7"');
  });
});
