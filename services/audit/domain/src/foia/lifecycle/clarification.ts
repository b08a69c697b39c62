import type { FoiaEvent } from '@lse/contracts';
import { officeDate } from '../clock/clock';
import { clockRuleFor } from '../clock/rules';
import { resumeClock, tollClock } from '../clock/tolling';
import { openRequest } from '../open';
import type { FoiaState } from '../state';
import type { FoiaLifecycleCommand } from './commands';
import { ClarificationLimitError, NoClarificationPendingError } from './errors';
import { lifecycleRuleFor } from './rules';

type Command<T extends FoiaLifecycleCommand['type']> = Extract<FoiaLifecycleCommand, { type: T }>;

/**
 * Asking the requester to clarify stops the clock (the same tolling as TollFoiaClock, reason
 * `awaiting_clarification`). Federal law allows one such request (5 U.S.C. § 552(a)(6)(A)(ii)(I)).
 */
export function decideClarificationRequest(
  command: Command<'RequestFoiaClarification'>,
  state: FoiaState,
): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  const limit = lifecycleRuleFor(current.request.jurisdiction).clarifications;
  if (limit && current.lifecycle.clarifications.length >= limit.most)
    throw new ClarificationLimitError(limit.most, limit.source);
  const tolled = tollClock(current, command.now, 'awaiting_clarification');
  return [
    { type: 'FoiaClarificationRequested', data: { question: command.question, askedOn: tolled.tolledOn } },
    { type: 'FoiaClockTolled', data: tolled },
  ];
}

/** The requester's answer; a clock stopped for it runs again with the days it had left. */
export function decideClarificationReceived(
  command: Command<'ReceiveFoiaClarification'>,
  state: FoiaState,
): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  const pending = current.lifecycle.clarifications.at(-1);
  if (!pending || pending.answer) throw new NoClarificationPendingError();
  const receivedOn = officeDate(clockRuleFor(current.request.jurisdiction), command.now);
  const events: FoiaEvent[] = [
    { type: 'FoiaClarificationReceived', data: { answer: command.answer, receivedOn } },
  ];
  if (current.clock.tolled?.reason === 'awaiting_clarification')
    events.push({ type: 'FoiaClockResumed', data: resumeClock(current, command.now) });
  return events;
}
