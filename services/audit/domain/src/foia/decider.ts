import {
  EXEMPTION_CATALOGS,
  NAMES_SOMETHING,
  type FoiaEvent,
  type FoiaResponseReleased,
} from '@lse/contracts';
import type { Decider } from '@lse/domain';
import type { FoiaCommand } from './commands';
import {
  AlreadyExtendedError,
  AlreadyOverriddenError,
  CaseNotRequestedError,
  CircumstanceNotAcceptedError,
  ClockTolledError,
  ExtensionTooLongError,
  CutoffInFutureError,
  FieldNotWithheldError,
  FoiaRequestExistsError,
  UnknownJurisdictionError,
} from './errors';
import { currentDueOn } from './clock/clock';
import { localDateOf } from './clock/calendar';
import { CLOCK_RULES, clockRuleFor, dueAfter } from './clock/rules';
import { resumeClock, tollClock } from './clock/tolling';
import { decideLifecycle } from './lifecycle/decide';
import { answeredFrom, evolveLifecycle, isLifecycleEvent } from './lifecycle/evolve';
import { requireFeeSettled } from './lifecycle/fees';
import { openRequest as open } from './open';
import { redactionLogDigest, redactionParts, type LoggedRedaction } from './redactions';
import { initialFoiaState, isOpenFoia, type FoiaState, type OpenFoiaState as Open } from './state';
import { NothingRequestedError, RecordNotRequestedError } from '../records/errors';
import { isRequestedRecord } from '../records/sections';

const notAfter = (cutoff: string, now: string) => {
  if (Date.parse(cutoff) > Date.parse(now)) throw new CutoffInFutureError();
};

/**
 * The RedactionApplied events a compilation or release records: none when this set (same cut-off,
 * same digest) is on record already. Recompiling with the same records, or after an override,
 * gives the same set, and repeating it would say nothing new; a set that differs (another cut-off,
 * (b)(7)(A) no longer cited because the case closed, a changed classification) is recorded whole,
 * so each set on record is complete and can be compared with its package's log.
 */
function redactionsToRecord(current: Open, cutoff: string, log: readonly LoggedRedaction[]) {
  for (const entry of log) {
    if (entry.record) {
      if (!isRequestedRecord(current.request.records ?? [], entry.record))
        throw new RecordNotRequestedError(entry.record.section, entry.record.id);
    } else if (entry.caseId === undefined || !current.request.caseIds.includes(entry.caseId))
      throw new CaseNotRequestedError(entry.caseId ?? '(none)');
  }
  const digest = redactionLogDigest(log);
  const recorded = current.redactionSets.some((s) => s.cutoff === cutoff && s.redactionLogSha256 === digest);
  const events: FoiaEvent[] = recorded
    ? []
    : redactionParts(cutoff, log).map((data) => ({ type: 'RedactionApplied', data }));
  return { digest, events };
}

export function decideFoia(command: FoiaCommand, state: FoiaState): FoiaEvent[] {
  switch (command.type) {
    case 'ReceiveFoiaRequest':
      if (state.status !== 'none') throw new FoiaRequestExistsError(command.requestId);
      if (!NAMES_SOMETHING.check(command.request)) throw new NothingRequestedError();
      // Every compilation redacts under the jurisdiction's catalog: a request naming one without a
      // catalog could be received but never answered, so it is refused now, not at compilation.
      if (!Object.hasOwn(EXEMPTION_CATALOGS, command.request.jurisdiction))
        throw new UnknownJurisdictionError(command.request.jurisdiction, Object.keys(EXEMPTION_CATALOGS));
      // A request must get a due date too (its clock runs from receipt).
      clockRuleFor(command.request.jurisdiction);
      return [{ type: 'FoiaRequestReceived', data: { ...command.request, receivedAt: command.now } }];
    case 'RecordCompilation': {
      const current = open(state, command.requestId);
      notAfter(command.compilation.cutoff, command.now);
      const { digest, events } = redactionsToRecord(
        current,
        command.compilation.cutoff,
        command.redactionLog,
      );
      return [
        ...events,
        { type: 'RecordsCompiled', data: { ...command.compilation, redactionLogSha256: digest } },
      ];
    }
    case 'OverrideRedaction': {
      const current = open(state, command.requestId);
      const { caseId, eventId, path } = command.override;
      if (!current.request.caseIds.includes(caseId)) throw new CaseNotRequestedError(caseId);
      if (current.overrides.some((o) => o.eventId === eventId && o.path === path))
        throw new AlreadyOverriddenError(path);
      if (!command.withheld) throw new FieldNotWithheldError(path);
      return [{ type: 'RedactionOverridden', data: command.override }];
    }
    case 'ReleaseResponse': {
      const current = open(state, command.requestId);
      notAfter(command.cutoff, command.now);
      requireFeeSettled(current);
      const { digest, events } = redactionsToRecord(current, command.cutoff, command.redactionLog);
      return [
        ...events,
        {
          type: 'FoiaResponseReleased',
          data: {
            cutoff: command.cutoff,
            packageSha256: command.packageSha256,
            htmlSha256: command.htmlSha256,
            records: command.records,
            redactions: command.redactions,
            overrides: current.overrides.length,
            releasedAt: command.now,
            redactionLogSha256: digest,
            // Installments keep the request open; the final release closes it.
            installment: current.lifecycle.releases.length + 1,
            final: command.final ?? true,
          },
        },
      ];
    }
    case 'ExtendFoiaDeadline': {
      const current = open(state, command.requestId);
      const rule = clockRuleFor(current.request.jurisdiction);
      if (current.clock.extended) throw new AlreadyExtendedError();
      if (current.clock.tolled) throw new ClockTolledError();
      const { days, source, circumstances } = rule.extension;
      if (command.days > days) throw new ExtensionTooLongError(command.days, days, source);
      if (!circumstances.includes(command.circumstance))
        throw new CircumstanceNotAcceptedError(command.circumstance, circumstances);
      const dueOn = dueAfter(rule, currentDueOn(current.request, current.clock), command.days);
      return [
        {
          type: 'FoiaDeadlineExtended',
          data: { days: command.days, circumstance: command.circumstance, source, dueOn },
        },
      ];
    }
    case 'TollFoiaClock':
      return [
        {
          type: 'FoiaClockTolled',
          data: tollClock(open(state, command.requestId), command.now, command.reason),
        },
      ];
    case 'ResumeFoiaClock':
      return [{ type: 'FoiaClockResumed', data: resumeClock(open(state, command.requestId), command.now) }];
    default:
      return decideLifecycle(command, state);
  }
}

