import { FoiaAlreadyReleasedError, FoiaRequestNotFoundError } from './errors';
import { FoiaAlreadyRespondedError } from './lifecycle/errors';
import { isOpenFoia, type FoiaState, type OpenFoiaState } from './state';

/**
 * The request while it is reviewed, or reviewed again after an appeal reversed or remanded its
 * response; refused once the final response was made (and while an appeal of it is pending or
 * after one upheld it).
 */
export function openRequest(state: FoiaState, requestId: string): OpenFoiaState {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
  if (state.status === 'released') throw new FoiaAlreadyReleasedError();
  if (!isOpenFoia(state)) throw new FoiaAlreadyRespondedError(state.status);
  return state;
}
