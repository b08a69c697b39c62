/*
 * Holiday calendars, as data: the days a public office is closed, per jurisdiction, for the years a
 * FOIA clock can run in today. A year not listed here is refused (`outside_holiday_calendar`), never
 * counted as if it had no holidays: add the next year's list before it starts.
 */

export interface HolidayCalendar {
  /** Where the office that receives requests is: the date of an instant is the date there. */
  timeZone: string;
  /** Where the list comes from. */
  source: string;
  /** First and last date the list covers (inclusive). */
  covers: { from: string; to: string };
  /** The dates the office is closed (besides Saturdays and Sundays), as observed, with their names. */
  holidays: Readonly<Record<string, string>>;
}

/**
 * Legal public holidays, 5 U.S.C. § 6103(a), as observed by federal offices: a holiday on a Saturday
 * is observed the Friday before, one on a Sunday the Monday after (§ 6103(b); Executive Order 11582).
 * New Year's Day 2028 falls on a Saturday and is observed on Friday 2027-12-31.
 */
export const FEDERAL_HOLIDAYS: HolidayCalendar = {
  timeZone: 'America/New_York',
  source: '5 U.S.C. § 6103',
  covers: { from: '2026-01-01', to: '2028-12-31' },
  holidays: {
    '2026-01-01': "New Year's Day",
    '2026-01-19': 'Birthday of Martin Luther King, Jr.',
    '2026-02-16': "Washington's Birthday",
    '2026-05-25': 'Memorial Day',
    '2026-06-19': 'Juneteenth National Independence Day',
    '2026-07-03': 'Independence Day (observed)',
    '2026-09-07': 'Labor Day',
    '2026-10-12': 'Columbus Day',
    '2026-11-11': 'Veterans Day',
    '2026-11-26': 'Thanksgiving Day',
    '2026-12-25': 'Christmas Day',
    '2027-01-01': "New Year's Day",
    '2027-01-18': 'Birthday of Martin Luther King, Jr.',
    '2027-02-15': "Washington's Birthday",
    '2027-05-31': 'Memorial Day',
    '2027-06-18': 'Juneteenth National Independence Day (observed)',
    '2027-07-05': 'Independence Day (observed)',
    '2027-09-06': 'Labor Day',
    '2027-10-11': 'Columbus Day',
    '2027-11-11': 'Veterans Day',
    '2027-11-25': 'Thanksgiving Day',
    '2027-12-24': 'Christmas Day (observed)',
    '2027-12-31': "New Year's Day 2028 (observed)",
    '2028-01-17': 'Birthday of Martin Luther King, Jr.',
    '2028-02-21': "Washington's Birthday",
    '2028-05-29': 'Memorial Day',
    '2028-06-19': 'Juneteenth National Independence Day',
    '2028-07-04': 'Independence Day',
    '2028-09-04': 'Labor Day',
    '2028-10-09': 'Columbus Day',
    '2028-11-10': 'Veterans Day (observed)',
    '2028-11-23': 'Thanksgiving Day',
    '2028-12-25': 'Christmas Day',
  },
};

/**
 * California state holidays on which state offices close (Cal. Gov. Code §§ 6700, 19853, as CalHR
 * lists them): a holiday on a Sunday is observed the Monday after; one on a Saturday is
 * not moved, since Saturday is not a business day anyway, except Veterans Day, observed the Friday
 * before (§ 19853).
 */
export const CALIFORNIA_HOLIDAYS: HolidayCalendar = {
  timeZone: 'America/Los_Angeles',
  source: 'Cal. Gov. Code §§ 6700, 19853',
  covers: { from: '2026-01-01', to: '2028-12-31' },
  holidays: {
    '2026-01-01': "New Year's Day",
    '2026-01-19': 'Martin Luther King, Jr. Day',
    '2026-02-16': "Presidents' Day",
    '2026-03-31': 'Cesar Chavez Day',
    '2026-05-25': 'Memorial Day',
    '2026-07-04': 'Independence Day (a Saturday)',
    '2026-09-07': 'Labor Day',
    '2026-09-25': 'Native American Day',
    '2026-11-11': 'Veterans Day',
    '2026-11-26': 'Thanksgiving Day',
    '2026-11-27': 'Day after Thanksgiving',
    '2026-12-25': 'Christmas Day',
    '2027-01-01': "New Year's Day",
    '2027-01-18': 'Martin Luther King, Jr. Day',
    '2027-02-15': "Presidents' Day",
    '2027-03-31': 'Cesar Chavez Day',
    '2027-05-31': 'Memorial Day',
    '2027-07-05': 'Independence Day (observed)',
    '2027-09-06': 'Labor Day',
    '2027-09-24': 'Native American Day',
    '2027-11-11': 'Veterans Day',
    '2027-11-25': 'Thanksgiving Day',
    '2027-11-26': 'Day after Thanksgiving',
    '2027-12-25': 'Christmas Day (a Saturday)',
    '2028-01-01': "New Year's Day (a Saturday)",
    '2028-01-17': 'Martin Luther King, Jr. Day',
    '2028-02-21': "Presidents' Day",
    '2028-03-31': 'Cesar Chavez Day',
    '2028-05-29': 'Memorial Day',
    '2028-07-04': 'Independence Day',
    '2028-09-04': 'Labor Day',
    '2028-09-22': 'Native American Day',
    '2028-11-10': 'Veterans Day (observed; the 11th is a Saturday)',
    '2028-11-23': 'Thanksgiving Day',
    '2028-11-24': 'Day after Thanksgiving',
    '2028-12-25': 'Christmas Day',
  },
};
