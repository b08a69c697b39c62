import {
  ACCESS_CATEGORY,
  FOIA_CATEGORY,
  INTEGRITY_CATEGORY,
  RECORDS_CATEGORY,
  RETENTION_CATEGORY,
  type FoiaEvent,
  type RecordsEvent,
  type RetentionEvent,
  type RetentionReviewCompleted,
  type IntegrityCheckpointRecorded,
  type RecordAccessed,
} from '@lse/contracts';
import { evolveFoia } from '../foia/decider';
import { evolveRecords } from '../records-management/decider';
import { initialRecordsState, type RecordsState } from '../records-management/state';
import { initialFoiaState, type FoiaState } from '../foia/state';
import { replayer } from './replayer';

export interface AccessLogState {
  reads: number;
  last?: RecordAccessed;
}

export interface IntegrityState {
  checkpoints: number;
  last?: IntegrityCheckpointRecorded;
}

export interface RetentionReviewsState {
  reviews: number;
  last?: RetentionReviewCompleted;
}

/** Audit's own categories replay like any other: FOIA requests, access logs, checkpoints, records. */
export const AUDIT_REPLAYERS = [
  replayer<FoiaState, FoiaEvent>({
    category: FOIA_CATEGORY,
    source: '@lse/audit-domain',
    initialState: initialFoiaState,
    evolve: evolveFoia,
  }),
  replayer<AccessLogState, { type: 'RecordAccessed'; data: RecordAccessed }>({
    category: ACCESS_CATEGORY,
    source: '@lse/audit-domain',
    initialState: { reads: 0 },
    evolve: (state, event) => ({ reads: state.reads + 1, last: event.data }),
  }),
  replayer<IntegrityState, { type: 'IntegrityCheckpointRecorded'; data: IntegrityCheckpointRecorded }>({
    category: INTEGRITY_CATEGORY,
    source: '@lse/audit-domain',
    initialState: { checkpoints: 0 },
    evolve: (state, event) => ({ checkpoints: state.checkpoints + 1, last: event.data }),
  }),
  replayer<RecordsState, RecordsEvent>({
    category: RECORDS_CATEGORY,
    source: '@lse/audit-domain',
    initialState: initialRecordsState,
    evolve: evolveRecords,
  }),
  replayer<RetentionReviewsState, RetentionEvent>({
    category: RETENTION_CATEGORY,
    source: '@lse/audit-domain',
    initialState: { reviews: 0 },
    evolve: (state, event) => ({ reviews: state.reviews + 1, last: event.data }),
  }),
];
