import { FoiaAlreadyReleasedError, FoiaRequestNotFoundError } from './errors';
import { FoiaAlreadyRespondedError } from './lifecycle/errors';
import type { FoiaState, OpenFoiaState } from './state';

/** The request while it is still reviewed; refused once the final response was made. */
export function openRequest(state: FoiaState, requestId: string): OpenFoiaState {
  if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
  if (state.status === 'released') throw new FoiaAlreadyReleasedError();
  if (state.status !== 'received') throw new FoiaAlreadyRespondedError(state.status);
  return state;
}
