import { INVESTIGATION_EVENTS } from '@lse/contracts';
import { investigationDecider as decider } from '.';
import { closed, issued } from '../test/events';
import {
  EMPLOYER_ID,
  NOW,
  RECORD_SET,
  VIOLATION,
  WORKER_B,
  approved,
  evidenceAttached,
  proposed,
  readyToPropose,
  recordsRequested,
  supervisor,
} from '../test/fixtures';

describe('replay', () => {
  it('every event of these specs satisfies its contract', () => {
    for (const e of [
      ...readyToPropose,
      proposed,
      approved,
      issued,
      closed,
      evidenceAttached,
      recordsRequested,
    ])
      expect(() => INVESTIGATION_EVENTS[e.type].parse(1, e.data)).not.toThrow();
  });
  it('folds a full investigation to its state', () => {
    const state = [...readyToPropose, proposed, approved, issued].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(state.status).toBe('open');
    if (state.status !== 'open') return;
    expect(state.investigation.determination).toEqual({
      proposal: proposed.data,
      approvedBy: supervisor.id,
      issuedAt: NOW,
    });
    expect(Object.keys(state.investigation.recordSets)).toEqual([RECORD_SET]);
    expect(Object.keys(state.investigation.employers)).toEqual([EMPLOYER_ID]);
    expect(Object.keys(state.investigation.violations)).toEqual([VIOLATION]);
    expect(WORKER_B).toBeDefined();
  });
});
