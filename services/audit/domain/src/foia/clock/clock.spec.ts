import { AUDIT_EVENTS, type FoiaExtensionCircumstance } from '@lse/contracts';
import { eventBuilder, given } from '@lse/domain';
import { foiaClockAsOf, foiaDecider, type FoiaClockState, type FoiaCommand } from '../..';

const event = eventBuilder(AUDIT_EVENTS);
const REQ = 'c1b2c3d4-0000-4000-8000-000000000001';
const CASE = 'c1b2c3d4-0000-4000-8000-000000000002';
// Monday 2026-03-02, 10:00 in New York: due the 20th working day after, Monday 2026-03-30.
const RECEIVED_AT = '2026-03-02T15:00:00.000Z';
const request = {
  requester: { name: 'A. Reporter' },
  description: 'Records of the car wash case.',
  caseIds: [CASE],
  jurisdiction: 'federal',
  receivedAt: RECEIVED_AT,
};
const received = event('FoiaRequestReceived', request);
// A CPRA request (10 calendar days: due Thursday 2026-03-12).
const receivedInCalifornia = event('FoiaRequestReceived', { ...request, jurisdiction: 'california' });
const released = event('FoiaResponseReleased', {
  cutoff: RECEIVED_AT,
  packageSha256: 'a'.repeat(64),
  htmlSha256: 'b'.repeat(64),
  records: 1,
  redactions: 0,
  overrides: 0,
  releasedAt: '2026-03-20T15:00:00.000Z',
});

const extend = (
  now: string,
  days = 10,
  circumstance: FoiaExtensionCircumstance = 'voluminous_records',
): FoiaCommand => ({
  type: 'ExtendFoiaDeadline',
  requestId: REQ,
  now,
  days,
  circumstance,
});
const toll = (now: string): FoiaCommand => ({
  type: 'TollFoiaClock',
  requestId: REQ,
  now,
  reason: 'awaiting_clarification',
});
const resume = (now: string): FoiaCommand => ({ type: 'ResumeFoiaClock', requestId: REQ, now });

const federalExtended = event('FoiaDeadlineExtended', {
  days: 10,
  circumstance: 'voluminous_records',
  source: '5 U.S.C. § 552(a)(6)(B)(i)',
  dueOn: '2026-04-13',
});
// Tuesday 2026-03-10 is the 6th working day: 14 are left.
const tolled = event('FoiaClockTolled', {
  reason: 'awaiting_clarification',
  tolledOn: '2026-03-10',
  daysLeft: 14,
});

