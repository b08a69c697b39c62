import { EXEMPTION_CATALOGS } from '@lse/contracts';
import { addDays, isoDate, weekdayOf, type IsoDate, type Weekday } from '@lse/domain';
import {
  addBusinessDays,
  businessDaysBetween,
  CALIFORNIA_HOLIDAYS,
  CLOCK_RULES,
  clockRuleFor,
  daysUntil,
  dueAfter,
  FEDERAL_HOLIDAYS,
  isBusinessDay,
  localDateOf,
} from '../..';

const d = isoDate;

/** The n-th (or, with n = -1, the last) given weekday of a month. */
function nth(year: number, month: number, weekday: Weekday, n: number): IsoDate {
  const first = d(`${year}-${String(month).padStart(2, '0')}-01`);
  const days = Array.from({ length: 31 }, (_, i) => addDays(first, i)).filter(
    (day) => day.startsWith(first.slice(0, 8)) && weekdayOf(day) === weekday,
  );
  return n > 0 ? days[n - 1] : days[days.length - 1];
}

/** A fixed-date holiday as federal offices observe it (5 U.S.C. § 6103(b), Executive Order 11582). */
function federallyObserved(date: IsoDate): IsoDate {
  const weekday = weekdayOf(date);
  return weekday === 'saturday' ? addDays(date, -1) : weekday === 'sunday' ? addDays(date, 1) : date;
}

describe('holiday calendars (data)', () => {
  it('lists the legal public holidays of 5 U.S.C. § 6103(a) for 2026-2028, as observed', () => {
    const expected = [2026, 2027, 2028].flatMap((y) => [
      federallyObserved(d(`${y}-01-01`)),
      nth(y, 1, 'monday', 3),
      nth(y, 2, 'monday', 3),
      nth(y, 5, 'monday', -1),
      federallyObserved(d(`${y}-06-19`)),
      federallyObserved(d(`${y}-07-04`)),
      nth(y, 9, 'monday', 1),
      nth(y, 10, 'monday', 2),
      federallyObserved(d(`${y}-11-11`)),
      nth(y, 11, 'thursday', 4),
      federallyObserved(d(`${y}-12-25`)),
    ]);
    // New Year's Day 2028 is a Saturday: observed on the last day of 2027 (from the 2028 row).
    expect(expected).toContain('2027-12-31');
    expect(Object.keys(FEDERAL_HOLIDAYS.holidays).sort()).toEqual(expected.sort());
  });

  it('lists the California state holidays of Cal. Gov. Code §§ 6700, 19853 for 2026-2028', () => {
    // A Sunday holiday moves to Monday (as CalHR observes it); a Saturday one stays (the office is closed anyway).
    const sundayToMonday = (date: IsoDate) => (weekdayOf(date) === 'sunday' ? addDays(date, 1) : date);
    // Veterans Day on a Saturday is observed the Friday before (§ 19853): 2028-11-10.
    const veteransDay = (date: IsoDate) =>
      weekdayOf(date) === 'saturday' ? addDays(date, -1) : sundayToMonday(date);
    const expected = [2026, 2027, 2028].flatMap((y) => [
      sundayToMonday(d(`${y}-01-01`)),
      nth(y, 1, 'monday', 3),
      nth(y, 2, 'monday', 3),
      sundayToMonday(d(`${y}-03-31`)),
      nth(y, 5, 'monday', -1),
      sundayToMonday(d(`${y}-07-04`)),
      nth(y, 9, 'monday', 1),
      nth(y, 9, 'friday', 4),
      veteransDay(d(`${y}-11-11`)),
      nth(y, 11, 'thursday', 4),
      addDays(nth(y, 11, 'thursday', 4), 1),
      sundayToMonday(d(`${y}-12-25`)),
    ]);
    expect(Object.keys(CALIFORNIA_HOLIDAYS.holidays).sort()).toEqual(expected.sort());
  });

  it('gives every jurisdiction with an exemption catalog a clock rule', () => {
    for (const jurisdiction of Object.keys(EXEMPTION_CATALOGS))
      expect(Object.keys(CLOCK_RULES)).toContain(jurisdiction);
  });
});

describe('business days', () => {
  const calendar = FEDERAL_HOLIDAYS;

  it('skip Saturdays, Sundays and listed holidays', () => {
    expect(isBusinessDay(calendar, d('2026-06-18'))).toBe(true);
    expect(isBusinessDay(calendar, d('2026-06-19'))).toBe(false); // Juneteenth
    expect(isBusinessDay(calendar, d('2026-06-20'))).toBe(false); // Saturday
    expect(isBusinessDay(calendar, d('2026-07-03'))).toBe(false); // July 4th observed
  });

  it('are counted from the day after, the start day not included', () => {
    expect(addBusinessDays(calendar, d('2026-06-17'), 1)).toBe('2026-06-18');
    expect(addBusinessDays(calendar, d('2026-06-18'), 1)).toBe('2026-06-22');
    expect(businessDaysBetween(calendar, d('2026-06-17'), d('2026-06-22'))).toBe(2);
    expect(businessDaysBetween(calendar, d('2026-06-22'), d('2026-06-17'))).toBe(-2);
  });

  it('zero of them from a closed day is the next open day', () =>
    expect(addBusinessDays(calendar, d('2026-06-19'), 0)).toBe('2026-06-22'));

  it('are not counted past the years the calendar lists', () =>
    expect(() => addBusinessDays(calendar, d('2028-12-20'), 20)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'outside_holiday_calendar' }) }),
    ));
});

describe('time limits', () => {
  it('5 U.S.C. § 552(a)(6)(A)(i): 20 working days after receipt, skipping Juneteenth', () =>
    // Without the holiday the 20th working day after 2026-06-01 would be 2026-06-29.
    expect(dueAfter(clockRuleFor('federal'), d('2026-06-01'), 20)).toBe('2026-06-30'));

  it('5 U.S.C. § 552(a)(6)(B)(i): the extension counts working days too', () =>
    expect(dueAfter(clockRuleFor('federal'), d('2026-03-30'), 10)).toBe('2026-04-13'));

  it('Cal. Gov. Code § 7922.535(a): 10 calendar days after receipt', () =>
    expect(dueAfter(clockRuleFor('california'), d('2026-03-02'), 10)).toBe('2026-03-12'));

  it('Cal. Code Civ. Proc. § 12a: a last day on a holiday moves to the next business day', () => {
    // 2026-03-31 is Cesar Chavez Day; 2026-03-14 a Saturday.
    expect(dueAfter(clockRuleFor('california'), d('2026-03-21'), 10)).toBe('2026-04-01');
    expect(dueAfter(clockRuleFor('california'), d('2026-03-04'), 10)).toBe('2026-03-16');
  });

  it("count days left in the rule's days: calendar days for the CPRA, working days federally", () => {
    expect(daysUntil(clockRuleFor('california'), d('2026-03-05'), d('2026-03-12'))).toBe(7);
    expect(daysUntil(clockRuleFor('federal'), d('2026-03-05'), d('2026-03-12'))).toBe(5);
  });

  it('take the date of receipt where the office is', () => {
    // 22:00 in New York on March 2nd is already March 3rd in UTC.
    expect(localDateOf('2026-03-03T03:00:00Z', FEDERAL_HOLIDAYS.timeZone)).toBe('2026-03-02');
    expect(localDateOf('2026-03-03T03:00:00Z', CALIFORNIA_HOLIDAYS.timeZone)).toBe('2026-03-02');
    expect(localDateOf('2026-03-03T09:00:00Z', CALIFORNIA_HOLIDAYS.timeZone)).toBe('2026-03-03');
  });
});
