import { AUDIT_EVENTS, FOIA_CLOCK_JURISDICTIONS, type FoiaEvent } from '@lse/contracts';
import { eventBuilder, given } from '@lse/domain';
import { CLOCK_RULES, foiaDecider, LIFECYCLE_RULES, redactionLogDigest, type FoiaCommand } from '../..';

const event = eventBuilder(AUDIT_EVENTS);
const REQ = 'c1b2c3d4-0000-4000-8000-000000000001';
const CASE = 'c1b2c3d4-0000-4000-8000-000000000002';
// Monday 2026-03-02, 10:00 in New York: due the 20th working day after, Monday 2026-03-30.
const RECEIVED_AT = '2026-03-02T15:00:00.000Z';
const request = {
  requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
  description: 'Records of the car wash case.',
  caseIds: [CASE],
  jurisdiction: 'federal',
  receivedAt: RECEIVED_AT,
};
const received = event('FoiaRequestReceived', request);
const receivedInCalifornia = event('FoiaRequestReceived', { ...request, jurisdiction: 'california' });
// Noon in New York on a date.
const on = (date: string) => `${date}T16:00:00.000Z`;
const step = (command: Record<string, unknown> & { type: string }, date = '2026-03-10') =>
  ({ requestId: REQ, now: on(date), ...command }) as FoiaCommand;

const release = (final: boolean, date = '2026-03-20'): FoiaCommand => ({
  type: 'ReleaseResponse',
  requestId: REQ,
  now: on(date),
  cutoff: RECEIVED_AT,
  packageSha256: 'a'.repeat(64),
  htmlSha256: 'b'.repeat(64),
  records: 2,
  redactions: 1,
  redactionLog: [],
  final,
});
const releasedEvent = (installment: number, final: boolean, date = '2026-03-20') =>
  event('FoiaResponseReleased', {
    cutoff: RECEIVED_AT,
    packageSha256: 'a'.repeat(64),
    htmlSha256: 'b'.repeat(64),
    records: 2,
    redactions: 1,
    overrides: 0,
    releasedAt: on(date),
    redactionLogSha256: redactionLogDigest([]),
    installment,
    final,
  });

const asked = event('FoiaClarificationRequested', { question: 'Which years?', askedOn: '2026-03-10' });
// Tuesday 2026-03-10 is the 6th working day: 14 are left.
const tolledForClarification = event('FoiaClockTolled', {
  reason: 'awaiting_clarification',
  tolledOn: '2026-03-10',
  daysLeft: 14,
});
const answered = event('FoiaClarificationReceived', { answer: '2024 and 2025.', receivedOn: '2026-03-16' });
const resumed = event('FoiaClockResumed', { resumedOn: '2026-03-16', daysLeft: 14, dueOn: '2026-04-03' });
const estimated = event('FoiaFeeEstimated', {
  category: 'commercial',
  amountCents: 12_500,
  source: '5 U.S.C. § 552(a)(4)(A)(ii)(I)',
  estimatedOn: '2026-03-10',
});
const denied = event('FoiaRequestDenied', {
  exemptions: ['(b)(7)(A)'],
  reason: 'The investigation is open.',
  respondedOn: '2026-03-20',
});
const appealed = event('FoiaAppealReceived', {
  grounds: 'The case has closed.',
  receivedOn: '2026-06-18',
  dueOn: '2026-07-20',
  source: '5 U.S.C. § 552(a)(6)(A)(ii)',
});

const REPROCESS_POLICY =
  'agency policy: the usual response period (5 U.S.C. § 552(a)(6)(A)(i)) from the appeal decision';
const fold = (events: readonly FoiaEvent[]) => events.reduce(foiaDecider.evolve, foiaDecider.initialState);
const decidedAs = (outcome: string) =>
  event('FoiaAppealDecided', {
    outcome: outcome as 'upheld',
    reason: 'Decided.',
    decidedOn: '2026-07-01',
    ...(outcome === 'upheld' ? {} : { reprocessDueOn: '2026-07-30', reprocessSource: REPROCESS_POLICY }),
  });

