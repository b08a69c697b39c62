import { INVESTIGATION_EVENTS } from '@lse/contracts';
import { eventBuilder, type IsoDate } from '@lse/domain';
import type { Actor } from '../src';

/* Shared test data for the investigation decider. Ids are fixed so expected events are literal. */

/** A past event, checked by its contract and typed as that event. */
export const event = eventBuilder(INVESTIGATION_EVENTS);
export const CASE_ID = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
export const EMPLOYER_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_ID = '22222222-3333-4444-8555-666666666666';
export const WORKER_A = '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
export const WORKER_B = '9b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e';
export const RECORD_SET = 'aaaaaaaa-0000-4000-8000-000000000001';
export const COMPUTATION = 'aaaaaaaa-0000-4000-8000-000000000002';
export const VIOLATION = 'aaaaaaaa-0000-4000-8000-000000000003';
export const PENALTY = 'aaaaaaaa-0000-4000-8000-000000000004';
export const DETERMINATION = 'aaaaaaaa-0000-4000-8000-000000000005';
export const EVIDENCE = 'aaaaaaaa-0000-4000-8000-000000000006';
export const REQUEST = 'aaaaaaaa-0000-4000-8000-000000000007';
export const LETTER = 'aaaaaaaa-0000-4000-8000-000000000008';
export const OTHER = 'aaaaaaaa-0000-4000-8000-000000000009';
export const NOW = '2026-03-01T17:00:00.000Z';
export const day = (value: string) => value as IsoDate;

export const supervisor: Actor = { id: 'sue@agency.gov', role: 'supervisor' };
export const otherSupervisor: Actor = { id: 'sam@agency.gov', role: 'supervisor' };
export const investigator: Actor = { id: 'ivan@agency.gov', role: 'investigator' };
export const otherInvestigator: Actor = { id: 'iris@agency.gov', role: 'investigator' };
export const system: Actor = { id: 'investigation', role: 'system' };

export const base = (actor: Actor = investigator) => ({ caseId: CASE_ID, now: NOW, actor });

export const opened = event('InvestigationOpened', {
  caseId: CASE_ID,
  caseNumber: 'LSE-2026-000123',
  priority: 'P1',
  office: 'SF-01',
  openedAt: '2026-01-16T09:00:00Z',
});

export const assigned = event('InvestigatorAssigned', {
  investigatorId: investigator.id,
  assignedBy: supervisor.id,
  assignedAt: '2026-01-17T09:00:00Z',
});

export const employerAdded = event('EmployerAdded', {
  employerId: EMPLOYER_ID,
  name: 'Golden Gate Car Wash LLC',
  fein: '94-1234567',
  role: 'direct',
  basis: 'Hires, fires and pays the washers.',
});

export const clientAdded = event('EmployerAdded', {
  employerId: CLIENT_ID,
  name: 'Bay Dealers Inc',
  role: 'client',
  basis: 'Controls schedules.',
});

export const evidenceAttached = event('EvidenceAttached', {
  evidenceId: EVIDENCE,
  sha256: 'a'.repeat(64),
  sizeBytes: 10,
  mediaType: 'text/csv',
  storageRef: `sha256:${'a'.repeat(64)}`,
});

export const recordsRequested = event('RecordsRequested', {
  requestId: REQUEST,
  employerId: EMPLOYER_ID,
  recordTypes: ['payroll'],
  requestedOn: day('2026-01-21'),
  dueOn: day('2026-02-04'),
});

export const hoursRecorded = event('HoursAndWagesRecorded', {
  recordSetId: RECORD_SET,
  source: 'employer_payroll',
  employerId: EMPLOYER_ID,
  workers: [
    { workerId: WORKER_A, name: 'Maria Planted-Worker' },
    { workerId: WORKER_B, name: 'Jose Planted-Worker' },
  ],
  records: [
    {
      workerId: WORKER_A,
      weekStart: day('2025-03-02'),
      hours: [10, 10, 10, 10, 10, 0, 0],
      pay: [{ kind: 'hourly', rateCents: 1000, hours: 50 }],
    },
    {
      workerId: WORKER_B,
      weekStart: day('2025-03-02'),
      hours: [8, 8, 8, 8, 8, 0, 0],
      pay: [{ kind: 'hourly', rateCents: 2000, hours: 40 }],
    },
  ],
});

const amounts = (overtime: number) => ({
  minimumWageCents: 0,
  overtimeCents: overtime,
  unpaidWagesCents: overtime,
  liquidatedDamagesCents: overtime,
  totalCents: 2 * overtime,
});

const week = (weekStart: string, overtime: number) => ({
  weekStart: day(weekStart),
  ruleSetId: 'US-FLSA',
  minimumWageCents: 0,
  overtimeCents: overtime,
  unpaidWagesCents: overtime,
  liquidatedDamagesCents: overtime,
  totalCents: 2 * overtime,
});

export const computed = event('BackWagesComputed', {
  computationId: COMPUTATION,
  ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
  recordSetIds: [RECORD_SET],
  filingDate: day('2026-01-15'),
  willful: false,
  excludedWorkweeks: 0,
  workers: [
    { workerId: WORKER_A, ...amounts(5000), weeks: [week('2025-03-02', 5000)] },
    { workerId: WORKER_B, ...amounts(0), weeks: [week('2025-03-02', 0)] },
  ],
  totals: {
    minimumWageCents: 0,
    overtimeCents: 5000,
    unpaidWagesCents: 5000,
    liquidatedDamagesCents: 5000,
    totalCents: 10_000,
  },
  traceSha256: 'b'.repeat(64),
});

export const violationFound = event('ViolationFound', {
  violationId: VIOLATION,
  type: 'overtime',
  statute: 'FLSA 7(a)',
  employerIds: [EMPLOYER_ID],
  periodStart: day('2025-03-02'),
  periodEnd: day('2025-03-08'),
  workersAffected: 1,
  willful: false,
  basis: 'Straight time for hours over 40.',
});

export const penaltyAssessed = event('CivilPenaltyAssessed', {
  penaltyId: PENALTY,
  employerId: EMPLOYER_ID,
  amountCents: 250_000,
  statute: '29 U.S.C. 216(e)',
  violationIds: [VIOLATION],
  basis: 'Repeated.',
});

export const proposed = event('DeterminationProposed', {
  determinationId: DETERMINATION,
  proposedBy: investigator.id,
  computationId: COMPUTATION,
  violationIds: [VIOLATION],
  penaltyIds: [PENALTY],
  employerIds: [EMPLOYER_ID],
  summary: 'Overtime owed.',
});

export const approved = event('DeterminationApproved', {
  determinationId: DETERMINATION,
  approvedBy: supervisor.id,
});

/** Everything up to a determination that can be proposed. */
export const readyToPropose = [
  opened,
  assigned,
  employerAdded,
  hoursRecorded,
  computed,
  violationFound,
  penaltyAssessed,
];
