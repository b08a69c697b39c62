import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { FoiaRequestPage } from '../../src/features/foia/FoiaRequestPage';
import { NewFoiaRequestPage } from '../../src/features/foia/NewFoiaRequestPage';
import type { CompiledPackage, FoiaPackage, FoiaRequestView } from '../../src/features/foia/foia-api';
import { RedactionReview } from '../../src/features/foia/RedactionReview';
import { json, mockApi, notFound, problem } from '../support/mock-api';
import { renderRoute, renderWithApp, signIn } from '../support/render';

const REQUEST = '9b2f6a52-5b8e-4d0e-9c55-0d6f1f2f0a11';
const CASE = '3f2b1c7e-8a4d-4e2f-9b1a-5c6d7e8f9a01';
const RECEIVED = 'a1a1a1a1-0000-4000-8000-000000000001';
const ASSESSED = 'a1a1a1a1-0000-4000-8000-000000000002';
/** A name the review must never show: the package carries markers, the review shows boxes. */
const PLANTED = 'Zebulon Quillfeather';
const SHA = 'ab'.repeat(32);

function pkg(released: boolean): FoiaPackage {
  return {
    format: 'lse-foia-package/1',
    requestId: REQUEST,
    jurisdiction: 'federal',
    law: '5 U.S.C. 552(b)',
    cutoff: '2026-03-02T17:00:00.000Z',
    cases: [
      {
        caseId: CASE,
        openAtCutoff: true,
        records: [
          {
            eventId: RECEIVED,
            streamId: `complaint-${CASE}`,
            streamVersion: 1,
            type: 'ComplaintReceived',
            recordedAt: '2026-03-01T16:00:00.000Z',
            data: { complainants: [{ name: '[WITHHELD (b)(6), (b)(7)(C) #1]' }] },
            metadata: {},
          },
          {
            eventId: ASSESSED,
            streamId: `complaint-${CASE}`,
            streamVersion: 2,
            type: 'JurisdictionAssessed',
            recordedAt: '2026-03-01T16:05:00.000Z',
            // Released on review: the package has the value; the review still shows only a box.
            data: { reason: released ? `Covered; see ${PLANTED}` : '[WITHHELD (b)(5) #2]' },
            metadata: {},
          },
        ],
      },
    ],
    redactionLog: [
      {
        n: 1,
        caseId: CASE,
        eventId: RECEIVED,
        path: 'data.complainants.0.name',
        classification: 'personal',
        exemptions: ['(b)(6)', '(b)(7)(C)'],
        released: false,
      },
      {
        n: 2,
        caseId: CASE,
        eventId: ASSESSED,
        path: 'data.reason',
        classification: 'deliberative',
        exemptions: ['(b)(5)'],
        released,
      },
    ],
    exemptions: {
      '(b)(6)': 'privacy',
      '(b)(7)(C)': 'privacy',
      ...(released ? {} : { '(b)(5)': 'deliberative' }),
    },
    summary: { records: 2, withheld: released ? 1 : 2, released: released ? 1 : 0 },
  };
}

/** A redaction's row, by the field's path (the path is shown broken after its dots). */
const rowOf = (path: string, scope: HTMLElement = document.body) =>
  scope.querySelector<HTMLElement>(`tr[data-path="${path}"]`)!;

const compiled = (released: boolean): CompiledPackage => ({
  requestId: REQUEST,
  sha256: SHA,
  htmlSha256: SHA,
  package: pkg(released),
  warnings: [],
});

function view(overrides: FoiaRequestView['overrides'] = []): FoiaRequestView {
  return {
    requestId: REQUEST,
    version: 1 + overrides.length,
    status: 'received',
    lifecycle: { clarifications: [], releases: [] },
    request: {
      requester: { name: 'Rita Reporter', organization: 'Bay Ledger' },
      description: 'All records of the car wash case.',
      caseIds: [CASE],
      jurisdiction: 'federal',
      receivedAt: '2026-03-01T18:00:00.000Z',
    },
    compilations: [],
    redactionSets: [],
    overrides,
    clock: {
      countedIn: 'business',
      dueOn: '2026-03-27',
      daysLeft: 20,
      overdue: false,
      tolled: false,
      extended: false,
    },
  };
}

