import type { ErasedSubjectKind, ErasureBasis, ErasureEvent, PersonErased } from '@lse/contracts';
import { replay, type Decider } from '@lse/domain';
import { ErasureScopeError, ErasureUnderLegalHoldError } from './errors';

/** The holds in effect on one case the subject appears in, as `legalHoldStatus` reads them. */
export interface CaseHolds {
  caseId: string;
  holdIds: string[];
}

/**
 * Erase a data subject. The facts come in with the command, read by the service at erase time:
 * the subject's key, every case that key sealed a value in, and the holds in effect on those.
 */
export interface ErasePerson {
  type: 'ErasePerson';
  erasureId: string;
  subjectKind: ErasedSubjectKind;
  keyId: string;
  /** Every case the subject's key sealed a value in. */
  caseIds: string[];
  /** What the requester named: `all`, or cases that must include every one in `caseIds`. */
  requested: 'all' | string[];
  holds: CaseHolds[];
  basis: ErasureBasis;
  reason: string;
  reviewId?: string;
  now: string;
}

/** An erasure's stream, `records-<erasureId>` (the id derives from the key): erased once. */
export type ErasureState = { status: 'none' } | { status: 'erased'; erased: PersonErased };

export const initialErasureState: ErasureState = { status: 'none' };

export function decideErasure(command: ErasePerson, state: ErasureState): ErasureEvent[] {
  // Erased already (the same key, so the same erasure id): nothing new to record; the service
  // still makes sure the key is destroyed, so a retry after a crash finishes the job.
  if (state.status === 'erased') return [];
  // Nothing of a held case is disposed of (agency records policy: the duty to preserve; the
  // holds of docs/architecture.md#records-management), whichever case the person is erased from.
  const held = command.holds.filter((h) => h.holdIds.length > 0);
  if (held.length > 0) throw new ErasureUnderLegalHoldError(held);
  // One key per person: destroying it erases the person from every case it sealed. A request
  // that names only some of them would erase more than it asked for, so it is refused.
  if (command.requested !== 'all') {
    const named = new Set(command.requested);
    const missing = command.caseIds.filter((c) => !named.has(c));
    if (missing.length > 0) throw new ErasureScopeError(missing);
  }
  return [
    {
      type: 'PersonErased',
      data: {
        erasureId: command.erasureId,
        subjectKind: command.subjectKind,
        keyId: command.keyId,
        caseIds: [...command.caseIds].sort(),
        basis: command.basis,
        reason: command.reason,
        ...(command.reviewId ? { reviewId: command.reviewId } : {}),
        erasedAt: command.now,
      },
    },
  ];
}

export function evolveErasure(state: ErasureState, event: ErasureEvent): ErasureState {
  return state.status === 'erased' ? state : { status: 'erased', erased: event.data };
}

export const erasureDecider: Decider<ErasePerson, ErasureEvent, ErasureState> = {
  decide: decideErasure,
  evolve: evolveErasure,
  initialState: initialErasureState,
};

export const replayErasure = (events: readonly ErasureEvent[]): ErasureState =>
  replay(erasureDecider, events);