/** Folds one event; events that cannot apply leave the state as it is (never thrown on replay). */
export function evolveFoia(state: FoiaState, event: FoiaEvent): FoiaState {
  if (event.type === 'FoiaRequestReceived') {
    return state.status === 'none'
      ? {
          status: 'received',
          request: event.data,
          compilations: [],
          redactionSets: [],
          overrides: [],
          clock: { extended: false },
          lifecycle: { clarifications: [], releases: [] },
        }
      : state;
  }
  if (isLifecycleEvent(event)) return evolveLifecycle(state, event);
  if (!isOpenFoia(state)) return state;
  switch (event.type) {
    case 'RecordsCompiled':
      return { ...state, compilations: [...state.compilations, event.data] };
    case 'RedactionApplied': {
      const { cutoff, redactionLogSha256, parts, redactions } = event.data;
      const at = state.redactionSets.findIndex(
        (s) => s.cutoff === cutoff && s.redactionLogSha256 === redactionLogSha256,
      );
      const redactionSets =
        at < 0
          ? [...state.redactionSets, { cutoff, redactionLogSha256, parts, redactions: redactions.length }]
          : state.redactionSets.map((s, i) =>
              i === at ? { ...s, redactions: s.redactions + redactions.length } : s,
            );
      return { ...state, redactionSets };
    }
    case 'RedactionOverridden':
      return { ...state, overrides: [...state.overrides, event.data] };
    case 'FoiaResponseReleased':
      return released(state, event.data);
    case 'FoiaDeadlineExtended':
      return { ...state, clock: { ...state.clock, extended: true, dueOn: event.data.dueOn } };
    case 'FoiaClockTolled':
      return { ...state, clock: { ...state.clock, tolled: event.data } };
    case 'FoiaClockResumed':
      return { ...state, clock: { extended: state.clock.extended, dueOn: event.data.dueOn } };
  }
}

/**
 * An installment joins the releases; the final release (or one recorded before installments)
 * closes the request. Reprocessing after an appeal, the numbering goes on: a further installment
 * or the new final release, after the earlier ones, and the new final release is the response.
 */
function released(state: Open, release: FoiaResponseReleased): FoiaState {
  const lifecycle = { ...state.lifecycle, releases: [...state.lifecycle.releases, release] };
  if (release.final === false) return { ...state, lifecycle };
  const rule = Object.hasOwn(CLOCK_RULES, state.request.jurisdiction)
    ? CLOCK_RULES[state.request.jurisdiction]
    : undefined;
  const respondedOn = rule
    ? localDateOf(release.releasedAt, rule.calendar.timeZone)
    : release.releasedAt.slice(0, 10);
  return {
    ...answeredFrom(state),
    lifecycle,
    status: 'released',
    release,
    response: { kind: 'released', respondedOn },
  };
}

export const foiaDecider: Decider<FoiaCommand, FoiaEvent, FoiaState> = {
  decide: decideFoia,
  evolve: evolveFoia,
  initialState: initialFoiaState,
};
