import {
  COMPLAINT_EVENTS,
  type ComplaintEvent,
  type JurisdictionAssessed,
  type LimitationsAssessed,
  type TriageScored,
} from '@lse/contracts';
import { given, isoDate as d } from '@lse/domain';
import { CASE_ID, OTHER_CASE_ID, receivedComplaint } from '../test/fixtures';
import type { ComplaintCommand } from './commands';
import { complaintDecider } from './decider';
import {
  CaseAlreadyOpenedError,
  ComplaintAlreadyReceivedError,
  ComplaintClosedError,
  ComplaintNotFoundError,
  OutOfJurisdictionError,
  ReceivedInFutureError,
  SelfDuplicateError,
  TriageRequiredError,
  UnknownStatuteError,
} from './errors';
import { DEFAULT_POLICY } from './policy';

const decider = complaintDecider({
  ...DEFAULT_POLICY,
  limitationPeriods: {
    ...DEFAULT_POLICY.limitationPeriods,
    'CA Lab. Code 338': { years: 3, willfulYears: 3 },
  },
});
const NOW = '2026-01-16T09:00:00Z';
const base = { caseId: CASE_ID, now: NOW };

const received: ComplaintEvent = { type: 'ComplaintReceived', data: receivedComplaint() };
const inJurisdiction: JurisdictionAssessed = {
  inJurisdiction: true,
  statutes: ['FLSA'],
  reason: 'Car wash in SF.',
};
const jurisdiction: ComplaintEvent = { type: 'JurisdictionAssessed', data: inJurisdiction };
const limitations: LimitationsAssessed = {
  statute: 'FLSA',
  periodYears: 2,
  willful: false,
  assessedOn: d('2026-01-16'),
  earliestRecoverableDate: d('2024-01-16'),
  expiresOn: d('2026-03-01'),
  daysRemaining: 44,
  warning: 'expiring_soon',
};
const triage: TriageScored = {
  score: 60,
  priority: 'P2',
  factors: [{ factor: 'workers_affected', points: 60, explanation: '12 workers affected.' }],
};
const triaged: ComplaintEvent[] = [received, jurisdiction, { type: 'TriageScored', data: triage }];
const opened: ComplaintEvent = {
  type: 'CaseOpened',
  data: { caseNumber: 'LSE-2026-000042', priority: 'P2', office: 'SF-01', openedAt: NOW },
};

