import type { RecordsEvent } from '@lse/contracts';
import { replay, type Decider } from '@lse/domain';
import type { RecordsCommand } from './commands';
import {
  HoldIdTakenError,
  LegalHoldAlreadyLiftedError,
  LegalHoldExistsError,
  LegalHoldNotFoundError,
  UnderLegalHoldError,
} from './errors';
import { activeHolds, initialRecordsState, type RecordsState } from './state';

const holdsOf = (state: RecordsState) => (state.status === 'none' ? [] : state.holds);

/**
 * Legal holds and dispositions on one case's records stream. A hold and a disposition are decided
 * on the same stream, so a disposition decided while a hold is being placed loses the version race
 * and is decided again, this time seeing the hold.
 */
export function decideRecords(command: RecordsCommand, state: RecordsState): RecordsEvent[] {
  switch (command.type) {
    case 'PlaceLegalHold': {
      if (holdsOf(state).some((h) => h.placed.holdId === command.holdId))
        throw new HoldIdTakenError(command.holdId);
      // One hold per matter in effect (agency records policy): a matter's hold is lifted once.
      const same = activeHolds(state).find((h) => h.placed.matterId === command.hold.matterId);
      if (same) throw new LegalHoldExistsError(command.hold.matterId, same.placed.holdId);
      return [
        {
          type: 'LegalHoldPlaced',
          data: { holdId: command.holdId, ...command.hold, scope: 'case', placedAt: command.now },
        },
      ];
    }
    case 'LiftLegalHold': {
      const hold = holdsOf(state).find((h) => h.placed.holdId === command.holdId);
      if (!hold) throw new LegalHoldNotFoundError(command.holdId);
      if (hold.lifted) throw new LegalHoldAlreadyLiftedError(command.holdId, hold.lifted.liftedAt);
      return [
        {
          type: 'LegalHoldLifted',
          data: { holdId: command.holdId, reason: command.reason, liftedAt: command.now },
        },
      ];
    }
    case 'RecordDispositionDue': {
      // Nothing of a held case is disposed of (agency records policy: the duty to preserve).
      const held = activeHolds(state);
      if (held.length > 0) throw new UnderLegalHoldError(held.map((h) => h.placed.holdId));
      const { recordType, closedOn } = command.due;
      // Once per record and closing: a later review finds it recorded and records nothing.
      const recorded =
        state.status !== 'none' &&
        state.dispositions.some((d) => d.recordType === recordType && d.closedOn === closedOn);
      return recorded ? [] : [{ type: 'RetentionDispositionDue', data: command.due }];
    }
  }
}

/** Folds one event; events that cannot apply leave the state as it is (never thrown on replay). */
export function evolveRecords(state: RecordsState, event: RecordsEvent): RecordsState {
  const kept = state.status === 'none' ? { holds: [], dispositions: [] } : state;
  switch (event.type) {
    case 'LegalHoldPlaced':
      return {
        status: 'held',
        holds: [...kept.holds, { placed: event.data }],
        dispositions: kept.dispositions,
      };
    case 'LegalHoldLifted': {
      const { holdId, ...lifted } = event.data;
      const holds = kept.holds.map((h) => (h.placed.holdId === holdId && !h.lifted ? { ...h, lifted } : h));
      return {
        status: holds.some((h) => !h.lifted) ? 'held' : 'free',
        holds,
        dispositions: kept.dispositions,
      };
    }
    case 'RetentionDispositionDue':
      return state.status === 'none'
        ? { status: 'free', holds: [], dispositions: [event.data] }
        : { ...state, dispositions: [...state.dispositions, event.data] };
  }
}

export const recordsDecider: Decider<RecordsCommand, RecordsEvent, RecordsState> = {
  decide: decideRecords,
  evolve: evolveRecords,
  initialState: initialRecordsState,
};

/** A case's records state from its stream's events (what `isUnderLegalHold` takes). */
export const replayRecords = (events: readonly RecordsEvent[]): RecordsState =>
  replay(recordsDecider, events);
