import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import {
  CLIENT_ID,
  OTHER,
  approved,
  base,
  employerAdded,
  opened,
  penaltyAssessed,
  proposed,
  readyToPropose,
  violationFound,
} from '../../test/fixtures';

describe('ViolationFound', () => {
  const violation = violationFound.data;
  const find = (v = violation): InvestigationCommand => ({ ...base(), type: 'FindViolation', violation: v });
  it('records a violation against known employers', () =>
    given(decider, [opened, employerAdded]).when(find()).then([violationFound]));
  it('refuses a violation naming an unknown employer', () =>
    given(decider, [opened]).when(find()).thenThrows('unknown_employer'));
  it('refuses the same violation twice', () =>
    given(decider, [opened, employerAdded, violationFound]).when(find()).thenThrows('already_recorded'));
  it('refuses new findings once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(find({ ...violation, violationId: OTHER }))
      .thenThrows('determination_approved'));
});

describe('CivilPenaltyAssessed', () => {
  const penalty = penaltyAssessed.data;
  const assess = (p = penalty): InvestigationCommand => ({
    ...base(),
    type: 'AssessCivilPenalty',
    penalty: p,
  });
  it('assesses a civil penalty for found violations', () =>
    given(decider, [opened, employerAdded, violationFound]).when(assess()).then([penaltyAssessed]));
  it('refuses a penalty citing a violation not found', () =>
    given(decider, [opened, employerAdded]).when(assess()).thenThrows('unknown_violation'));
  it('refuses a penalty against an unknown employer', () =>
    given(decider, [opened, employerAdded, violationFound])
      .when(assess({ ...penalty, employerId: CLIENT_ID }))
      .thenThrows('unknown_employer'));
  it('refuses the same penalty twice', () =>
    given(decider, [opened, employerAdded, violationFound, penaltyAssessed])
      .when(assess())
      .thenThrows('already_recorded'));
  it('refuses a new penalty once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(assess({ ...penalty, penaltyId: OTHER }))
      .thenThrows('determination_approved'));
});
