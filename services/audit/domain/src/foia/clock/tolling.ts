import type { FoiaClockResumed, FoiaClockTolled, FoiaTollingReason } from '@lse/contracts';
import { ClockNotTolledError, ClockTolledError, TimeLimitPassedError } from '../errors';
import type { OpenFoiaState } from '../state';
import { currentDueOn, officeDate } from './clock';
import { clockRuleFor, daysUntil, dueAfter } from './rules';

/**
 * Stopping the clock while the agency waits for the requester: on its own (TollFoiaClock) or with
 * a clarification asked. The law tolls the time limit while it runs (5 U.S.C. § 552(a)(6)(A)(ii)):
 * once it has passed there is nothing left to stop.
 */
export function tollClock(current: OpenFoiaState, now: string, reason: FoiaTollingReason): FoiaClockTolled {
  if (current.clock.tolled) throw new ClockTolledError();
  const rule = clockRuleFor(current.request.jurisdiction);
  const tolledOn = officeDate(rule, now);
  const daysLeft = daysUntil(rule, tolledOn, currentDueOn(current.request, current.clock));
  if (daysLeft < 0) throw new TimeLimitPassedError();
  return { reason, tolledOn, daysLeft };
}

/** Restarting a tolled clock: the days left when it stopped, counted again from the day it restarts. */
export function resumeClock(current: OpenFoiaState, now: string): FoiaClockResumed {
  const { tolled } = current.clock;
  if (!tolled) throw new ClockNotTolledError();
  const rule = clockRuleFor(current.request.jurisdiction);
  const resumedOn = officeDate(rule, now);
  return { resumedOn, daysLeft: tolled.daysLeft, dueOn: dueAfter(rule, resumedOn, tolled.daysLeft) };
}