describe('a FOIA request after receipt', () => {
  it('has its life after receipt on record for every jurisdiction with a clock, and only those', () => {
    expect(Object.keys(LIFECYCLE_RULES).sort()).toEqual(Object.keys(CLOCK_RULES).sort());
    expect([...FOIA_CLOCK_JURISDICTIONS].sort()).toEqual(Object.keys(CLOCK_RULES).sort());
  });

  describe('acknowledgment (5 U.S.C. § 552(a)(7)(A): a tracking number)', () => {
    it('gives the tracking number: the year received and the first 8 of the id', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'AcknowledgeFoiaRequest' }, '2026-03-03'))
        .then([
          event('FoiaRequestAcknowledged', {
            trackingNumber: 'FOIA-2026-C1B2C3D4',
            acknowledgedOn: '2026-03-03',
          }),
        ]));

    it('is given once', () =>
      given(foiaDecider, [
        received,
        event('FoiaRequestAcknowledged', {
          trackingNumber: 'FOIA-2026-C1B2C3D4',
          acknowledgedOn: '2026-03-03',
        }),
      ])
        .when(step({ type: 'AcknowledgeFoiaRequest' }))
        .thenThrows('already_acknowledged'));
  });

  describe('clarification', () => {
    it('asked, tolls the clock with the days left (5 U.S.C. § 552(a)(6)(A)(ii)(I))', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'RequestFoiaClarification', question: 'Which years?' }))
        .then([asked, tolledForClarification]));

    it('received, resumes the clock with the days it had left', () =>
      given(foiaDecider, [received, asked, tolledForClarification])
        .when(step({ type: 'ReceiveFoiaClarification', answer: '2024 and 2025.' }, '2026-03-16'))
        .then([answered, resumed]));

    it('is asked only once under 5 U.S.C. § 552(a)(6)(A)(ii)(I) ("one request")', () =>
      given(foiaDecider, [received, asked, tolledForClarification, answered, resumed])
        .when(step({ type: 'RequestFoiaClarification', question: 'And 2023?' }, '2026-03-17'))
        .thenThrows('clarification_limit'));

    it('cannot be received when none was asked', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'ReceiveFoiaClarification', answer: 'All of them.' }))
        .thenThrows('no_clarification_pending'));

    it('cannot be asked while the clock is already stopped for the fee', () =>
      given(foiaDecider, [
        received,
        event('FoiaClockTolled', { reason: 'awaiting_fee_payment', tolledOn: '2026-03-10', daysLeft: 14 }),
      ])
        .when(step({ type: 'RequestFoiaClarification', question: 'Which years?' }))
        .thenThrows('clock_tolled'));
  });

  describe('fees', () => {
    it('are estimated in cents citing the category’s provision (5 U.S.C. § 552(a)(4)(A)(ii)(I))', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'EstimateFoiaFee', category: 'commercial', amountCents: 12_500 }))
        .then([estimated]));

    it('for news media cite duplication only (5 U.S.C. § 552(a)(4)(A)(ii)(II))', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'EstimateFoiaFee', category: 'news_media', amountCents: 300 }))
        .then([
          event('FoiaFeeEstimated', {
            category: 'news_media',
            amountCents: 300,
            source: '5 U.S.C. § 552(a)(4)(A)(ii)(II)',
            estimatedOn: '2026-03-10',
          }),
        ]));

    it('in California are the direct cost of duplication (Cal. Gov. Code § 7922.530(a))', () =>
      given(foiaDecider, [receivedInCalifornia])
        .when(step({ type: 'EstimateFoiaFee', category: 'other', amountCents: 40 }))
        .then([
          event('FoiaFeeEstimated', {
            category: 'other',
            amountCents: 40,
            source: 'Cal. Gov. Code § 7922.530(a)',
            estimatedOn: '2026-03-10',
          }),
        ]));

    it('are estimated once', () =>
      given(foiaDecider, [received, estimated])
        .when(step({ type: 'EstimateFoiaFee', category: 'other', amountCents: 100 }))
        .thenThrows('fee_already_estimated'));

    it('a waiver is decided under the public-interest test (5 U.S.C. § 552(a)(4)(A)(iii))', () =>
      given(foiaDecider, [received, estimated])
        .when(step({ type: 'DecideFoiaFeeWaiver', granted: false, reason: 'Primarily commercial interest.' }))
        .then([
          event('FoiaFeeWaiverDecided', {
            granted: false,
            reason: 'Primarily commercial interest.',
            standard: '5 U.S.C. § 552(a)(4)(A)(iii)',
            decidedOn: '2026-03-10',
          }),
        ]));

    it('a waiver needs a fee estimated first', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'DecideFoiaFeeWaiver', granted: true, reason: 'Public interest.' }))
        .thenThrows('no_fee_estimated'));

    it('have no waiver under the CPRA (Cal. Gov. Code § 7922.530(a))', () =>
      given(foiaDecider, [receivedInCalifornia, estimated])
        .when(step({ type: 'DecideFoiaFeeWaiver', granted: true, reason: 'Public interest.' }))
        .thenThrows('no_fee_waiver'));

    it('a payment is never more than is owed', () =>
      given(foiaDecider, [received, estimated])
        .when(step({ type: 'RecordFoiaPayment', amountCents: 12_501, method: 'check' }))
        .thenThrows('overpayment'));

    it('paid in full, resume a clock stopped for the fee', () =>
      given(foiaDecider, [
        received,
        estimated,
        event('FoiaClockTolled', { reason: 'awaiting_fee_payment', tolledOn: '2026-03-10', daysLeft: 14 }),
      ])
        .when(step({ type: 'RecordFoiaPayment', amountCents: 12_500, method: 'card' }, '2026-03-16'))
        .then([
          event('FoiaFeePaid', { amountCents: 12_500, method: 'card', paidOn: '2026-03-16' }),
          resumed,
        ]));

    it('unpaid, hold back a release (5 U.S.C. § 552(a)(4)(A)): the refusal says what is owed', () =>
      given(foiaDecider, [
        received,
        estimated,
        event('FoiaFeePaid', { amountCents: 2_500, method: 'check', paidOn: '2026-03-12' }),
      ])
        .when(release(false))
        .thenThrows('fee_unpaid'));

    it('waived, let the release go', () =>
      given(foiaDecider, [
        received,
        estimated,
        event('FoiaFeeWaiverDecided', {
          granted: true,
          reason: 'Contributes to public understanding.',
          standard: '5 U.S.C. § 552(a)(4)(A)(iii)',
          decidedOn: '2026-03-11',
        }),
      ])
        .when(release(true))
        .then([releasedEvent(1, true)]));
  });

  describe('releases in installments', () => {
    it('an installment is numbered and keeps the request open', () => {
      given(foiaDecider, [received])
        .when(release(false))
        .then([releasedEvent(1, false)]);
      given(foiaDecider, [received, releasedEvent(1, false)])
        .when(step({ type: 'AcknowledgeFoiaRequest' }))
        .then([
          event('FoiaRequestAcknowledged', {
            trackingNumber: 'FOIA-2026-C1B2C3D4',
            acknowledgedOn: '2026-03-10',
          }),
        ]);
    });

    it('the final release is numbered after them and closes the request', () => {
      given(foiaDecider, [received, releasedEvent(1, false)])
        .when(release(true, '2026-03-25'))
        .then([releasedEvent(2, true, '2026-03-25')]);
      given(foiaDecider, [received, releasedEvent(1, false), releasedEvent(2, true, '2026-03-25')])
        .when(release(true, '2026-03-26'))
        .thenThrows('foia_released');
    });
  });

  describe('final responses other than a release', () => {
    it('a denial cites exemptions of the request’s law (5 U.S.C. § 552(b))', () =>
      given(foiaDecider, [received])
        .when(
          step(
            {
              type: 'DenyFoiaRequest',
              exemptions: ['(b)(7)(A)', '(b)(7)(A)'],
              reason: 'The investigation is open.',
            },
            '2026-03-20',
          ),
        )
        .then([denied]));

    it('a denial citing a code not in the law’s catalog is refused (5 U.S.C. § 552(b))', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'DenyFoiaRequest', exemptions: ['(b)(10)'], reason: 'No.' }))
        .thenThrows('unknown_exemption'));

    it('"no records" says where the agency searched', () =>
      given(foiaDecider, [received])
        .when(step({ type: 'RespondNoFoiaRecords', search: 'Case files and email of the district office.' }))
        .then([
          event('FoiaNoRecordsFound', {
            search: 'Case files and email of the district office.',
            respondedOn: '2026-03-10',
          }),
        ]));

    it('a referral names the agency the records belong to (28 CFR § 16.4(d)(3))', () =>
      given(foiaDecider, [received])
        .when(
          step({ type: 'ReferFoiaRequest', agency: 'OSHA', reason: 'The inspection records are OSHA’s.' }),
        )
        .then([
          event('FoiaRequestReferred', {
            agency: 'OSHA',
            reason: 'The inspection records are OSHA’s.',
            respondedOn: '2026-03-10',
          }),
        ]));

    it('once made, close the request to everything but an appeal', () =>
      given(foiaDecider, [received, denied])
        .when(step({ type: 'EstimateFoiaFee', category: 'other', amountCents: 100 }))
        .thenThrows('foia_responded'));
  });

  describe('appeal', () => {
    const appeal = (date: string) =>
      step({ type: 'ReceiveFoiaAppeal', grounds: 'The case has closed.' }, date);

    it('received on the 90th day after the response is due in 20 working days (5 U.S.C. § 552(a)(6)(A)(ii))', () =>
      // Juneteenth (Fri 2026-06-19) and Independence Day observed (Fri 2026-07-03) are not counted.
      given(foiaDecider, [received, denied]).when(appeal('2026-06-18')).then([appealed]));

    it('received after the 90 days is refused (5 U.S.C. § 552(a)(6)(A)(i)(III)(aa))', () =>
      given(foiaDecider, [received, denied]).when(appeal('2026-06-19')).thenThrows('appeal_window_closed'));

    it('of a final release counts from the release', () =>
      given(foiaDecider, [received, releasedEvent(1, true)])
        .when(appeal('2026-06-18'))
        .then([appealed]));

    it('before the final response is refused', () =>
      given(foiaDecider, [received, releasedEvent(1, false)])
        .when(appeal('2026-03-25'))
        .thenThrows('not_yet_responded'));

    it('is refused for a CPRA request: no administrative appeal, the requester goes to court (Cal. Gov. Code § 7923.000)', () =>
      given(foiaDecider, [receivedInCalifornia, denied])
        .when(appeal('2026-03-25'))
        .thenThrows('no_administrative_appeal'));

    it('is received once', () =>
      given(foiaDecider, [received, denied, appealed])
        .when(appeal('2026-06-18'))
        .thenThrows('already_appealed'));

    it('is decided with its outcome and reason', () =>
      given(foiaDecider, [received, denied, appealed])
        .when(step({ type: 'DecideFoiaAppeal', outcome: 'remanded', reason: 'Search again.' }, '2026-07-01'))
        .then([
          event('FoiaAppealDecided', {
            outcome: 'remanded',
            reason: 'Search again.',
            decidedOn: '2026-07-01',
            // Independence Day observed (Fri 2026-07-03) is not counted.
            reprocessDueOn: '2026-07-30',
            reprocessSource: REPROCESS_POLICY,
          }),
        ]));

    it('cannot be decided when none is pending', () => {
      const decided = event('FoiaAppealDecided', {
        outcome: 'upheld',
        reason: 'Exempt.',
        decidedOn: '2026-07-01',
      });
      given(foiaDecider, [received, denied])
        .when(step({ type: 'DecideFoiaAppeal', outcome: 'upheld', reason: 'Exempt.' }))
        .thenThrows('no_appeal_pending');
      given(foiaDecider, [received, denied, appealed, decided] as FoiaEvent[])
        .when(step({ type: 'DecideFoiaAppeal', outcome: 'upheld', reason: 'Exempt.' }))
        .thenThrows('no_appeal_pending');
    });
  });

  describe('processed again after an appeal (5 U.S.C. § 552(a)(6)(A)(ii): judicial review follows only a denial upheld)', () => {
    const decide = (outcome: string) =>
      step({ type: 'DecideFoiaAppeal', outcome, reason: 'Decided.' }, '2026-07-01');

    it.each(['reversed', 'partly_reversed', 'remanded'])(
      '%s: the decision sets a reprocessing due date, the usual response period from it (agency policy)',
      (outcome) =>
        given(foiaDecider, [received, releasedEvent(1, true), appealed])
          .when(decide(outcome))
          .then([decidedAs(outcome)]),
    );

    it('upheld: no due date, and the request stays closed to compilation and release', () => {
      given(foiaDecider, [received, releasedEvent(1, true), appealed])
        .when(decide('upheld'))
        .then([decidedAs('upheld')]);
      given(foiaDecider, [received, releasedEvent(1, true), appealed, decidedAs('upheld')])
        .when(release(true, '2026-07-10'))
        .thenThrows('foia_responded');
      given(foiaDecider, [received, releasedEvent(1, true), appealed, decidedAs('upheld')])
        .when(step({ type: 'ReceiveFoiaAppeal', grounds: 'Again.' }, '2026-07-10'))
        .thenThrows('already_appealed');
    });

    it('remanded: the request is reprocessing, keeps its releases and the appeal, runs to the new due date', () => {
      const state = fold([received, releasedEvent(1, true), appealed, decidedAs('remanded')]);
      expect(state).toMatchObject({
        status: 'reprocessing',
        clock: { extended: false, dueOn: '2026-07-30' },
        release: { installment: 1 },
        reopened: { dueOn: '2026-07-30', source: REPROCESS_POLICY, decision: { outcome: 'remanded' } },
        lifecycle: {
          releases: [{ installment: 1 }],
          appeals: [{ response: { kind: 'released' }, appeal: { receivedOn: '2026-06-18' } }],
        },
      });
    });

    it('reprocessing: a compilation is recorded again', () => {
      const compile = {
        type: 'RecordCompilation',
        requestId: REQ,
        now: on('2026-07-10'),
        compilation: { cutoff: on('2026-07-09'), records: 3, redactions: 0, packageSha256: 'c'.repeat(64) },
        redactionLog: [],
      } as FoiaCommand;
      const events = foiaDecider.decide(
        compile,
        fold([received, releasedEvent(1, true), appealed, decidedAs('reversed')]),
      );
      expect(events.map((e) => e.type)).toEqual(['RecordsCompiled']);
      expect(events.at(-1)?.data).toMatchObject({ cutoff: on('2026-07-09'), records: 3 });
    });

    it('reprocessing: a further installment is numbered after the earlier releases and keeps the request open', () => {
      const history = [received, releasedEvent(1, true), appealed, decidedAs('partly_reversed')];
      given(foiaDecider, history)
        .when(release(false, '2026-07-10'))
        .then([releasedEvent(2, false, '2026-07-10')]);
      expect(fold([...history, releasedEvent(2, false, '2026-07-10')]).status).toBe('reprocessing');
    });

    it('reprocessing: the new final release answers the request again, and it may be appealed from its date', () => {
      const history = [
        received,
        releasedEvent(1, true),
        appealed,
        decidedAs('remanded'),
        releasedEvent(2, true, '2026-07-20'),
      ];
      const state = fold(history);
      expect(state).toMatchObject({
        status: 'released',
        release: { installment: 2 },
        response: { kind: 'released', respondedOn: '2026-07-20' },
        lifecycle: {
          releases: [{ installment: 1 }, { installment: 2 }],
          appeals: [{ decision: { outcome: 'remanded' } }],
        },
      });
      expect(state).not.toHaveProperty('reopened');
      // 90 days from 2026-07-20 is 2026-10-18: the first response's window (to 2026-06-18) no longer applies.
      given(foiaDecider, history)
        .when(step({ type: 'ReceiveFoiaAppeal', grounds: 'Still withheld.' }, '2026-10-18'))
        .then([
          event('FoiaAppealReceived', {
            grounds: 'Still withheld.',
            receivedOn: '2026-10-18',
            dueOn: '2026-11-16',
            source: '5 U.S.C. § 552(a)(6)(A)(ii)',
          }),
        ]);
    });

    it('reprocessing: no appeal until the new final response', () =>
      given(foiaDecider, [received, denied, appealed, decidedAs('reversed')])
        .when(step({ type: 'ReceiveFoiaAppeal', grounds: 'Again.' }, '2026-07-10'))
        .thenThrows('not_yet_responded'));

    it('an appeal decided before reprocessing existed (no due date recorded) left its request closed', () =>
      given(foiaDecider, [
        received,
        denied,
        appealed,
        event('FoiaAppealDecided', { outcome: 'remanded', reason: 'Search again.', decidedOn: '2026-07-01' }),
      ])
        .when(release(true, '2026-07-10'))
        .thenThrows('foia_responded'));
  });
});
