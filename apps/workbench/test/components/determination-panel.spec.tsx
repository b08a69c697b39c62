import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InvestigationView } from '../../src/features/case-file/case-file-tab';
import { DeterminationTab } from '../../src/features/case-file/tabs/determination';
import { json, mockApi, notFound } from '../support/mock-api';
import { investigationView } from '../support/investigation-view';
import { renderRoute, signIn } from '../support/render';

const CASE = '82cd693e-43c4-58d8-a38c-73918896400d';
const DETERMINATION = '75a65310-6e75-5dea-9e7b-a99d279ab5d7';
const COMPUTATION = '6faaa7bf-2047-5928-9b27-7ab088780cd0';
const EMPLOYER = 'b561c4d4-5241-52d0-b0b9-d08587b1be6b';

/**
 * A case whose determination `proposedBy` proposed and nobody has approved yet. The proposer here
 * holds a supervisor's role too (a supervisor acting as the case's investigator): the API refuses
 * them the approval, and the screen says so before they try.
 */
function proposedBy(proposer: string): InvestigationView {
  return investigationView({
    caseId: CASE,
    investigatorId: proposer,
    employers: [
      {
        employerId: EMPLOYER,
        name: 'Bayshore Suds Car Wash LLC',
        role: 'direct',
        basis: 'Pays the washers.',
      },
    ],
    computations: [
      {
        computationId: COMPUTATION,
        ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
        recordSetIds: [],
        rerunOf: null,
        filingDate: '2026-12-01',
        willful: false,
        excludedWorkweeks: 0,
        totals: {
          minimumWageCents: 3500,
          overtimeCents: 26250,
          unpaidWagesCents: 29750,
          liquidatedDamagesCents: 29750,
          totalCents: 59500,
        },
        traceSha256: '22d1f93bfd90ad442488e7f94fbbe3fcb6334c465111de7687bb55c374d268d8',
        recordedAt: '2026-12-02T15:00:00.000Z',
        recordedBy: proposer,
      },
    ],
    latestComputationId: COMPUTATION,
    determination: {
      proposal: {
        determinationId: DETERMINATION,
        proposedBy: proposer,
        computationId: COMPUTATION,
        violationIds: [],
        penaltyIds: [],
        employerIds: [EMPLOYER],
        summary: 'Overtime owed to three washers.',
      },
      proposedAt: '2026-12-03T09:30:00.000Z',
      approvedAt: null,
      issuedBy: null,
    },
  });
}

function renderDetermination(view: InvestigationView, language: 'en' | 'es' = 'en') {
  const refresh = jest.fn();
  renderRoute(<DeterminationTab caseId={CASE} investigation={view} refresh={refresh} />, {
    route: '/cases/:caseId/:tab',
    path: `/cases/${CASE}/determination`,
    language,
  });
  return { refresh };
}

describe('the determination panel', () => {
  it('tells the supervisor who proposed the determination why they cannot approve it, before they try', () => {
    const calls = mockApi(notFound);
    signIn('supervisor', 'sue@agency.gov');
    renderDetermination(proposedBy('sue@agency.gov'));

    expect(screen.getByRole('alert').textContent).toBe(
      'You cannot approve this determinationYou proposed it. A determination is approved by a supervisor other than the person who proposed it (a second pair of eyes): ask another supervisor to approve it.',
    );
    expect(screen.queryByRole('button', { name: 'Approve the determination' })).toBeNull();
    // Status and who did what when are shown all the same.
    expect(
      screen.getByRole('heading', { name: "Proposed, waiting for a supervisor's approval" }),
    ).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Proposed' }).nextElementSibling?.textContent).toBe(
      'sue@agency.gov',
    );
    expect(screen.getByText('$595.00')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('says it in Spanish too', () => {
    mockApi(notFound);
    signIn('supervisor', 'sue@agency.gov');
    renderDetermination(proposedBy('sue@agency.gov'), 'es');
    expect(screen.getByRole('alert').textContent).toContain('Usted no puede aprobar esta determinación');
  });

  it('lets another supervisor approve it, with the If-Match of the case as shown and a fresh Idempotency-Key', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' && call.path === `/api/v1/cases/${CASE}/investigation/determination/approval`
        ? json(200, {
            caseId: CASE,
            version: 8,
            status: 'open',
            events: ['DeterminationApproved'],
            replayed: false,
          })
        : notFound(call),
    );
    signIn('supervisor', 'sam@agency.gov');
    const { refresh } = renderDetermination(proposedBy('ivan@agency.gov'));
    expect(screen.queryByText('You cannot approve this determination')).toBeNull();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Approve the determination' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ determinationId: DETERMINATION });
    expect(calls[0]!.headers.get('If-Match')).toBe('"7"');
    expect(calls[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
