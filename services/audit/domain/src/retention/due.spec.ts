import { CLOSING_RULES, closingRuleFor } from '..';
import {
  pastRetention,
  retentionDueOn,
  splitByHolds,
  closedOnOrBefore,
  RETENTION_SCHEDULE,
  scheduleEntryFor,
  type ClosedRecord,
  type RetentionSchedule,
} from '..';
import { eventRegistry, RETENTION_RECORD_TYPES } from '@lse/contracts';

const A = 'c1b2c3d4-0000-4000-8000-000000000001';
const B = 'c1b2c3d4-0000-4000-8000-000000000002';
const C = 'c1b2c3d4-0000-4000-8000-000000000003';
const F = 'c1b2c3d4-0000-4000-8000-0000000000f1';

/** A schedule for the tests, so a new version of the agency's periods does not change them. */
const schedule: RetentionSchedule = {
  version: 'test-1',
  effectiveOn: '2026-01-01',
  entries: [
    { ...scheduleEntryFor(RETENTION_SCHEDULE, 'complaint_without_case')!, retainYears: 3 },
    { ...scheduleEntryFor(RETENTION_SCHEDULE, 'investigation_case')!, retainYears: 6 },
    { ...scheduleEntryFor(RETENTION_SCHEDULE, 'foia_request')!, retainYears: 6 },
    { ...scheduleEntryFor(RETENTION_SCHEDULE, 'access_log')!, retainYears: null, disposition: 'keep' },
  ],
};

describe('retention due dates', () => {
  it('a closed investigation case is due on the anniversary of its closing 6 years on (agency policy, set against 29 U.S.C. 255(a))', () => {
    expect(retentionDueOn('2020-05-10', 6)).toBe('2026-05-10');
  });

  it('a record closed on February 29 comes due on March 1 of a common year (agency policy: the period runs through February 28)', () => {
    expect(retentionDueOn('2024-02-29', 3)).toBe('2027-03-01');
  });

  it('a record closed on February 29 comes due on February 29 of a leap year (agency policy)', () => {
    expect(retentionDueOn('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('a record closed on February 28 of a leap year comes due on February 28 (agency policy)', () => {
    expect(retentionDueOn('2024-02-28', 3)).toBe('2027-02-28');
  });
});

describe('what is past retention as of a date (agency policy schedule)', () => {
  const records: ClosedRecord[] = [
    { recordType: 'investigation_case', recordId: A, caseId: A, closedOn: '2020-05-10' },
    { recordType: 'investigation_case', recordId: B, caseId: B, closedOn: '2020-05-11' },
    { recordType: 'complaint_without_case', recordId: C, caseId: C, closedOn: '2023-05-10' },
    { recordType: 'foia_request', recordId: F, closedOn: '2019-01-31' },
    { recordType: 'access_log', recordId: A, caseId: A, closedOn: '2001-01-01' },
  ];

  it('lists a record on its due date, not the day before, in due order (6 years for a case, 3 for a dismissed complaint: agency policy)', () => {
    const past = pastRetention(records, schedule, '2026-05-10');
    expect(past.map((p) => [p.recordType, p.recordId, p.dueOn])).toEqual([
      ['foia_request', F, '2025-01-31'],
      ['complaint_without_case', C, '2026-05-10'],
      ['investigation_case', A, '2026-05-10'],
    ]);
    expect(past[2].entry.retainYears).toBe(6);
    expect(pastRetention(records, schedule, '2026-05-09').map((p) => p.recordId)).toEqual([F]);
  });

  it('never lists a record the schedule keeps (the access log: agency policy) or does not name', () => {
    const past = pastRetention(
      [...records, { recordType: 'partner_referral', recordId: C, caseId: C, closedOn: '1990-01-01' }],
      schedule,
      '2099-01-01',
    );
    expect(past.map((p) => p.recordType)).not.toContain('access_log');
    expect(past.map((p) => p.recordType)).not.toContain('partner_referral');
  });

  it('bounds the closing dates worth reading by the shortest period (3 years)', () => {
    expect(closedOnOrBefore(schedule, '2026-05-10')).toBe('2023-05-10');
  });
});

describe('legal holds in the review (agency records policy: nothing of a held case is disposed of)', () => {
  const past = pastRetention(
    [
      { recordType: 'investigation_case', recordId: A, caseId: A, closedOn: '2019-05-10' },
      { recordType: 'investigation_case', recordId: B, caseId: B, closedOn: '2019-05-10' },
      { recordType: 'foia_request', recordId: F, closedOn: '2019-05-10' },
    ],
    schedule,
    '2026-12-06',
  );

  it('skips a held case: listed as held with its holds, not as due', () => {
    const hold = { holdId: 'c1b2c3d4-0000-4000-8000-0000000000a1' };
    const { due, held } = splitByHolds(past, (caseId) => (caseId === A ? [hold] : []));
    expect(due.map((d) => d.recordId)).toEqual([F, B]);
    expect(held.map((h) => [h.recordId, h.holds])).toEqual([[A, [hold]]]);
  });

  it('lists every record as due when no case is held', () => {
    expect(splitByHolds(past, () => []).due).toHaveLength(3);
  });
});

describe('the agency schedule (data)', () => {
  it('names every record type once, with a period unless kept, and its authority (agency policy where no source sets one)', () => {
    expect(RETENTION_SCHEDULE.entries.map((e) => e.recordType).sort()).toEqual(
      [...RETENTION_RECORD_TYPES].sort(),
    );
    for (const entry of RETENTION_SCHEDULE.entries) {
      expect(entry.disposition === 'keep' ? entry.retainYears : entry.retainYears! > 0).toBe(
        entry.disposition === 'keep' ? null : true,
      );
      expect(entry.authority).toEqual({ kind: 'agency_policy' });
      expect(entry.basis.length).toBeGreaterThan(20);
    }
  });
});

describe('closing events (the schedule names what the projection follows)', () => {
  it("every entry's closedBy is exactly the events that close its record type", () => {
    for (const entry of RETENTION_SCHEDULE.entries)
      expect([entry.recordType, [...entry.closedBy].sort()]).toEqual([
        entry.recordType,
        CLOSING_RULES.filter((r) => r.recordType === entry.recordType && r.action === 'close')
          .map((r) => r.type)
          .sort(),
      ]);
  });

  it('follows only event types the contracts register, on their own category', () => {
    const registered = new Set(eventRegistry.list().map((d) => `${d.category}/${d.type}`));
    for (const rule of CLOSING_RULES) expect(registered).toContain(`${rule.category}/${rule.type}`);
  });

  it('dates an investigation closing by its closedAt (UTC day), a complaint closing by when it occurred', () => {
    expect(
      closingRuleFor('investigation', 'InvestigationClosed')!.dateOf!(
        { closedAt: '2020-05-10T23:30:00.000Z' },
        '2020-05-11T00:00:00.000Z',
      ),
    ).toBe('2020-05-10');
    expect(closingRuleFor('complaint', 'ComplaintDeclined')!.dateOf!({}, '2021-03-04T10:00:00.000Z')).toBe(
      '2021-03-04',
    );
    expect(closingRuleFor('complaint', 'ComplaintReceived')).toBeUndefined();
  });
});
