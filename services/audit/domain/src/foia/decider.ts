import type { FoiaEvent } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import type { FoiaCommand } from './commands';
import {
  AlreadyOverriddenError,
  CaseNotRequestedError,
  CutoffInFutureError,
  FieldNotWithheldError,
  FoiaAlreadyReleasedError,
  FoiaRequestExistsError,
  FoiaRequestNotFoundError,
} from './errors';
import { initialFoiaState, type FoiaState } from './state';

type Open = Extract<FoiaState, { status: 'received' }>;

function open(state: FoiaState, requestId: string): Open {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
  if (state.status === 'released') throw new FoiaAlreadyReleasedError();
  return state;
}

const notAfter = (cutoff: string, now: string) => {
  if (Date.parse(cutoff) > Date.parse(now)) throw new CutoffInFutureError();
};

export function decideFoia(command: FoiaCommand, state: FoiaState): FoiaEvent[] {
  switch (command.type) {
    case 'ReceiveFoiaRequest':
      if (state.status !== 'none') throw new FoiaRequestExistsError(command.requestId);
      return [{ type: 'FoiaRequestReceived', data: { ...command.request, receivedAt: command.now } }];
    case 'RecordCompilation':
      open(state, command.requestId);
      notAfter(command.compilation.cutoff, command.now);
      return [{ type: 'RecordsCompiled', data: command.compilation }];
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
      return [
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
          },
        },
      ];
    }
  }
}

/** Folds one event; events that cannot apply leave the state as it is (never thrown on replay). */
export function evolveFoia(state: FoiaState, event: FoiaEvent): FoiaState {
  if (event.type === 'FoiaRequestReceived') {
    return state.status === 'none'
      ? { status: 'received', request: event.data, compilations: [], overrides: [] }
      : state;
  }
  if (state.status !== 'received') return state;
  switch (event.type) {
    case 'RecordsCompiled':
      return { ...state, compilations: [...state.compilations, event.data] };
    case 'RedactionOverridden':
      return { ...state, overrides: [...state.overrides, event.data] };
    case 'FoiaResponseReleased':
      return { ...state, status: 'released', release: event.data };
  }
}

export const foiaDecider: Decider<FoiaCommand, FoiaEvent, FoiaState> = {
  decide: decideFoia,
  evolve: evolveFoia,
  initialState: initialFoiaState,
};
