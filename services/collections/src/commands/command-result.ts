import type { CollectionEvent } from '@lse/contracts';
import type { CollectionState } from '@lse/collections-domain';
import type { CommandOutcome } from '@lse/service-kit';

/** What a collections command replies: the new version (the next ETag) and what it recorded. */
export interface CommandResult {
  caseId: string;
  version: number;
  status: CollectionState['status'];
  events: string[];
  /** What the command recorded, for the caller (ids, allocations, amounts). */
  recorded: Array<{ type: string; data: Record<string, unknown> }>;
  replayed: boolean;
}

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
