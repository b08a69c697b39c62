import { CASE_ID, OTHER_CASE_ID, event, receivedComplaint } from './fixtures';
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

export const received = event('ComplaintReceived', receivedComplaint());

export const jurisdiction = event('JurisdictionAssessed', {
  inJurisdiction: true,
  statutes: ['FLSA'],
  reason: 'Car wash in SF.',
});
export const inJurisdiction = jurisdiction.data;

export const limitationsAssessed = event('LimitationsAssessed', {
  statute: 'FLSA',
  periodYears: 2,
  willful: false,
  assessedOn: '2026-01-16',
  earliestRecoverableDate: '2024-01-16',
  expiresOn: '2026-03-01',
  daysRemaining: 44,
  warning: 'expiring_soon',
});
export const limitations = limitationsAssessed.data;

export const triageScored = event('TriageScored', {
  score: 60,
  priority: 'P2',
  factors: [{ factor: 'workers_affected', points: 60, explanation: '12 workers affected.' }],
});
export const triage = triageScored.data;

export const triaged = [received, jurisdiction, triageScored];

export const opened = event('CaseOpened', {
  caseNumber: 'LSE-2026-000042',
  priority: 'P2',
  office: 'SF-01',
  openedAt: NOW,
});

/** One event per way a complaint closes without a case, by the status it leaves. */
export const closing = {
  declined: event('ComplaintDeclined', { reasonCode: 'insufficient_information' }),
  withdrawn: event('ComplaintWithdrawn', { reason: 'Settled with the employer.' }),
  referred_out: event('ComplaintReferredOut', {
    receivingAgency: 'EEOC',
    crossFiled: false,
    reason: 'Discrimination.',
  }),
  duplicate: event('DuplicateLinked', { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Coworker filed first.' }),
};
