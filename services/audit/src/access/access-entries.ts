import { accessStreamId, type CaseAccessEntryReply, type RecordAccessed } from '@lse/contracts';
import type { EventStore } from '@lse/event-store';

/** One read of a case's records, as the reply contract declares it. */
export type AccessEntry = CaseAccessEntryReply;

/**
 * Up to `limit` reads recorded on a case's access stream after a stream version, oldest first,
 * straight from the store: the record of who read what is the events themselves.
 */
export async function caseAccessPage(
  store: EventStore,
  caseId: string,
  after: number,
  limit: number,
): Promise<{ items: AccessEntry[] }> {
  const events = await store.readStream(accessStreamId(caseId), {
    fromVersion: after + 1,
    toVersion: after + limit,
  });
  return {
    items: events.map((e) => {
      const data = e.data as RecordAccessed;
      const { actor } = e.metadata;
      const entry: AccessEntry = {
        position: e.globalPosition,
        streamVersion: e.streamVersion,
        hash: e.hash,
        prevHash: e.prevHash,
        actor: actor.org
          ? { id: actor.id, role: actor.role, org: actor.org }
          : { id: actor.id, role: actor.role },
        resource: data.resource,
        operation: data.operation,
        accessedAt: data.accessedAt,
        correlationId: e.metadata.correlationId,
      };
      if (data.subjectId) entry.subjectId = data.subjectId;
      return entry;
    }),
  };
}
