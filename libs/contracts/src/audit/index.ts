import { RecordAccessed } from './access';
import {
  FoiaClockResumed,
  FoiaClockTolled,
  FoiaDeadlineExtended,
  FoiaRequestReceived,
  FoiaResponseReleased,
  RecordsCompiled,
  RedactionApplied,
  RedactionOverridden,
} from './foia';
import { IntegrityCheckpointRecorded } from './integrity';
import {
  LegalHoldLifted,
  LegalHoldPlaced,
  RetentionDispositionDue,
  RetentionReviewCompleted,
} from './records';

export * from './parts';
export * from './foia';
export * from './access';
export * from './integrity';
export * from './records';
export * from './records-commands';
export * from './records-replies';
export * from './commands';
export * from './package-style';
export * from './replies';

/** Every event audit appends, by type. */
export const AUDIT_EVENTS = {
  FoiaRequestReceived,
  RecordsCompiled,
  RedactionApplied,
  RedactionOverridden,
  FoiaResponseReleased,
  FoiaDeadlineExtended,
  FoiaClockTolled,
  FoiaClockResumed,
  RecordAccessed,
  IntegrityCheckpointRecorded,
  LegalHoldPlaced,
  LegalHoldLifted,
  RetentionDispositionDue,
  RetentionReviewCompleted,
} as const;

export type FoiaEvent =
  | { type: 'FoiaRequestReceived'; data: FoiaRequestReceived }
  | { type: 'RecordsCompiled'; data: RecordsCompiled }
  | { type: 'RedactionApplied'; data: RedactionApplied }
  | { type: 'RedactionOverridden'; data: RedactionOverridden }
  | { type: 'FoiaResponseReleased'; data: FoiaResponseReleased }
  | { type: 'FoiaDeadlineExtended'; data: FoiaDeadlineExtended }
  | { type: 'FoiaClockTolled'; data: FoiaClockTolled }
  | { type: 'FoiaClockResumed'; data: FoiaClockResumed };
