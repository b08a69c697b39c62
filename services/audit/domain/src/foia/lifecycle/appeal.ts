import type { FoiaAppealOutcome, FoiaEvent } from '@lse/contracts';
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
  if (state.status === 'received' || state.status === 'reprocessing') throw new NotYetRespondedError();
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

/**
 * Outcomes that send the request back to be processed again: on appeal the agency notifies the
 * requester of judicial review only when it "upholds in whole or in part" the denial (5 U.S.C.
 * § 552(a)(6)(A)(ii)); a reversal, in whole or part, or a remand means releasing or searching
 * again, so the request reopens. Upheld closes it.
 */
export const REOPENING_OUTCOMES: ReadonlySet<FoiaAppealOutcome> = new Set([
  'reversed',
  'partly_reversed',
  'remanded',
]);

/**
 * Agency policy, not statute: no law on record fixes a time for processing a request again after
 * an appeal, so the agency gives itself its usual response period, counted as that is.
 */
export const reprocessingPolicy = (initialSource: string) =>
  `agency policy: the usual response period (${initialSource}) from the appeal decision`;

/**
 * The appeal decided: upheld, reversed, partly reversed or remanded, with the reason; unless
 * upheld, with the due date of the processing it orders (agency policy, see reprocessingPolicy).
 */
export function decideAppealDecision(command: Command<'DecideFoiaAppeal'>, state: FoiaState): FoiaEvent[] {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(command.requestId);
  if (state.status !== 'appealed') throw new NoAppealError();
  const rule = clockRuleFor(state.request.jurisdiction);
  const decidedOn = officeDate(rule, command.now);
  const reprocessing = REOPENING_OUTCOMES.has(command.outcome)
    ? {
        reprocessDueOn: dueAfter(rule, decidedOn, rule.initial.days),
        reprocessSource: reprocessingPolicy(rule.initial.source),
      }
    : {};
  return [
    {
      type: 'FoiaAppealDecided',
      data: { outcome: command.outcome, reason: command.reason, decidedOn, ...reprocessing },
    },
  ];
}