describe('the redaction review', () => {
  it('groups redactions by record, each a labelled box with its exemptions, their meaning and the reason; never a value', async () => {
    await renderWithApp(<RedactionReview pkg={pkg(true)} />);
    const received = screen.getByRole('table', { name: /Complaint received/ });
    const row = rowOf('data.complainants.0.name', received);
    expect(within(row).getByTestId('redaction-box').textContent).toContain('Withheld (b)(6), (b)(7)(C) #1');
    expect(within(row).getByText('Withheld field 1, under (b)(6), (b)(7)(C)')).toBeTruthy();
    expect(row.textContent).toContain('(b)(6): clearly unwarranted invasion of personal privacy');
    expect(row.textContent).toContain(
      '(b)(7)(C): unwarranted invasion of personal privacy in law-enforcement records',
    );
    expect(row.textContent).toContain('Personal information about a worker');
    const assessed = screen.getByRole('table', { name: /Jurisdiction assessed/ });
    const released = rowOf('data.reason', assessed);
    expect(released.textContent).toContain('Released on review');
    expect(released.textContent).toContain('(b)(5): privileged inter- or intra-agency memoranda');
    expect(released.textContent).toContain('Staff deliberation before a decision');
    expect(document.body.textContent).not.toContain(PLANTED);
    expect(document.body.textContent).not.toContain('[WITHHELD');
    // Without the right to override, no button offers it.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('in Spanish, the exemptions and reasons too', async () => {
    await renderWithApp(<RedactionReview pkg={pkg(false)} />, { language: 'es' });
    const row = rowOf('data.reason');
    expect(row.textContent).toContain('Retenido (b)(5) #2');
    expect(row.textContent).toContain('memorandos privilegiados');
    expect(row.textContent).toContain('Deliberación del personal');
  });

  it('releases a field only with a justification; a personal field is warned about first', async () => {
    const submit = jest.fn();
    const { user } = await renderWithApp(
      <RedactionReview
        pkg={pkg(false)}
        override={{ busy: false, error: null, submit, reset: jest.fn(), onReload: jest.fn() }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Release this field data.complainants.0.name' }));
    expect(screen.getByText(/This field is personal data/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Release this field data.reason' }));
    expect(screen.queryByText(/This field is personal data/)).toBeNull();
    const form = screen.getByRole('form', { name: 'Release field 2 (data.reason)' });
    await user.click(within(form).getByRole('button', { name: 'Record the release' }));
    expect(within(form).getByText('Write why this field can be released.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    await user.type(
      within(form).getByLabelText(/^Justification/),
      'The reason states a legal conclusion already public.',
    );
    await user.click(within(form).getByRole('button', { name: 'Record the release' }));
    expect(submit).toHaveBeenCalledWith(
      expect.objectContaining({ n: 2, eventId: ASSESSED, path: 'data.reason' }),
      'The reason states a legal conclusion already public.',
    );
  });
});

describe('the request page', () => {
  it('compiles as of the cut-off typed, records an override with its justification and compiles again', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    let overridden = false;
    const calls = mockApi((call) => {
      if (call.method === 'GET' && call.path === `/api/v1/foia-requests/${REQUEST}`)
        return json(
          200,
          view(
            overridden ? [{ caseId: CASE, eventId: ASSESSED, path: 'data.reason', justification: 'x' }] : [],
          ),
        );
      if (call.method === 'POST' && call.path.endsWith('/compilations'))
        return json(200, compiled(overridden));
      if (call.method === 'POST' && call.path.endsWith('/overrides')) {
        overridden = true;
        return json(201, { requestId: REQUEST, version: 3 });
      }
      return notFound(call);
    });
    const user = userEvent.setup();
    const { router } = renderRoute(<FoiaRequestPage />, {
      route: '/foia/:requestId',
      path: `/foia/${REQUEST}`,
    });
    await screen.findByText('All records of the car wash case.');
    const cutoff = screen.getByLabelText(/^Cut-off/);
    await user.clear(cutoff);
    await user.type(cutoff, '2026-03-02T09:00');
    await user.click(screen.getByRole('button', { name: 'Compile' }));
    await screen.findByRole('table', { name: /Jurisdiction assessed/ });
    const compile = calls.find((c) => c.path.endsWith('/compilations'))!;
    expect(compile.body).toEqual({ cutoff: new Date('2026-03-02T09:00').toISOString() });
    expect(router.state.location.search).toBe(`?cutoff=${encodeURIComponent(pkg(false).cutoff)}`);

    await user.click(screen.getByRole('button', { name: 'Release this field data.reason' }));
    await user.type(screen.getByLabelText(/^Justification/), 'Already stated in the public determination.');
    await user.click(screen.getByRole('button', { name: 'Record the release' }));
    await screen.findByText(/Field 2 is released/);
    expect(calls.find((c) => c.path.endsWith('/overrides'))!.body).toEqual({
      caseId: CASE,
      eventId: ASSESSED,
      path: 'data.reason',
      justification: 'Already stated in the public determination.',
    });
    const compilations = calls.filter((c) => c.path.endsWith('/compilations'));
    expect(compilations).toHaveLength(2);
    expect(compilations[1]!.body).toEqual({ cutoff: pkg(false).cutoff });
    expect(within(rowOf('data.reason')).getByTestId('redaction-box').textContent).toContain(
      'Released on review',
    );
  });

  it('shows the server refusing an override beside the justification', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    mockApi((call) => {
      if (call.method === 'GET') return json(200, view());
      if (call.path.endsWith('/compilations')) return json(200, compiled(false));
      if (call.path.endsWith('/overrides'))
        return problem(400, {
          title: 'Bad request',
          errors: [{ path: 'justification', message: 'Too long.' }],
        });
      return notFound(call);
    });
    const user = userEvent.setup();
    renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${REQUEST}` });
    await user.click(await screen.findByRole('button', { name: 'Compile' }));
    await user.click(await screen.findByRole('button', { name: 'Release this field data.reason' }));
    await user.type(screen.getByLabelText(/^Justification/), 'x');
    await user.click(screen.getByRole('button', { name: 'Record the release' }));
    await waitFor(() => expect(screen.getByText('Too long.')).toBeTruthy());
  });

  const releasedRequest = (packageHeaders: Record<string, string>) => {
    const html =
      '<!doctype html><html lang="en"><head><title>Response</title></head><body><h1>Response</h1></body></html>';
    const calls = mockApi((call) => {
      if (call.method === 'GET' && call.path.endsWith('/package'))
        return new Response(html, {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', ...packageHeaders },
        });
      if (call.method === 'GET')
        return json(200, {
          ...view(),
          status: 'released',
          release: {
            cutoff: '2026-03-02T17:00:00.000Z',
            packageSha256: SHA,
            htmlSha256: SHA,
            records: 2,
            redactions: 2,
            overrides: 0,
            releasedAt: '2026-03-03T17:00:00.000Z',
          },
        });
      return notFound(call);
    });
    renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${REQUEST}` });
    return { html, calls };
  };

  it('a released request shows the package document itself in a sandboxed frame', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    const { html, calls } = releasedRequest({});
    const frame = await screen.findByTitle('The released package, as the downloaded document shows it');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(html);
    const get = calls.find((c) => c.path.endsWith('/package'))!;
    expect(get.query.get('format')).toBe('html');
    expect(get.headers.get('Authorization')).toBe('Bearer test-token');
    expect(screen.queryByRole('button', { name: 'Compile' })).toBeNull();
    // No Lse-Package-Recompiled: the copy stored at release.
    expect(screen.getByTestId('package-source').textContent).toBe(
      'Served as released: the copy stored at release, checked against the digests above.',
    );
  });

  it('says when the package shown was compiled again, and why (the gateway’s Lse-Package-Recompiled)', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    releasedRequest({ 'Lse-Package-Recompiled': 'compiler-changed', 'Lse-Released-Digest': `sha-256=x` });
    await screen.findByTitle('The released package, as the downloaded document shows it');
    expect(screen.getByTestId('package-source').textContent).toMatch(
      /^Compiled again \(no copy was stored at release\): the package compiler changed since/,
    );
  });
});

