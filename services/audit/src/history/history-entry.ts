import { categoryOf, type HistoryEntryReply } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';

/** One line of a case's history: what happened, who did it, when, and why (cause, correlation). */
export type HistoryEntry = HistoryEntryReply;

export function historyEntryOf(e: RecordedEvent): HistoryEntry {
  const m = e.metadata;
  const entry: HistoryEntry = {
    position: e.globalPosition,
    eventId: e.eventId,
    streamId: e.streamId,
    category: categoryOf(e.streamId),
    streamVersion: e.streamVersion,
    type: e.type,
    actor: m.actor.org
      ? { id: m.actor.id, role: m.actor.role, org: m.actor.org }
      : { id: m.actor.id, role: m.actor.role },
    occurredAt: m.occurredAt,
    recordedAt: e.recordedAt,
    correlationId: m.correlationId,
    sourceService: m.sourceService,
  };
  if (m.causationId) entry.causationId = m.causationId;
  return entry;
}

/** A page of a case's history straight from the event store (the CLI; no projector needed). */
export async function historyFromStore(
  store: {
    readCase(
      caseId: string,
      o: { fromPosition?: number; limit?: number },
    ): Promise<{ events: RecordedEvent[]; nextPosition: number | null }>;
  },
  caseId: string,
  after = 0,
  limit = 1000,
): Promise<{ items: HistoryEntry[]; next: number | null }> {
  const page = await store.readCase(caseId, { fromPosition: after, limit });
  return { items: page.events.map(historyEntryOf), next: page.nextPosition };
}
