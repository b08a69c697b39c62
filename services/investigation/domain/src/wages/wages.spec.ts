import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { dataOf } from '../../test/events';
import {
  COMPUTATION,
  EVIDENCE,
  OTHER,
  approved,
  base,
  computed,
  employerAdded,
  hoursRecorded,
  opened,
  proposed,
  readyToPropose,
} from '../../test/fixtures';

describe('HoursAndWagesRecorded', () => {
  const recordSet = dataOf(hoursRecorded, 'HoursAndWagesRecorded');
  const record = (r = recordSet): InvestigationCommand => ({
    ...base(),
    type: 'RecordHoursAndWages',
    recordSet: r,
  });
  it('records per-workweek hours and pay', () =>
    given(decider, [opened, employerAdded]).when(record()).then([hoursRecorded]));
  it('refuses records of an employer not in the investigation', () =>
    given(decider, [opened]).when(record()).thenThrows('validation'));
  it('refuses the same record set twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(record()).thenThrows('conflict'));
  it('refuses citing evidence that is not attached', () =>
    given(decider, [opened, employerAdded])
      .when(record({ ...recordSet, evidenceId: EVIDENCE }))
      .thenThrows('validation'));
  it('refuses new hours once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(record({ ...recordSet, recordSetId: OTHER }))
      .thenThrows('invalid_transition'));
});

describe('BackWagesComputed', () => {
  const computation = dataOf(computed, 'BackWagesComputed');
  const compute = (c = computation): InvestigationCommand => ({
    ...base(),
    type: 'ComputeBackWages',
    computation: c,
  });
  it('records the rule set, per-worker and per-week figures', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(compute()).then([computed]));
  it('refuses a computation over record sets the investigation does not have', () =>
    given(decider, [opened, employerAdded]).when(compute()).thenThrows('validation'));
  it('refuses figures for a worker not in the record sets', () =>
    given(decider, [opened, employerAdded, hoursRecorded])
      .when(compute({ ...computation, workers: [{ ...computation.workers[0], workerId: OTHER }] }))
      .thenThrows('validation'));
  it('refuses the same computation id twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded, computed]).when(compute()).thenThrows('conflict'));
  it('the latest computation is the default for a proposal', () => {
    const state = [opened, employerAdded, hoursRecorded, computed].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(state.status === 'open' && state.investigation.latestComputationId).toBe(COMPUTATION);
  });
});
