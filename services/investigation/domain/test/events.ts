import {
  CASE_ID,
  COMPUTATION,
  DETERMINATION,
  EMPLOYER_ID,
  NOW,
  PENALTY,
  VIOLATION,
  WORKER_A,
  event,
  investigator,
  supervisor,
} from './fixtures';

/* Past events shared by the investigation decider specs (one per use case, under src/). */

export const closed = event('InvestigationClosed', { reason: 'administrative', closedAt: NOW });

export const issued = event('DeterminationIssued', {
  caseId: CASE_ID,
  caseNumber: 'LSE-2026-000123',
  determinationId: DETERMINATION,
  issuedAt: NOW,
  computationId: COMPUTATION,
  ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
  // Worker B is owed nothing: not in the determination.
  workers: [
    {
      workerId: WORKER_A,
      name: 'Maria Planted-Worker',
      unpaidWagesCents: 5000,
      liquidatedDamagesCents: 5000,
      totalCents: 10_000,
    },
  ],
  civilPenalties: [
    { penaltyId: PENALTY, employerId: EMPLOYER_ID, amountCents: 250_000, statute: '29 U.S.C. 216(e)' },
  ],
  liableEmployers: [
    { employerId: EMPLOYER_ID, name: 'Golden Gate Car Wash LLC', role: 'direct', fein: '94-1234567' },
  ],
  violationIds: [VIOLATION],
  totals: {
    unpaidWagesCents: 5000,
    liquidatedDamagesCents: 5000,
    civilPenaltiesCents: 250_000,
    totalCents: 260_000,
  },
  proposedBy: investigator.id,
  approvedBy: supervisor.id,
});
