import { ValidationError } from './errors';

declare const isoDateBrand: unique symbol;
/** A calendar date, "YYYY-MM-DD", with no time zone: workweeks, pay periods, limitation dates. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in the proleptic Gregorian calendar (2026-02-29 is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new ValidationError(`not a calendar date (YYYY-MM-DD): "${value}"`, { value });
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; Date.UTC would map years 0-99 to 19xx). */
export function toEpochDay(date: IsoDate): number {
  const [y, month, day] = date.split('-').map(Number);
  const year = month <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of `toEpochDay` (H. Hinnant's civil_from_days), without constructing a Date. */
export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` as IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** `to - from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Same month and day `years` later; Feb 29 becomes Feb 28 in a non-leap year (never Mar 1). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = year + years;
  const clamped = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, '0')}-${pad(month)}-${pad(clamped)}` as IsoDate;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Same fixed-width format: string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an instant in UTC ("2026-03-01T23:30:00-08:00" -> "2026-03-02"). */
export function utcDateOf(instant: Date): IsoDate {
  return fromEpochDay(Math.floor(instant.getTime() / DAY_MS));
}

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** An employer's workweek is a fixed, recurring 168 hours starting on a set day (29 CFR 778.105). */
export type WorkweekStart = Weekday;

export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (index 4).
  return WEEKDAYS[(((toEpochDay(date) + 4) % 7) + 7) % 7];
}

/** The start date of the workweek that contains `date`: workweeks are identified by it. */
export function workweekOf(date: IsoDate, start: WorkweekStart): IsoDate {
  const back = (WEEKDAYS.indexOf(weekdayOf(date)) - WEEKDAYS.indexOf(start) + 7) % 7;
  return addDays(date, -back);
}
