import { EventDataInvalidError } from '../errors';
import {
  COMPLAINT_EVENTS,
  CaseOpened,
  ComplaintAmended,
  ComplaintDeclined,
  ComplaintReceived,
  ComplaintReferredOut,
  ComplaintWithdrawn,
  DuplicateLinked,
  JurisdictionAssessed,
  LimitationsAssessed,
  TriageScored,
  complaintStreamId,
  type ComplaintEvent,
} from '.';
import { complaintReceived } from './examples';

const CASE = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

/** Paths of the problems found, or [] when the data parses. */
function problems(definition: { parse(v: number, d: unknown): unknown }, data: unknown): string[] {
  try {
    definition.parse(1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventDataInvalidError)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const limitations = {
  statute: 'FLSA',
  periodYears: 2,
  willful: false,
  assessedOn: '2026-01-15',
  earliestRecoverableDate: '2024-01-15',
  expiresOn: '2026-03-01',
  daysRemaining: 45,
  warning: 'expiring_soon',
};

const valid: Record<keyof typeof COMPLAINT_EVENTS, unknown> = {
  ComplaintReceived: complaintReceived(),
  ComplaintAmended: {
    changes: { employer: complaintReceived().employer },
    reason: 'Worker called back with the legal name.',
  },
  JurisdictionAssessed: {
    inJurisdiction: true,
    statutes: ['FLSA', 'SF Admin. Code 12R'],
    reason: 'Car wash in SF.',
    coveredEnterprise: true,
    annualDollarVolumeCents: 120_000_000,
  },
  LimitationsAssessed: limitations,
  TriageScored: {
    score: 82,
    priority: 'P1',
    factors: [
      { factor: 'workers_affected', points: 30, explanation: '12 workers.' },
      { factor: 'ongoing', points: 20, explanation: 'Still happening.' },
    ],
  },
  DuplicateLinked: {
    duplicateOfCaseId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    reason: 'Same employer and period, filed by a coworker.',
  },
  ComplaintReferredOut: { receivingAgency: 'OSHA', crossFiled: true, reason: 'Chemical exposure alleged.' },
  ComplaintDeclined: { reasonCode: 'outside_limitations', note: 'Last work in 2019.' },
  ComplaintWithdrawn: { reason: 'Settled directly with the employer.' },
  CaseOpened: {
    caseNumber: 'LSE-2026-000123',
    priority: 'P1',
    office: 'SF-01',
    openedAt: '2026-01-16T09:00:00Z',
  },
  DuplicateAttached: {
    duplicateCaseId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    reason: 'Same employer and period, filed by a coworker.',
  },
  RelatedCaseLinked: {
    relatedCaseId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    reason: 'Same owner, another site.',
    reciprocal: false,
  },
  ComplaintMerged: { intoCaseId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d', reason: 'Same workers and period.' },
  ComplaintMergedIn: {
    fromCaseId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    reason: 'Same workers and period.',
    complainants: complaintReceived().complainants,
    allegations: complaintReceived().allegations,
  },
};

describe('complaint stream events', () => {
  it('live in complaint-<caseId> streams', () => {
    expect(complaintStreamId(CASE)).toBe(`complaint-${CASE}`);
    for (const definition of Object.values(COMPLAINT_EVENTS)) expect(definition.category).toBe('complaint');
  });

  it.each(Object.entries(valid))('%s accepts a realistic example', (type, data) => {
    expect(problems(COMPLAINT_EVENTS[type as keyof typeof COMPLAINT_EVENTS], data)).toEqual([]);
  });

  it.each(Object.entries(valid))(
    '%s rejects unknown fields (nothing unclassified gets stored)',
    (type, data) => {
      expect(
        problems(COMPLAINT_EVENTS[type as keyof typeof COMPLAINT_EVENTS], {
          ...(data as object),
          smuggled: 1,
        }),
      ).toEqual(['(root)']);
    },
  );

  describe('ComplaintReceived', () => {
    const base = complaintReceived();
    const [named, anonymous] = base.complainants;

    it('checks complainants, employer and allegations field by field', () => {
      expect(
        problems(ComplaintReceived, {
          ...base,
          complainants: [
            { ...named, email: 'x', preferredLanguage: 'Spanish!' },
            { ...anonymous, name: 'Someone' },
          ],
          employer: {
            ...base.employer,
            fein: '941234567',
            naics: '8',
            address: { ...base.employer.address, state: 'Calif' },
          },
          allegations: [
            { ...base.allegations[0], workersAffected: 0, periodStart: '2025-02-30' },
            { ...base.allegations[1], periodEnd: '2025-11-01' },
          ],
        }),
      ).toEqual([
        'complainants[0].email',
        'complainants[0].preferredLanguage',
        'complainants[1].name',
        'employer.address.state',
        'employer.fein',
        'employer.naics',
        'allegations[0].periodStart',
        'allegations[0].workersAffected',
        'allegations[1].periodEnd',
      ]);
    });

    it('ties referral ids to referral channels', () => {
      expect(problems(ComplaintReceived, { ...base, channel: 'partner_referral' })).toEqual(['referralId']);
      expect(problems(ComplaintReceived, { ...base, channel: 'partner_referral', referralId: CASE })).toEqual(
        [],
      );
      expect(problems(ComplaintReceived, { ...base, channel: 'web', referralId: CASE })).toEqual([
        'referralId',
      ]);
    });

    it('needs a complainant unless the agency initiated it, and unique complainant ids', () => {
      expect(problems(ComplaintReceived, { ...base, complainants: [] })).toEqual(['complainants']);
      expect(problems(ComplaintReceived, { ...base, channel: 'agency_initiated', complainants: [] })).toEqual(
        [],
      );
      expect(problems(ComplaintReceived, { ...base, complainants: [named, { ...named }] })).toEqual([
        'complainants[1].complainantId',
      ]);
      expect(problems(ComplaintReceived, { ...base, allegations: [] })).toEqual(['allegations']);
      expect(problems(ComplaintReceived, { ...base, receivedAt: '2026-01-15 17:05' })).toEqual([
        'receivedAt',
      ]);
    });
  });

  it('ComplaintAmended needs at least one change', () => {
    expect(problems(ComplaintAmended, { changes: {}, reason: 'x' })).toEqual(['changes']);
  });

  it('JurisdictionAssessed names a statute when in jurisdiction', () => {
    expect(problems(JurisdictionAssessed, { inJurisdiction: true, statutes: [], reason: 'x' })).toEqual([
      'statutes',
    ]);
    expect(
      problems(JurisdictionAssessed, { inJurisdiction: false, statutes: [], reason: 'Federal employer.' }),
    ).toEqual([]);
  });

  it('LimitationsAssessed keeps days remaining and the warning consistent', () => {
    expect(problems(LimitationsAssessed, { ...limitations, daysRemaining: 44 })).toEqual(['daysRemaining']);
    expect(problems(LimitationsAssessed, { ...limitations, warning: undefined })).toEqual(['warning']);
    expect(
      problems(LimitationsAssessed, {
        ...limitations,
        expiresOn: '2026-04-15',
        daysRemaining: 90,
        warning: undefined,
      }),
    ).toEqual([]);
    expect(
      problems(LimitationsAssessed, {
        ...limitations,
        expiresOn: '2026-01-14',
        daysRemaining: -1,
        warning: 'expired',
      }),
    ).toEqual([]);
  });

  it('TriageScored bounds the score and names its factors', () => {
    expect(
      problems(TriageScored, {
        score: 101,
        priority: 'P0',
        factors: [{ factor: 'Big Employer', points: 1, explanation: 'x' }],
      }),
    ).toEqual(['score', 'priority', 'factors[0].factor']);
  });

  it('the outcome events check their codes', () => {
    expect(problems(DuplicateLinked, { duplicateOfCaseId: 'LSE-2026-000001', reason: 'x' })).toEqual([
      'duplicateOfCaseId',
    ]);
    expect(
      problems(ComplaintReferredOut, { receivingAgency: 'STATE_AGENCY', crossFiled: false, reason: 'x' }),
    ).toEqual(['agencyName']);
    expect(problems(ComplaintDeclined, { reasonCode: 'other' })).toEqual(['note']);
    expect(problems(ComplaintWithdrawn, { reason: '  ' })).toEqual(['reason']);
    expect(problems(CaseOpened, { ...(valid.CaseOpened as object), caseNumber: 'LSE-26-123' })).toEqual([
      'caseNumber',
    ]);
  });

  it('ComplaintEvent narrows on type', () => {
    const event = { type: 'CaseOpened', data: CaseOpened.parse(1, valid.CaseOpened) } as ComplaintEvent;
    const describe = (e: ComplaintEvent) => (e.type === 'CaseOpened' ? e.data.caseNumber : e.type);
    expect(describe(event)).toBe('LSE-2026-000123');
  });
});
