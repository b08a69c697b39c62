import { screen, within } from '@testing-library/react';
import { FoiaQueuePage } from '../../src/features/foia/FoiaQueuePage';
import { FoiaRequestPage } from '../../src/features/foia/FoiaRequestPage';
import type { FoiaRequestView } from '../../src/features/foia/foia-api';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const REQUEST = '9b2f6a52-5b8e-4d0e-9c55-0d6f1f2f0a21';
const CASE = '3f2b1c7e-8a4d-4e2f-9b1a-5c6d7e8f9a01';
const SHA = 'ab'.repeat(32);
const POLICY =
  'agency policy: the usual response period (5 U.S.C. § 552(a)(6)(A)(i)) from the appeal decision';

const release = {
  cutoff: '2026-03-02T17:00:00.000Z',
  packageSha256: SHA,
  htmlSha256: SHA,
  records: 2,
  redactions: 2,
  overrides: 0,
  releasedAt: '2026-03-03T17:00:00.000Z',
  installment: 1,
  final: true,
};
const appeal = {
  grounds: 'The search missed the field notes.',
  receivedOn: '2026-03-10',
  dueOn: '2026-04-07',
  source: '5 U.S.C. § 552(a)(6)(A)(ii)',
};
const base = {
  requestId: REQUEST,
  version: 5,
  request: {
    requester: { name: 'Rita Reporter' },
    description: 'The car wash case.',
    caseIds: [CASE],
    jurisdiction: 'federal',
    receivedAt: '2026-03-01T15:00:00.000Z',
  },
  compilations: [],
  redactionSets: [],
  overrides: [],
  release,
};
const clock = { countedIn: 'business' as const, overdue: false, tolled: false, extended: false };

/** Remanded on appeal: open again, the earlier release still on record. */
const reprocessing: FoiaRequestView = {
  ...base,
  status: 'reprocessing',
  lifecycle: {
    clarifications: [],
    releases: [release],
    appeals: [
      {
        response: { kind: 'released', respondedOn: '2026-03-03' },
        appeal,
        decision: {
          outcome: 'remanded',
          reason: 'Search the field office again.',
          decidedOn: '2026-03-20',
          reprocessDueOn: '2026-04-17',
          reprocessSource: POLICY,
        },
      },
    ],
  },
  reopened: {
    appeal,
    decision: {
      outcome: 'remanded',
      reason: 'Search the field office again.',
      decidedOn: '2026-03-20',
      reprocessDueOn: '2026-04-17',
      reprocessSource: POLICY,
    },
    dueOn: '2026-04-17',
    source: POLICY,
  },
  clock: { ...clock, dueOn: '2026-04-17', daysLeft: 9 },
};

/** Upheld on appeal: closed, court next. */
const upheld: FoiaRequestView = {
  ...base,
  status: 'appeal_decided',
  lifecycle: { clarifications: [], releases: [release] },
  response: { kind: 'released', respondedOn: '2026-03-03', appealClosesOn: '2026-06-01' },
  appeal,
  appealDecision: { outcome: 'upheld', reason: 'The names are exempt.', decidedOn: '2026-03-20' },
  judicialReview: '5 U.S.C. § 552(a)(4)(B)',
  clock,
};

const html = '<!doctype html><html lang="en"><head><title>R</title></head><body>R</body></html>';
function showing(current: FoiaRequestView) {
  mockApi((call) => {
    if (call.method === 'GET' && call.path.endsWith('/package'))
      return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (call.method === 'GET') return json(200, current);
    return notFound(call);
  });
  renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${REQUEST}` });
}

describe('a FOIA request an appeal sent back', () => {
  it('reprocessing: offers compile and the open steps again, beside the earlier release, and shows the decision and its due date (agency policy)', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    showing(reprocessing);
    expect(await screen.findByRole('button', { name: 'Compile' })).toBeTruthy();
    expect(
      await screen.findByTitle('The released package, as the downloaded document shows it'),
    ).toBeTruthy();
    const reopened = screen.getByTestId('reopened');
    expect(reopened.textContent).toContain('Search the field office again.');
    expect(reopened.textContent).toContain(POLICY);
    expect(within(reopened).getByText(/sent the request back to be processed again/)).toBeTruthy();
    expect(screen.getByTestId('due-on-policy').textContent).toContain('agency policy');
    expect(screen.getByTestId('earlier-appeals').textContent).toContain('Search the field office again.');
    expect(screen.getByText(/Processing again after appeal/)).toBeTruthy();
    expect(screen.queryByTestId('judicial-review')).toBeNull();
    // The clock's moves apply again.
    expect(screen.getByRole('button', { name: 'Stop the clock' })).toBeTruthy();
  });

  it('upheld: closed, nothing to compile, and the requester is told court is next', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    showing(upheld);
    expect((await screen.findByTestId('judicial-review')).textContent).toContain('5 U.S.C. § 552(a)(4)(B)');
    expect(
      await screen.findByTitle('The released package, as the downloaded document shows it'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compile' })).toBeNull();
    expect(screen.queryByTestId('reopened')).toBeNull();
    expect(screen.queryByTestId('due-on-policy')).toBeNull();
  });

  it('the queue filters by the new status', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    mockApi((call) => (call.method === 'GET' ? json(200, { items: [], nextCursor: null }) : notFound(call)));
    renderRoute(<FoiaQueuePage />, { route: '/foia', path: '/foia' });
    const select = await screen.findByLabelText(/status/i);
    expect(within(select).getByRole('option', { name: 'Processing again after appeal' })).toBeTruthy();
  });
});
