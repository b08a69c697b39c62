import type { FoiaRequestReceived } from '@lse/contracts';
import { isoDate, type IsoDate } from '@lse/domain';
import type { FoiaClockState } from '../state';
import { localDateOf } from './calendar';
import { clockRuleFor, daysUntil, dueAfter, type ClockRule, type DayCount } from './rules';

/** The due date on receipt: the rule's time limit counted from the date received, where the office is. */
export function dueOnReceipt(request: Pick<FoiaRequestReceived, 'jurisdiction' | 'receivedAt'>): IsoDate {
  const rule = clockRuleFor(request.jurisdiction);
  return dueAfter(rule, localDateOf(request.receivedAt, rule.calendar.timeZone), rule.initial.days);
}

/** The due date the clock runs to now (meaningless while it is tolled). */
export function currentDueOn(request: FoiaRequestReceived, clock: FoiaClockState): IsoDate {
  return clock.dueOn ? isoDate(clock.dueOn) : dueOnReceipt(request);
}

/** Today's date where the request's office is. */
export function officeDate(rule: ClockRule, now: string): IsoDate {
  return localDateOf(now, rule.calendar.timeZone);
}

/** A request's clock as of an instant: what the queue sorts by and the request page shows. */
export interface FoiaClockView {
  countedIn: DayCount;
  /** Absent while tolled: the due date is set again when the clock resumes. */
  dueOn?: IsoDate;
  /** In the rule's count as of `now`; negative once overdue; frozen while tolled. */
  daysLeft: number;
  overdue: boolean;
  tolled: boolean;
}

export function foiaClockAsOf(
  request: FoiaRequestReceived,
  clock: FoiaClockState,
  now: string,
): FoiaClockView {
  const rule = clockRuleFor(request.jurisdiction);
  if (clock.tolled)
    return { countedIn: rule.countedIn, daysLeft: clock.tolled.daysLeft, overdue: false, tolled: true };
  const dueOn = currentDueOn(request, clock);
  const daysLeft = daysUntil(rule, officeDate(rule, now), dueOn);
  return { countedIn: rule.countedIn, dueOn, daysLeft, overdue: daysLeft < 0, tolled: false };
}