describe('logging a request', () => {
  it('sends what the API takes, shows its field errors beside the fields until they are edited', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    let first = true;
    const calls = mockApi((call) => {
      if (call.method !== 'POST') return notFound(call);
      if (first) {
        first = false;
        return problem(400, {
          title: 'Bad request',
          errors: [{ path: 'caseIds.1', message: 'Invalid UUID.' }],
        });
      }
      return json(201, { requestId: REQUEST, version: 1 });
    });
    const user = userEvent.setup();
    const router = createMemoryRouter(
      [
        { path: '/foia/new', element: <NewFoiaRequestPage /> },
        { path: '/foia/:requestId', element: <p>landed</p> },
      ],
      { initialEntries: ['/foia/new'] },
    );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await user.type(screen.getByLabelText(/^Requester's name/), 'Rita Reporter');
    await user.type(screen.getByLabelText(/^Organization/), 'Bay Ledger');
    await user.type(screen.getByLabelText(/^What is requested/), 'The car wash case.');
    await user.type(screen.getByLabelText(/^Case ids/), `${CASE}\nnot-a-case, ${CASE}`);
    await user.click(screen.getByRole('button', { name: 'Log the request' }));
    const caseIds = screen.getByLabelText(/^Case ids/);
    await waitFor(() => expect(caseIds.getAttribute('aria-invalid')).toBe('true'));
    expect(calls[0]!.body).toEqual({
      requester: { name: 'Rita Reporter', organization: 'Bay Ledger' },
      description: 'The car wash case.',
      caseIds: [CASE, 'not-a-case'],
      jurisdiction: 'federal',
    });
    expect(calls[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getAllByText('Invalid UUID.').length).toBeGreaterThan(0);
    await user.clear(caseIds);
    await user.type(caseIds, CASE);
    expect(caseIds.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Log the request' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    await screen.findByText('landed');
    expect(router.state.location.pathname).toBe(`/foia/${REQUEST}`);
    expect(calls[1]!.body).toMatchObject({ caseIds: [CASE] });
  });
});
