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
import { FOIA_LIFECYCLE_EVENTS, type FoiaLifecycleEvent } from './foia-lifecycle';
import {
  LegalHoldLifted,
  LegalHoldPlaced,
  RetentionDispositionDue,
  RetentionReviewCompleted,
} from './records-management';
import { PersonErased } from './erasure';

export * from './parts';
export * from './foia';
export * from './records';
export * from './text-redaction';
export * from './foia-lifecycle';
export * from './access';
export * from './integrity';
export * from './records-management';
export * from './records-commands';
export * from './records-replies';
export * from './erasure';
export * from './commands';
export * from './foia-lifecycle-inputs';
export * from './package-style';
export * from './replies';
export * from './foia-lifecycle-replies';
export * from './released-package';

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
  ...FOIA_LIFECYCLE_EVENTS,
  RecordAccessed,
  IntegrityCheckpointRecorded,
  LegalHoldPlaced,
  LegalHoldLifted,
  RetentionDispositionDue,
  RetentionReviewCompleted,
  PersonErased,
} as const;

export type FoiaEvent =
  | { type: 'FoiaRequestReceived'; data: FoiaRequestReceived }
  | { type: 'RecordsCompiled'; data: RecordsCompiled }
  | { type: 'RedactionApplied'; data: RedactionApplied }
  | { type: 'RedactionOverridden'; data: RedactionOverridden }
  | { type: 'FoiaResponseReleased'; data: FoiaResponseReleased }
  | { type: 'FoiaDeadlineExtended'; data: FoiaDeadlineExtended }
  | { type: 'FoiaClockTolled'; data: FoiaClockTolled }
  | { type: 'FoiaClockResumed'; data: FoiaClockResumed }
  | FoiaLifecycleEvent;
