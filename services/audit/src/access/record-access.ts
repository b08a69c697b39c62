import { accessStreamId, RecordAccessed, type RecordAccessInput } from '@lse/contracts';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import { DuplicateEventIdError, type EventStore } from '@lse/event-store';
import type { Actor } from './actor';

/**
 * Appends RecordAccessed: to the case's access stream (`access-<caseId>`, on its timeline) or,
 * for reads of no single case, to the reader's own (`access-<uuidV5(actor)>`). The access id is
 * the event id, so a retried request is recorded once.
 */
export async function recordAccess(
  store: Pick<EventStore, 'append'>,
  input: RecordAccessInput,
  actor: Actor,
  correlationId: string,
  now: Date,
): Promise<{ position: number; alreadyRecorded: boolean }> {
  const streamId = accessStreamId(input.caseId ?? uuidV5(`reader:${actor.id}`, NAMESPACE_LSE));
  const event = RecordAccessed.create({
    eventId: input.accessId,
    data: {
      resource: input.resource,
      ...(input.caseId ? { caseId: input.caseId } : {}),
      ...(input.subjectId ? { subjectId: input.subjectId } : {}),
      operation: input.operation,
      accessedAt: now.toISOString(),
    },
    metadata: {
      ...(input.caseId ? { caseId: input.caseId } : {}),
      actor,
      correlationId,
      sourceService: 'audit',
      occurredAt: now.toISOString(),
    },
  });
  try {
    const result = await store.append(streamId, [event], 'any');
    return { position: result.positions[0], alreadyRecorded: result.alreadyStored };
  } catch (err) {
    // The same access id with another time: a retry of a read already recorded.
    if (err instanceof DuplicateEventIdError) return { position: 0, alreadyRecorded: true };
    throw err;
  }
}