const closing: Record<string, ComplaintEvent> = {
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

/** One command of each kind that intake can be asked while working a complaint. */
const everyIntakeCommand: ComplaintCommand[] = [
  {
    ...base,
    type: 'AmendComplaint',
    amendment: { changes: { employer: receivedComplaint().employer }, reason: 'Legal name.' },
  },
  { ...base, type: 'AssessJurisdiction', assessment: inJurisdiction },
  { ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false },
  { ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } },
  {
    ...base,
    type: 'LinkDuplicate',
    link: { duplicateOfCaseId: OTHER_CASE_ID, reason: 'Same employer and period.' },
  },
  { ...base, type: 'ReferOut', referral: { receivingAgency: 'OSHA', crossFiled: false, reason: 'Safety.' } },
  { ...base, type: 'Decline', decline: { reasonCode: 'no_jurisdiction' } },
  { ...base, type: 'Withdraw', withdrawal: { reason: 'Fear of retaliation.' } },
  { ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' },
];

describe('complaint decider', () => {
  describe('ReceiveComplaint', () => {
    it('records the complaint from any channel', () => {
      given(decider, [])
        .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
        .then([received]);
      const referral = receivedComplaint({ channel: 'partner_referral', referralId: OTHER_CASE_ID });
      given(decider, [])
        .when({ ...base, type: 'ReceiveComplaint', complaint: referral })
        .then([{ type: 'ComplaintReceived', data: referral }]);
    });

    it('refuses a second complaint on the same case id', () => {
      given(decider, [received])
        .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
        .thenThrows(ComplaintAlreadyReceivedError);
    });

    it('refuses a receipt time in the future (beyond clock skew)', () => {
      const command: ComplaintCommand = {
        ...base,
        type: 'ReceiveComplaint',
        complaint: receivedComplaint({ receivedAt: '2026-01-16T09:10:00Z' }),
      };
      given(decider, []).when(command).thenThrows(ReceivedInFutureError);
      given(decider, []).when(command).thenThrows('validation');
      given(decider, [])
        .when({ ...command, complaint: receivedComplaint({ receivedAt: '2026-01-16T09:04:00Z' }) })
        .then([
          { type: 'ComplaintReceived', data: receivedComplaint({ receivedAt: '2026-01-16T09:04:00Z' }) },
        ]);
    });
  });

  describe('AmendComplaint', () => {
    it('records the amendment and replaces the amended parts', () => {
      const employer = { ...receivedComplaint().employer, name: 'Golden Gate Auto Spa Inc.' };
      const amendment = { changes: { employer }, reason: 'Worker brought a pay stub.' };
      given(decider, [received])
        .when({ ...base, type: 'AmendComplaint', amendment })
        .then([{ type: 'ComplaintAmended', data: amendment }]);
      const state = decider.evolve(decider.evolve(decider.initialState, received), {
        type: 'ComplaintAmended',
        data: amendment,
      });
      expect(state.status === 'received' && state.complaint.employer.name).toBe('Golden Gate Auto Spa Inc.');
      expect(state.status === 'received' && state.complaint.allegations).toHaveLength(2);
    });
  });

  describe('AssessJurisdiction', () => {
    it('records the assessment', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessJurisdiction', assessment: inJurisdiction })
        .then([jurisdiction]);
    });
  });

  describe('AssessLimitations', () => {
    it('FLSA: 2 years back from today; warns when fewer than 90 days remain', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([{ type: 'LimitationsAssessed', data: limitations }]);
    });

    it('FLSA willful: 3 years, no warning', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: true })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 3,
              willful: true,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2023-01-16'),
              expiresOn: d('2027-03-01'),
              daysRemaining: 409,
            },
          },
        ]);
    });

    it('uses state periods from configuration', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'CA Lab. Code 338', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'CA Lab. Code 338',
              periodYears: 3,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2023-01-16'),
              expiresOn: d('2027-03-01'),
              daysRemaining: 409,
            },
          },
        ]);
    });

    it('an ongoing violation older than the period is losing wages today: 0 days, expiring soon', () => {
      const old = receivedComplaint({
        allegations: [
          { type: 'minimum_wage', periodStart: d('2022-05-01'), ongoing: true, workersAffected: 3 },
        ],
      });
      given(decider, [{ type: 'ComplaintReceived', data: old }])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 2,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2024-01-16'),
              expiresOn: d('2026-01-16'),
              daysRemaining: 0,
              warning: 'expiring_soon',
            },
          },
        ]);
    });

    it('violations that ended before the period are time-barred: negative days, expired', () => {
      const stale = receivedComplaint({
        allegations: [
          {
            type: 'unpaid_wages',
            periodStart: d('2021-01-04'),
            periodEnd: d('2023-06-30'),
            ongoing: false,
            workersAffected: 2,
          },
        ],
      });
      given(decider, [{ type: 'ComplaintReceived', data: stale }])
        .when({ ...base, type: 'AssessLimitations', statute: 'FLSA', willful: false })
        .then([
          {
            type: 'LimitationsAssessed',
            data: {
              statute: 'FLSA',
              periodYears: 2,
              willful: false,
              assessedOn: d('2026-01-16'),
              earliestRecoverableDate: d('2024-01-16'),
              expiresOn: d('2025-06-30'),
              daysRemaining: -200,
              warning: 'expired',
            },
          },
        ]);
    });

    it('refuses a statute with no configured period', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessLimitations', statute: 'NY Lab. Law 198', willful: false })
        .thenThrows(UnknownStatuteError);
    });
  });

  describe('ScoreTriage', () => {
    it('scores every factor with its explanation and derives the priority', () => {
      given(decider, [received, jurisdiction, { type: 'LimitationsAssessed', data: limitations }])
        .when({ ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } })
        .then([
          {
            type: 'TriageScored',
            data: {
              score: 77,
              priority: 'P1',
              factors: [
                { factor: 'workers_affected', points: 20, explanation: '12 workers affected.' },
                {
                  factor: 'severity',
                  points: 12,
                  explanation: 'Most serious allegation: retaliation (alleged: overtime, retaliation).',
                },
                { factor: 'jurisdiction', points: 10, explanation: 'Within jurisdiction under FLSA.' },
                { factor: 'ongoing', points: 15, explanation: '1 allegation is ongoing.' },
                {
                  factor: 'repeat_violator',
                  points: 0,
                  explanation: 'No earlier case against this employer.',
                },
                {
                  factor: 'high_violation_industry',
                  points: 10,
                  explanation: 'NAICS 811192 is in a targeted high-violation industry (car_washes).',
                },
                {
                  factor: 'limitations_remaining',
                  points: 15,
                  explanation: "Only 44 days before recoverable wages start to fall outside FLSA's period.",
                },
                {
                  factor: 'resource_intensity',
                  points: -5,
                  explanation: 'medium resource intensity (estimated from workers and allegations).',
                },
              ],
            },
          },
        ]);
    });

    it('counts a repeat violator from the employer index and an assessed resource intensity', () => {
      const [event] = decider.decide(
        {
          ...base,
          type: 'ScoreTriage',
          priorCases: { caseNumbers: ['LSE-2024-000007', 'LSE-2025-000311'] },
          resourceIntensity: 'high',
        },
        decider.evolve(decider.initialState, received),
      );
      expect(event.type).toBe('TriageScored');
      const data = event.data as TriageScored;
      expect(data.factors.find((f) => f.factor === 'repeat_violator')).toEqual({
        factor: 'repeat_violator',
        points: 20,
        explanation: '2 earlier cases against this employer: LSE-2024-000007, LSE-2025-000311.',
      });
      expect(data.factors.find((f) => f.factor === 'resource_intensity')?.points).toBe(-10);
      // 20 workers + 12 severity + 0 jurisdiction + 15 ongoing + 20 repeat + 10 industry + 0 limitations - 10
      expect(data).toMatchObject({ score: 67, priority: 'P2' });
    });

    it('clamps at 0 and ranks a small, stale, out-of-jurisdiction complaint P4', () => {
      const small = receivedComplaint({
        employer: {
          name: 'Corner Office Supplies',
          address: receivedComplaint().employer.address,
          naics: '424120',
        },
        allegations: [
          {
            type: 'recordkeeping',
            periodStart: d('2025-01-01'),
            periodEnd: d('2025-02-01'),
            ongoing: false,
            workersAffected: 1,
          },
        ],
      });
      const [event] = decider.decide(
        { ...base, type: 'ScoreTriage', priorCases: { caseNumbers: [] } },
        (
          [
            { type: 'ComplaintReceived', data: small },
            {
              type: 'JurisdictionAssessed',
              data: { inJurisdiction: false, statutes: [], reason: 'Federal contractor.' },
            },
          ] as ComplaintEvent[]
        ).reduce(decider.evolve, decider.initialState),
      );
      expect(event.data).toMatchObject({ score: 0, priority: 'P4' });
      expect((event.data as TriageScored).factors.map((f) => [f.factor, f.points])).toEqual([
        ['workers_affected', 5],
        ['severity', 3],
        ['jurisdiction', -40],
        ['ongoing', 0],
        ['repeat_violator', 0],
        ['high_violation_industry', 0],
        ['limitations_remaining', 0],
        ['resource_intensity', 0],
      ]);
    });
  });

  describe('LinkDuplicate', () => {
    it('links the complaint to an existing case and closes it', () => {
      given(decider, [received])
        .when({ ...base, type: 'LinkDuplicate', link: closing.duplicate.data as never })
        .then([closing.duplicate]);
    });

    it('refuses a link to itself', () => {
      given(decider, [received])
        .when({ ...base, type: 'LinkDuplicate', link: { duplicateOfCaseId: CASE_ID, reason: 'x' } })
        .thenThrows(SelfDuplicateError);
    });
  });

  describe('ReferOut', () => {
    it('hands the complaint to another agency, or cross-files and keeps it', () => {
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: closing.referred_out.data as never })
        .then([closing.referred_out]);
      const crossFiled = { receivingAgency: 'OSHA', crossFiled: true, reason: 'Chemical exposure.' } as const;
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: crossFiled })
        .then([{ type: 'ComplaintReferredOut', data: crossFiled }]);
      // Cross-filed, it stays in intake and can still be opened.
      given(decider, [...triaged, { type: 'ComplaintReferredOut', data: crossFiled }])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]);
    });

    it('an opened case can be cross-filed but not handed over', () => {
      const crossFiled = {
        receivingAgency: 'NLRB',
        crossFiled: true,
        reason: 'Concerted activity.',
      } as const;
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: crossFiled })
        .then([{ type: 'ComplaintReferredOut', data: crossFiled }]);
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: { ...crossFiled, crossFiled: false } })
        .thenThrows(CaseAlreadyOpenedError);
    });
  });

  describe('Decline and Withdraw', () => {
    it('close the complaint', () => {
      given(decider, [received])
        .when({ ...base, type: 'Decline', decline: closing.declined.data as never })
        .then([closing.declined]);
      given(decider, [received])
        .when({ ...base, type: 'Withdraw', withdrawal: closing.withdrawn.data as never })
        .then([closing.withdrawn]);
    });
  });

  describe('OpenCase', () => {
    it('opens the case with the number given and the triage priority', () => {
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]);
      given(decider, triaged)
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042', office: 'OAK-02' })
        .then([{ ...opened, data: { ...opened.data, office: 'OAK-02' } }]);
    });

    it('refuses to open twice', () => {
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' })
        .thenThrows(CaseAlreadyOpenedError);
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000043' })
        .thenThrows('invalid_transition');
    });

    it('refuses without a triage score', () => {
      given(decider, [received])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(TriageRequiredError);
    });

    it('refuses a complaint assessed outside the jurisdiction', () => {
      given(decider, [
        received,
        { type: 'TriageScored', data: triage },
        {
          type: 'JurisdictionAssessed',
          data: { inJurisdiction: false, statutes: [], reason: 'Federal employer.' },
        },
      ])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .thenThrows(OutOfJurisdictionError);
    });
  });

  describe('refusals by state', () => {
    it.each(everyIntakeCommand.map((c) => [c.type, c] as const))(
      '%s needs a received complaint',
      (_type, command) => {
        given(decider, []).when(command).thenThrows(ComplaintNotFoundError);
        given(decider, []).when(command).thenThrows('not_found');
      },
    );

    for (const [status, event] of Object.entries(closing)) {
      it.each(everyIntakeCommand.map((c) => [c.type, c] as const))(
        `%s is refused once ${status}`,
        (_type, command) => {
          given(decider, [...triaged, event])
            .when(command)
            .thenThrows(ComplaintClosedError);
          given(decider, [...triaged, event])
            .when(command)
            .thenThrows('invalid_transition');
        },
      );
    }

    it('a closed complaint cannot be opened, cross-filed or received again', () => {
      for (const event of Object.values(closing)) {
        given(decider, [...triaged, event])
          .when({
            ...base,
            type: 'ReferOut',
            referral: { receivingAgency: 'OSHA', crossFiled: true, reason: 'x' },
          })
          .thenThrows(ComplaintClosedError);
        given(decider, [...triaged, event])
          .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
          .thenThrows(ComplaintAlreadyReceivedError);
      }
    });

    it.each(everyIntakeCommand.filter((c) => c.type !== 'OpenCase').map((c) => [c.type, c] as const))(
      '%s is refused once the case is opened',
      (_type, command) => {
        given(decider, [...triaged, opened])
          .when(command)
          .thenThrows(CaseAlreadyOpenedError);
      },
    );
  });

  it('decides only events their contract schemas accept', () => {
    const states = [
      [received],
      [received, jurisdiction, { type: 'LimitationsAssessed', data: limitations }],
      triaged,
    ] as ComplaintEvent[][];
    for (const past of states) {
      const state = past.reduce(decider.evolve, decider.initialState);
      for (const command of everyIntakeCommand) {
        let events: ComplaintEvent[] = [];
        try {
          events = decider.decide(command, state);
        } catch {
          continue; // refusals are covered above
        }
        for (const event of events) {
          expect(() => COMPLAINT_EVENTS[event.type].parse(1, event.data)).not.toThrow();
        }
      }
    }
  });

  describe('evolve', () => {
    it('folds the lifecycle into a discriminated state', () => {
      given(decider, []).thenState({ status: 'none' });
      const state = [...triaged, opened].reduce(decider.evolve, decider.initialState);
      expect(state).toMatchObject({
        status: 'opened',
        caseNumber: 'LSE-2026-000042',
        priority: 'P2',
        office: 'SF-01',
      });
      for (const [status, event] of Object.entries(closing)) {
        expect([received, event].reduce(decider.evolve, decider.initialState).status).toBe(status);
      }
    });
  });
});
