import { clockReplyOf } from '../src/foia/clock-view';

describe("a FOIA request's clock as the queue and the request page show it", () => {
  const running = { released: false, dueOn: '2027-12-20', tolledDaysLeft: null };

  it('counts the business days left to the due date (5 U.S.C. § 552(a)(6)(A)(i))', () => {
    const clock = clockReplyOf('federal', running, new Date('2027-12-13T17:00:00Z'));
    expect(clock).toMatchObject({ countedIn: 'business', dueOn: '2027-12-20', daysLeft: 5, overdue: false });
  });

  it('keeps the due date and says it has passed when today is past the holiday calendar, without failing', () => {
    const clock = clockReplyOf('federal', running, new Date('2029-02-01T17:00:00Z'));
    expect(clock).toEqual({ countedIn: 'business', tolled: false, dueOn: '2027-12-20', overdue: true });
  });

  it('still refuses what is not a calendar gap (an unknown jurisdiction)', () => {
    expect(() => clockReplyOf('atlantis', running, new Date('2027-12-13T17:00:00Z'))).toThrow();
  });
});
