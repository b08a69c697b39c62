import type { FoiaExtensionCircumstance } from '@lse/contracts';
import { addDays, type IsoDate } from '@lse/domain';
import { NoClockRuleError } from '../errors';
import { addBusinessDays, businessDaysBetween, calendarDaysBetween, nextBusinessDay } from './calendar';
import { CALIFORNIA_HOLIDAYS, FEDERAL_HOLIDAYS, type HolidayCalendar } from './holidays';

/** How a statute counts its days. */
export type DayCount = 'business' | 'calendar';

export interface TimeLimit {
  days: number;
  /** The provision that sets it, cited on every date it gives. */
  source: string;
}

/** A public-records law's time limits: the answer's, and the one extension it allows. */
export interface ClockRule {
  countedIn: DayCount;
  calendar: HolidayCalendar;
  initial: TimeLimit;
  /** The longest extension the law allows (an extension may be shorter), and what justifies one. */
  extension: TimeLimit & { circumstances: readonly FoiaExtensionCircumstance[] };
  /**
   * For calendar days: a last day that falls when the office is closed moves to the next business
   * day (the provision that says so).
   */
  closedLastDay?: string;
}

export const CLOCK_RULES: Readonly<Record<string, ClockRule>> = {
  federal: {
    // "within 20 days (excepting Saturdays, Sundays, and legal public holidays)": working days.
    countedIn: 'business',
    calendar: FEDERAL_HOLIDAYS,
    initial: { days: 20, source: '5 U.S.C. § 552(a)(6)(A)(i)' },
    // Unusual circumstances, by written notice: "not more than ten working days".
    extension: {
      days: 10,
      source: '5 U.S.C. § 552(a)(6)(B)(i)',
      // § 552(a)(6)(B)(iii)(I)-(III).
      circumstances: ['field_facilities', 'voluminous_records', 'consultation'],
    },
  },
  california: {
    // The CPRA says "days" without qualification: calendar days.
    countedIn: 'calendar',
    calendar: CALIFORNIA_HOLIDAYS,
    initial: { days: 10, source: 'Cal. Gov. Code § 7922.535(a)' },
    // Unusual circumstances, by written notice: "not to exceed 14 days".
    extension: {
      days: 14,
      source: 'Cal. Gov. Code § 7922.535(b)',
      // § 7922.535(c)(1)-(4).
      circumstances: ['field_facilities', 'voluminous_records', 'consultation', 'data_compilation'],
    },
    // A last day that is a holiday (Saturday and Sunday included) is excluded.
    closedLastDay: 'Cal. Code Civ. Proc. §§ 12, 12a',
  },
};

export function clockRuleFor(jurisdiction: string): ClockRule {
  if (!Object.hasOwn(CLOCK_RULES, jurisdiction))
    throw new NoClockRuleError(jurisdiction, Object.keys(CLOCK_RULES));
  return CLOCK_RULES[jurisdiction];
}

/** The last day for an answer `days` days (in the rule's count) after `from`. */
export function dueAfter(rule: ClockRule, from: IsoDate, days: number): IsoDate {
  if (rule.countedIn === 'business') return addBusinessDays(rule.calendar, from, days);
  const last = addDays(from, days);
  return rule.closedLastDay ? nextBusinessDay(rule.calendar, last) : last;
}

/** Days (in the rule's count) from `from` to the due date; negative once it has passed. */
export function daysUntil(rule: ClockRule, from: IsoDate, dueOn: IsoDate): number {
  return rule.countedIn === 'business'
    ? businessDaysBetween(rule.calendar, from, dueOn)
    : calendarDaysBetween(rule.calendar, from, dueOn);
}
