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

export * from './parts';
export * from './foia';
export * from './records';
export * from './text-redaction';
export * from './access';
export * from './integrity';
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
