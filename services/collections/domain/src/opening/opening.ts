import type { CollectionEvent } from '@lse/contracts';
import type { CommandOf } from '../decision';
import { CollectionCaseAlreadyOpenedError } from '../errors';
import type { CollectionState } from '../state';

/** The reaction to DeterminationIssued: the only command taken before the case exists. */
export function openCase(
  command: CommandOf<'OpenCollectionCase'>,
  state: CollectionState,
): CollectionEvent[] {
  if (state.status !== 'none') {
    // A redelivered determination changes nothing; a different one is a conflict.
    if (state.determinationId === command.opening.determinationId) return [];
    throw new CollectionCaseAlreadyOpenedError(state.determinationId);
  }
  return [{ type: 'CollectionCaseOpened', data: command.opening }];
}
