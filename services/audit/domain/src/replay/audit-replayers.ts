import {
  ACCESS_CATEGORY,
  FOIA_CATEGORY,
  INTEGRITY_CATEGORY,
  type FoiaEvent,
  type IntegrityCheckpointRecorded,
  type RecordAccessed,
} from '@lse/contracts';
import { evolveFoia } from '../foia/decider';
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

/** Audit's own categories replay like any other: FOIA requests, access logs, checkpoints. */
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
];
