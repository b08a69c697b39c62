import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
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
  const recordSet = hoursRecorded.data;
  const record = (r = recordSet): InvestigationCommand => ({
    ...base(),
    type: 'RecordHoursAndWages',
    recordSet: r,
  });
  it('records per-workweek hours and pay', () =>
    given(decider, [opened, employerAdded]).when(record()).then([hoursRecorded]));
  it('refuses records of an employer not in the investigation', () =>
    given(decider, [opened]).when(record()).thenThrows('unknown_employer'));
  it('refuses the same record set twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(record()).thenThrows('already_recorded'));
  it('refuses citing evidence that is not attached', () =>
    given(decider, [opened, employerAdded])
      .when(record({ ...recordSet, evidenceId: EVIDENCE }))
      .thenThrows('unknown_evidence'));
  it('refuses new hours once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(record({ ...recordSet, recordSetId: OTHER }))
      .thenThrows('determination_approved'));
});

describe('BackWagesComputed', () => {
  const computation = computed.data;
  const compute = (c = computation): InvestigationCommand => ({
    ...base(),
    type: 'ComputeBackWages',
    computation: c,
  });
  it('records the rule set, per-worker and per-week figures', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(compute()).then([computed]));
  it('refuses a computation over record sets the investigation does not have', () =>
    given(decider, [opened, employerAdded]).when(compute()).thenThrows('unknown_record_set'));
  it('refuses figures for a worker not in the record sets', () =>
    given(decider, [opened, employerAdded, hoursRecorded])
      .when(compute({ ...computation, workers: [{ ...computation.workers[0], workerId: OTHER }] }))
      .thenThrows('unknown_worker'));
  it('refuses the same computation id twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded, computed])
      .when(compute())
      .thenThrows('already_recorded'));
  it('refuses a new computation once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(compute({ ...computation, computationId: OTHER }))
      .thenThrows('determination_approved'));
  it('the latest computation is the default for a proposal', () => {
    const state = [opened, employerAdded, hoursRecorded, computed].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(state.status === 'open' && state.investigation.latestComputationId).toBe(COMPUTATION);
  });
});
