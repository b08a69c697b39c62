import type { ComplaintEvent, JurisdictionAssessed, LimitationsAssessed, TriageScored } from '@lse/contracts';
import { isoDate as d } from '@lse/domain';
import { CASE_ID, OTHER_CASE_ID, receivedComplaint } from './fixtures';
import { complaintDecider } from '../src/decider';
import { DEFAULT_POLICY } from '../src/policy';

/* The decider and past events shared by the complaint decider specs (one per use case, under src/). */

export const decider = complaintDecider({
  ...DEFAULT_POLICY,
  limitationPeriods: {
    ...DEFAULT_POLICY.limitationPeriods,
    'CA Lab. Code 338': { years: 3, willfulYears: 3 },
  },
});

export const NOW = '2026-01-16T09:00:00Z';

export const base = { caseId: CASE_ID, now: NOW };

export const received: ComplaintEvent = { type: 'ComplaintReceived', data: receivedComplaint() };

export const inJurisdiction: JurisdictionAssessed = {
  inJurisdiction: true,
  statutes: ['FLSA'],
  reason: 'Car wash in SF.',
};

export const jurisdiction: ComplaintEvent = { type: 'JurisdictionAssessed', data: inJurisdiction };

export const limitations: LimitationsAssessed = {
  statute: 'FLSA',
  periodYears: 2,
  willful: false,
  assessedOn: d('2026-01-16'),
  earliestRecoverableDate: d('2024-01-16'),
  expiresOn: d('2026-03-01'),
  daysRemaining: 44,
  warning: 'expiring_soon',
};

export const triage: TriageScored = {
  score: 60,
  priority: 'P2',
  factors: [{ factor: 'workers_affected', points: 60, explanation: '12 workers affected.' }],
};

export const triaged: ComplaintEvent[] = [received, jurisdiction, { type: 'TriageScored', data: triage }];

/** Typed as the one event, so specs can spread its data. */
export const opened: Extract<ComplaintEvent, { type: 'CaseOpened' }> = {
  type: 'CaseOpened',
  data: { caseNumber: 'LSE-2026-000042', priority: 'P2', office: 'SF-01', openedAt: NOW },
};

/** One event per way a complaint closes without a case, by the status it leaves. */
export const closing: Record<string, ComplaintEvent> = {
  declined: { type: 'ComplaintDeclined', data: { reasonCode: 'insufficient_information' } },
  withdrawn: { type: 'ComplaintWithdrawn', data: { reason: 'Settled with the employer.' } },
  referred_out: {
    type: 'ComplaintReferredOut',
    data: { receivingAgency: 'EEOC', crossFiled: false, reason: 'Discrimination.' },
  },
  duplicate: {
    type: 'DuplicateLinked',
    data: { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Coworker filed first.' },
  },
};
