import type { PlaceLegalHoldInput, RetentionDispositionDue } from '@lse/contracts';

/** Commands on a case's records stream. Time comes with the command (`now`), ids too. */
export type RecordsCommand =
  | { type: 'PlaceLegalHold'; caseId: string; holdId: string; now: string; hold: PlaceLegalHoldInput }
  | { type: 'LiftLegalHold'; caseId: string; holdId: string; now: string; reason: string }
  | { type: 'RecordDispositionDue'; recordId: string; now: string; due: RetentionDispositionDue };
