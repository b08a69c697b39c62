import type { Decide, Decisions } from '../decision';
import { requireUnique } from '../decision';
import { UnknownReferenceError } from '../errors';

/* What the investigation finds against the employers: violations, and the civil penalties for them. */

const findViolation: Decide<'FindViolation'> = ({ violation }, { inv, employer, notDetermined }) => {
  requireUnique(!!inv.violations[violation.violationId], 'violation', violation.violationId);
  notDetermined();
  violation.employerIds.forEach((id, i) => employer(`employerIds[${i}]`, id));
  return [{ type: 'ViolationFound', data: violation }];
};

const assessCivilPenalty: Decide<'AssessCivilPenalty'> = ({ penalty }, { inv, employer, notDetermined }) => {
  requireUnique(!!inv.penalties[penalty.penaltyId], 'civil penalty', penalty.penaltyId);
  notDetermined();
  employer('employerId', penalty.employerId);
  penalty.violationIds.forEach((id, i) => {
    if (!inv.violations[id]) throw new UnknownReferenceError(`violationIds[${i}]`, 'violation', id);
  });
  return [{ type: 'CivilPenaltyAssessed', data: penalty }];
};

export const findingDecisions: Decisions<'FindViolation' | 'AssessCivilPenalty'> = {
  FindViolation: findViolation,
  AssessCivilPenalty: assessCivilPenalty,
};
