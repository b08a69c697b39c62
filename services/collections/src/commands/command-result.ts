import type { CollectionCommandReply, CollectionEvent } from '@lse/contracts';
import type { CollectionState } from '@lse/collections-domain';
import type { CommandOutcome } from '@lse/service-kit';

/** What a collections command replies: the new version (the next ETag) and what it recorded. */
export type CommandResult = CollectionCommandReply;

export function commandResult(
  caseId: string,
  { version, state, events, replayed }: CommandOutcome<CollectionEvent, CollectionState>,
): CommandResult {
  return {
    caseId,
    version,
    status: state.status,
    events: events.map((e) => e.type),
    recorded: events.map((e) => ({ type: e.type, data: e.data })),
    replayed,
  };
}