describe("a FOIA request's clock", () => {
  describe('5 U.S.C. § 552(a)(6)(B)(i): the unusual-circumstances extension', () => {
    it('adds up to 10 working days to the due date', () =>
      given(foiaDecider, [received]).when(extend('2026-03-20T15:00:00Z')).then([federalExtended]));

    it('is refused a second time', () =>
      given(foiaDecider, [received, federalExtended])
        .when(extend('2026-03-25T15:00:00Z', 1))
        .thenThrows('already_extended'));

    it('is refused beyond 10 working days', () =>
      given(foiaDecider, [received])
        .when(extend('2026-03-20T15:00:00Z', 11))
        .thenThrows('extension_too_long'));

    it('is refused for a circumstance the federal law does not list (§ 552(a)(6)(B)(iii))', () =>
      given(foiaDecider, [received])
        .when(extend('2026-03-20T15:00:00Z', 10, 'data_compilation'))
        .thenThrows('circumstance_not_accepted'));

    it('is refused while the clock is tolled', () =>
      given(foiaDecider, [received, tolled]).when(extend('2026-03-20T15:00:00Z')).thenThrows('clock_tolled'));

    it('is refused after the release', () =>
      given(foiaDecider, [received, released])
        .when(extend('2026-03-20T15:00:00Z'))
        .thenThrows('foia_released'));
  });

  describe('Cal. Gov. Code § 7922.535(b): the extension', () => {
    it('adds up to 14 calendar days to the due date', () =>
      given(foiaDecider, [receivedInCalifornia])
        .when(extend('2026-03-05T18:00:00Z', 14, 'data_compilation'))
        .then([
          event('FoiaDeadlineExtended', {
            days: 14,
            circumstance: 'data_compilation',
            source: 'Cal. Gov. Code § 7922.535(b)',
            dueOn: '2026-03-26',
          }),
        ]));

    it('is refused beyond 14 days', () =>
      given(foiaDecider, [receivedInCalifornia])
        .when(extend('2026-03-05T18:00:00Z', 15))
        .thenThrows('extension_too_long'));
  });

  describe('tolling (5 U.S.C. § 552(a)(6)(A)(ii)): waiting for the requester', () => {
    it('stops the clock with its reason and the working days left', () =>
      given(foiaDecider, [received]).when(toll('2026-03-10T15:00:00Z')).then([tolled]));

    it('is refused while the clock is already stopped', () =>
      given(foiaDecider, [received, tolled]).when(toll('2026-03-11T15:00:00Z')).thenThrows('clock_tolled'));

    it('is refused once the time limit has passed', () =>
      given(foiaDecider, [received]).when(toll('2026-03-31T15:00:00Z')).thenThrows('time_limit_passed'));

    it('is refused after the release', () =>
      given(foiaDecider, [received, released])
        .when(toll('2026-03-10T15:00:00Z'))
        .thenThrows('foia_released'));

    it('restarts on resumption with the days left carried over', () =>
      // 14 working days after Tuesday 2026-03-24.
      given(foiaDecider, [received, tolled])
        .when(resume('2026-03-24T15:00:00Z'))
        .then([event('FoiaClockResumed', { resumedOn: '2026-03-24', daysLeft: 14, dueOn: '2026-04-13' })]));

    it('carries the days over a holiday (Memorial Day, 5 U.S.C. § 6103)', () =>
      given(foiaDecider, [received, tolled])
        .when(resume('2026-05-20T15:00:00Z'))
        .then([event('FoiaClockResumed', { resumedOn: '2026-05-20', daysLeft: 14, dueOn: '2026-06-10' })]));

    it('refuses a resumption when the clock runs', () =>
      given(foiaDecider, [received]).when(resume('2026-03-24T15:00:00Z')).thenThrows('clock_not_tolled'));

    it('lets the clock be extended after it resumed, from the new due date', () =>
      given(foiaDecider, [
        received,
        tolled,
        event('FoiaClockResumed', { resumedOn: '2026-03-24', daysLeft: 14, dueOn: '2026-04-13' }),
      ])
        .when(extend('2026-03-25T15:00:00Z', 5))
        .then([event('FoiaDeadlineExtended', { ...federalExtended.data, days: 5, dueOn: '2026-04-20' })]));
  });
});

describe("a FOIA request's clock as of now", () => {
  const running: FoiaClockState = { extended: false };
  const data = received.data;

  it('counts working days left to the due date on receipt', () =>
    expect(foiaClockAsOf(data, running, '2026-03-23T15:00:00Z')).toEqual({
      countedIn: 'business',
      dueOn: '2026-03-30',
      daysLeft: 5,
      overdue: false,
      tolled: false,
    }));

  it('is not overdue on the due date, and is the day after', () => {
    expect(foiaClockAsOf(data, running, '2026-03-30T20:00:00Z')).toMatchObject({
      daysLeft: 0,
      overdue: false,
    });
    expect(foiaClockAsOf(data, running, '2026-03-31T15:00:00Z')).toMatchObject({
      daysLeft: -1,
      overdue: true,
    });
  });

  it('follows the due date an extension or resumption set', () =>
    expect(
      foiaClockAsOf(data, { extended: true, dueOn: '2026-04-13' }, '2026-03-31T15:00:00Z'),
    ).toMatchObject({
      dueOn: '2026-04-13',
      daysLeft: 9,
      overdue: false,
    }));

  it('keeps the days left while tolled, with no due date', () =>
    expect(foiaClockAsOf(data, { extended: false, tolled: tolled.data }, '2026-04-30T15:00:00Z')).toEqual({
      countedIn: 'business',
      daysLeft: 14,
      overdue: false,
      tolled: true,
    }));

  it('counts calendar days for the CPRA (Cal. Gov. Code § 7922.535(a))', () =>
    expect(foiaClockAsOf(receivedInCalifornia.data, running, '2026-03-05T18:00:00Z')).toMatchObject({
      countedIn: 'calendar',
      dueOn: '2026-03-12',
      daysLeft: 7,
    }));
});
