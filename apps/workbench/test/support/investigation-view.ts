import type { InvestigationView } from '../../src/features/case-file/case-file-tab';

export const CASE_ID = '57824f87-3567-568e-8084-e71780baf50f';
export const EMPLOYER_ID = 'b561c4d4-5241-52d0-b0b9-d08587b1be6b';

/** An open investigation with nothing recorded yet but an employer; `parts` adds what a test needs. */
export function investigationView(parts: Partial<InvestigationView> = {}): InvestigationView {
  return {
    caseId: CASE_ID,
    version: 7,
    status: 'open',
    caseNumber: 'LSE-2026-000002',
    priority: 'P2',
    office: 'SF-01',
    openedAt: '2026-11-20T10:00:00.000Z',
    investigatorId: 'ines@agency.gov',
    employers: [
      { employerId: EMPLOYER_ID, name: 'La Palma Taquería Inc.', role: 'direct', basis: 'Pays the cooks.' },
    ],
    interviewIds: [],
    interviews: [],
    recordsRequests: [],
    subpoenaIds: [],
    evidence: [],
    recordSets: [],
    computations: [],
    latestComputationId: null,
    violations: [],
    civilPenalties: [],
    retaliationConcernIds: [],
    retaliationConcerns: [],
    letters: [],
    determination: null,
    closure: null,
    ...parts,
  };
}
