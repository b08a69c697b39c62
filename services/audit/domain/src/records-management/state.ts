import type { LegalHoldLifted, LegalHoldPlaced, RetentionDispositionDue } from '@lse/contracts';

/** A hold as placed, and its lifting once lifted. */
export interface LegalHold {
  placed: LegalHoldPlaced;
  lifted?: Omit<LegalHoldLifted, 'holdId'>;
}

interface Kept {
  /** Every hold ever placed, in order, lifted ones too. */
  holds: LegalHold[];
  /** Every disposition recorded as due, in order. */
  dispositions: RetentionDispositionDue[];
}

/**
 * A case's records: `held` while at least one hold is in effect; `free` when every hold placed
 * was lifted (or none was: a disposition came due). `none` before anything was recorded.
 */
export type RecordsState = { status: 'none' } | ({ status: 'held' } & Kept) | ({ status: 'free' } & Kept);

export const initialRecordsState: RecordsState = { status: 'none' };

/** The holds in effect. */
export function activeHolds(state: RecordsState): LegalHold[] {
  return state.status === 'none' ? [] : state.holds.filter((h) => !h.lifted);
}

/**
 * Whether anything of the case may not be erased now. What the erase command (crypto-shredding)
 * asks before it destroys a data subject's key; a pure function of the folded stream.
 */
export function isUnderLegalHold(state: RecordsState): boolean {
  return state.status === 'held';
}
