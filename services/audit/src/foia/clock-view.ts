import type { FoiaClockReply, FoiaClockTolled } from '@lse/contracts';
import {
  clockRuleFor,
  currentDueOn,
  daysUntil,
  officeDate,
  isOpenFoia,
  OutsideHolidayCalendarError,
  type FoiaState,
} from '@lse/audit-domain';
import { isoDate } from '@lse/domain';
import { lifecycleView, type LifecycleView } from './lifecycle-view';

/**
 * A request's clock as of `now`, for the list and the request view: days left in the rule's count
 * to the due date (negative once overdue), the days kept while tolled, nothing to count once
 * released or without a due date (a year the holiday calendar does not list yet).
 */
export function clockReplyOf(
  jurisdiction: string,
  clock: { released: boolean; dueOn: string | null; tolledDaysLeft: number | null },
  now: Date,
): FoiaClockReply {
  const rule = clockRuleFor(jurisdiction);
  const base = { countedIn: rule.countedIn, overdue: false, tolled: false };
  if (clock.released) return base;
  if (clock.tolledDaysLeft !== null) return { ...base, tolled: true, daysLeft: clock.tolledDaysLeft };
  if (!clock.dueOn) return base;
  const today = officeDate(rule, now.toISOString());
  const dueOn = isoDate(clock.dueOn);
  try {
    const daysLeft = daysUntil(rule, today, dueOn);
    return { ...base, dueOn, daysLeft, overdue: daysLeft < 0 };
  } catch (error) {
    // Today (or the due date) past the holiday calendar's last year: the days between cannot be
    // counted, but the due date still stands and whether it has passed is plain. One request
    // must not take the whole queue down with it.
    if (!(error instanceof OutsideHolidayCalendarError)) throw error;
    return { ...base, dueOn, overdue: today > dueOn };
  }
}

type WithoutClock<T> = T extends unknown ? Omit<T, 'clock'> : never;
/**
 * A request as the API shows it: its state, with its clock as of now instead of as recorded, and
 * its lifecycle with what is owed and until when an appeal is received (lifecycle-view.ts).
 */
export type FoiaRequestView = { requestId: string; version: number } & WithoutClock<
  Exclude<FoiaState, { status: 'none' }>
> & { clock: FoiaClockReply & { extended: boolean; tolling?: FoiaClockTolled } } & LifecycleView;

export function foiaRequestView(
  requestId: string,
  version: number,
  state: Exclude<FoiaState, { status: 'none' }>,
  now: Date,
): FoiaRequestView {
  const { clock: recorded, ...shown } = state;
  const { extended, tolled } = recorded;
  let dueOn: string | null = null;
  // Reprocessing, the clock runs to the due date the appeal decision set (agency policy, `reopened`).
  if (isOpenFoia(state) && !tolled) {
    try {
      dueOn = currentDueOn(state.request, recorded);
    } catch (error) {
      // A year the holiday calendar does not list yet: shown without a due date.
      if (!(error instanceof OutsideHolidayCalendarError)) throw error;
    }
  }
  const clock = clockReplyOf(
    state.request.jurisdiction,
    // Once the final response is made there is nothing left to count.
    { released: !isOpenFoia(state), dueOn, tolledDaysLeft: tolled?.daysLeft ?? null },
    now,
  );
  const tolling = tolled && isOpenFoia(state) ? { tolling: tolled } : {};
  return {
    requestId,
    version,
    ...shown,
    ...lifecycleView(state),
    clock: { ...clock, extended, ...tolling },
  };
}
