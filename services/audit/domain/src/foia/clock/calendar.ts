import { addDays, daysBetween, isoDate, weekdayOf, type IsoDate } from '@lse/domain';
import { OutsideHolidayCalendarError } from '../errors';
import type { HolidayCalendar } from './holidays';

/** The calendar date of an instant where the office is (Intl's time-zone data: no system clock). */
export function localDateOf(instant: string, timeZone: string): IsoDate {
  // en-CA formats a date as YYYY-MM-DD.
  return isoDate(new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant)));
}

function covered(calendar: HolidayCalendar, date: IsoDate): void {
  if (date < calendar.covers.from || date > calendar.covers.to)
    throw new OutsideHolidayCalendarError(date, calendar.covers);
}

/** A day the office is open: not a Saturday, a Sunday or a listed holiday. */
export function isBusinessDay(calendar: HolidayCalendar, date: IsoDate): boolean {
  covered(calendar, date);
  const weekday = weekdayOf(date);
  return weekday !== 'saturday' && weekday !== 'sunday' && !Object.hasOwn(calendar.holidays, date);
}

/** The `days`-th business day after `from` (`from` itself is not counted); 0 gives `from` if open. */
export function addBusinessDays(calendar: HolidayCalendar, from: IsoDate, days: number): IsoDate {
  let date = from;
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    if (isBusinessDay(calendar, date)) left -= 1;
  }
  return days === 0 ? nextBusinessDay(calendar, from) : date;
}

/** `date` if the office is open then, else the next day it is. */
export function nextBusinessDay(calendar: HolidayCalendar, date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(calendar, day)) day = addDays(day, 1);
  return day;
}

/**
 * Business days from `from` to `to`: those after `from` up to and including `to`; negative (the
 * business days after `to` up to and including `from`) when `to` is earlier.
 */
export function businessDaysBetween(calendar: HolidayCalendar, from: IsoDate, to: IsoDate): number {
  if (from > to) return -businessDaysBetween(calendar, to, from);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
    if (isBusinessDay(calendar, date)) count += 1;
  return count;
}

export function calendarDaysBetween(calendar: HolidayCalendar, from: IsoDate, to: IsoDate): number {
  covered(calendar, from);
  covered(calendar, to);
  return daysBetween(from, to);
}
