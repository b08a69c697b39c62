import { given, eventBuilder, isoDate } from '@lse/domain';
import { AUDIT_EVENTS, type RetentionDispositionDue } from '@lse/contracts';
import { isUnderLegalHold, recordsDecider, replayRecords, type RecordsCommand } from '..';

const event = eventBuilder(AUDIT_EVENTS);
const CASE = 'b1b2c3d4-0000-4000-8000-000000000001';
const HOLD = 'b1b2c3d4-0000-4000-8000-0000000000a1';
const OTHER_HOLD = 'b1b2c3d4-0000-4000-8000-0000000000a2';
const REVIEW = 'b1b2c3d4-0000-4000-8000-0000000000f1';
const NOW = '2026-12-06T10:00:00.000Z';
const LATER = '2026-12-20T10:00:00.000Z';
const order = {
  matterId: 'Doe v. Acme Car Wash, No. 3:26-cv-00412',
  reason: 'Suit filed over the wages this case found owing; preserve everything.',
  orderedBy: 'Office of the Solicitor, A. Counsel',
};
const place = (holdId = HOLD, matterId = order.matterId): RecordsCommand => ({
  type: 'PlaceLegalHold',
  caseId: CASE,
  holdId,
  now: NOW,
  hold: { ...order, matterId },
});
const lift = (holdId = HOLD): RecordsCommand => ({
  type: 'LiftLegalHold',
  caseId: CASE,
  holdId,
  now: LATER,
  reason: 'Case settled and dismissed with prejudice.',
});
const placed = event('LegalHoldPlaced', { holdId: HOLD, ...order, scope: 'case', placedAt: NOW });
const lifted = event('LegalHoldLifted', {
  holdId: HOLD,
  reason: 'Case settled and dismissed with prejudice.',
  liftedAt: LATER,
});
const due: RetentionDispositionDue = {
  recordType: 'investigation_case',
  recordId: CASE,
  closedOn: isoDate('2019-05-10'),
  dueOn: isoDate('2025-05-10'),
  disposition: 'erase_personal_data',
  scheduleVersion: '2026-12-agency-1',
  reviewId: REVIEW,
};
const recordDue: RecordsCommand = { type: 'RecordDispositionDue', recordId: CASE, now: LATER, due };

describe('legal holds on a case (records decider)', () => {
  it('given no hold, when a hold is placed, then LegalHoldPlaced covers the whole case', () =>
    given(recordsDecider).when(place()).then([placed]));

  it('given a hold in effect for a matter, when another hold for the same matter is placed, then it is refused (agency records policy: one hold per matter)', () =>
    given(recordsDecider, [placed]).when(place(OTHER_HOLD)).thenThrows('hold_exists'));

  it('given a hold in effect, when a hold for another matter is placed, then both are in effect', () =>
    given(recordsDecider, [placed])
      .when(place(OTHER_HOLD, 'EEOC charge 555-2026-00001'))
      .then([
        event('LegalHoldPlaced', {
          holdId: OTHER_HOLD,
          ...order,
          matterId: 'EEOC charge 555-2026-00001',
          scope: 'case',
          placedAt: NOW,
        }),
      ]));

  it('given a hold, when a hold is placed again under its id, then it is refused (hold_id_taken)', () =>
    given(recordsDecider, [placed, lifted]).when(place(HOLD, 'another matter')).thenThrows('hold_id_taken'));

  it('given a hold in effect, when it is lifted, then LegalHoldLifted with the reason', () =>
    given(recordsDecider, [placed]).when(lift()).then([lifted]));

  it('given a lifted hold, when it is lifted again, then it is refused (only a hold in effect is lifted)', () =>
    given(recordsDecider, [placed, lifted]).when(lift()).thenThrows('hold_lifted'));

  it('given no such hold, when it is lifted, then it is refused as not found', () =>
    given(recordsDecider, [placed]).when(lift(OTHER_HOLD)).thenThrows('legal_hold_not_found'));

  it('given a matter whose hold was lifted, when the matter orders a hold again, then a new hold is placed', () =>
    given(recordsDecider, [placed, lifted])
      .when(place(OTHER_HOLD))
      .then([event('LegalHoldPlaced', { holdId: OTHER_HOLD, ...order, scope: 'case', placedAt: NOW })]));

  it('isUnderLegalHold: held while any hold is in effect, free once every one is lifted', () => {
    expect(isUnderLegalHold(replayRecords([]))).toBe(false);
    expect(isUnderLegalHold(replayRecords([placed]))).toBe(true);
    const second = event('LegalHoldPlaced', {
      holdId: OTHER_HOLD,
      ...order,
      matterId: 'm-2',
      scope: 'case',
      placedAt: NOW,
    });
    expect(isUnderLegalHold(replayRecords([placed, second, lifted]))).toBe(true);
    expect(isUnderLegalHold(replayRecords([placed, lifted]))).toBe(false);
  });
});

describe('dispositions due on a case (records decider)', () => {
  it('given no hold, when a disposition comes due, then RetentionDispositionDue is recorded', () =>
    given(recordsDecider)
      .when(recordDue)
      .then([event('RetentionDispositionDue', due)]));

  it('given a hold in effect, when a disposition comes due, then it is refused (agency records policy: nothing of a held case is disposed of)', () =>
    given(recordsDecider, [placed]).when(recordDue).thenThrows('under_legal_hold'));

  it('given the hold was lifted, when the disposition comes due, then it is recorded', () =>
    given(recordsDecider, [placed, lifted])
      .when(recordDue)
      .then([event('RetentionDispositionDue', due)]));

  it('given the disposition recorded for this closing, when a later review finds it due again, then nothing new', () =>
    given(recordsDecider, [event('RetentionDispositionDue', due)])
      .when({ ...recordDue, due: { ...due, reviewId: 'b1b2c3d4-0000-4000-8000-0000000000f2' } })
      .then([]));

  it('given a disposition for an earlier closing, when the reopened case closes again and comes due, then it is recorded', () => {
    const again = { ...due, closedOn: isoDate('2019-09-01'), dueOn: isoDate('2025-09-01') };
    given(recordsDecider, [event('RetentionDispositionDue', due)])
      .when({ ...recordDue, due: again })
      .then([event('RetentionDispositionDue', again)]);
  });
});
