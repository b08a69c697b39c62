import type { FoiaEvent } from '@lse/contracts';
import { addDays, isoDate } from '@lse/domain';
import { officeDate } from '../clock/clock';
import { clockRuleFor, dueAfter } from '../clock/rules';
import { FoiaRequestNotFoundError } from '../errors';
import type { FoiaState } from '../state';
import type { FoiaLifecycleCommand } from './commands';
import {
  AppealExistsError,
  AppealWindowClosedError,
  NoAdministrativeAppealError,
  NoAppealError,
  NotYetRespondedError,
} from './errors';
import { lifecycleRuleFor } from './rules';

type Command<T extends FoiaLifecycleCommand['type']> = Extract<FoiaLifecycleCommand, { type: T }>;

/**
 * An appeal of the final response: where the law has one (the CPRA has none, Cal. Gov. Code
 * § 7923.000: the requester goes to court), received within the window counted in calendar days
 * from the response (5 U.S.C. § 552(a)(6)(A)(i)(III)(aa): at least 90 days), decided within the
 * law's time limit counted on the request's calendar (5 U.S.C. § 552(a)(6)(A)(ii): 20 working days).
 */
export function decideAppealReceived(command: Command<'ReceiveFoiaAppeal'>, state: FoiaState): FoiaEvent[] {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(command.requestId);
  const { appeal } = lifecycleRuleFor(state.request.jurisdiction);
  if ('none' in appeal) throw new NoAdministrativeAppealError(appeal.none);
  if (state.status === 'received') throw new NotYetRespondedError();
  if (state.status === 'appealed' || state.status === 'appeal_decided') throw new AppealExistsError();
  const rule = clockRuleFor(state.request.jurisdiction);
  const receivedOn = officeDate(rule, command.now);
  const closesOn = addDays(isoDate(state.response.respondedOn), appeal.window.days);
  if (receivedOn > closesOn) throw new AppealWindowClosedError(closesOn, appeal.window.source);
  return [
    {
      type: 'FoiaAppealReceived',
      data: {
        grounds: command.grounds,
        receivedOn,
        dueOn: dueAfter(rule, receivedOn, appeal.decision.days),
        source: appeal.decision.source,
      },
    },
  ];
}

/** The appeal decided: upheld, reversed, partly reversed or remanded, with the reason. */
export function decideAppealDecision(command: Command<'DecideFoiaAppeal'>, state: FoiaState): FoiaEvent[] {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(command.requestId);
  if (state.status !== 'appealed') throw new NoAppealError();
  const decidedOn = officeDate(clockRuleFor(state.request.jurisdiction), command.now);
  return [
    {
      type: 'FoiaAppealDecided',
      data: { outcome: command.outcome, reason: command.reason, decidedOn },
    },
  ];
}
