import type { Decide, Decisions } from '../decision';
import { requireUnique } from '../decision';
import { UnknownReferenceError } from '../errors';
import { figureEvents } from '../figures';

/* Hours and wages as recorded, and the back wages computed over them. */

const recordHoursAndWages: Decide<'RecordHoursAndWages'> = (
  { recordSet },
  { inv, employer, notDetermined },
) => {
  requireUnique(!!inv.recordSets[recordSet.recordSetId], 'record set', recordSet.recordSetId);
  if (recordSet.employerId) employer('employerId', recordSet.employerId);
  if (recordSet.evidenceId && !inv.evidence[recordSet.evidenceId])
    throw new UnknownReferenceError('evidenceId', 'evidence', recordSet.evidenceId);
  notDetermined();
  return [{ type: 'HoursAndWagesRecorded', data: recordSet }];
};

/** The figures come from `computeBackWages`; the decider checks they are over this investigation's records. */
const computeBackWages: Decide<'ComputeBackWages'> = ({ computation }, { inv, notDetermined }) => {
  requireUnique(!!inv.computations[computation.computationId], 'computation', computation.computationId);
  notDetermined();
  const workers = new Set<string>();
  computation.recordSetIds.forEach((id, i) => {
    const set = inv.recordSets[id];
    if (!set) throw new UnknownReferenceError(`recordSetIds[${i}]`, 'record set', id);
    set.workers.forEach((w) => workers.add(w.workerId));
  });
  computation.workers.forEach((w, i) => {
    if (!workers.has(w.workerId))
      throw new UnknownReferenceError(`workers[${i}].workerId`, 'worker of the record sets', w.workerId);
  });
  return figureEvents(computation);
};

export const wageDecisions: Decisions<'RecordHoursAndWages' | 'ComputeBackWages'> = {
  RecordHoursAndWages: recordHoursAndWages,
  ComputeBackWages: computeBackWages,
};
