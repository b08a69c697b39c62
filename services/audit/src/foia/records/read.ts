import { eventRegistry } from '@lse/contracts';
import type { EventStore, ReadAllOptions, RecordedEvent } from '@lse/event-store';

/**
 * Every event the filter matches, recorded at or before `asOf`, in global order (paged). Audit
 * reads the whole store; a named record (an agreement, a partner's referrals) is found by its
 * events' content, which only the owning service indexes, so it is read here from the store itself
 * as the store knew it at the cut-off, never from a read model that shows today.
 */
export async function readAllAsOf(
  store: EventStore,
  filter: Pick<ReadAllOptions, 'categories' | 'types'>,
  asOf: string,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let fromPosition = 0;
  for (;;) {
    const page = await store.readAll({ ...filter, asOf, fromPosition, limit: 5_000 });
    out.push(...page.events);
    if (page.nextPosition === null) return out;
    fromPosition = page.nextPosition;
  }
}

/** The id after the category in a stream id (`referral-<caseId>` -> the case id). */
export const idOfStream = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** A stored event's data at its type's current version (upcast as every reader of the store does). */
export const dataOf = <T>(e: RecordedEvent): T =>
  eventRegistry.require(e.type).upcast(e.schemaVersion, e.data) as T;
