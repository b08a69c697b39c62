import type { EventMetadata, NewEvent, RecordedEvent } from '@lse/event-store';
import { reactionEventId } from '@lse/domain';

/** Metadata of an event caused by another: same correlation, causation = the cause's id. */
export function reactionMetadata(
  cause: Pick<RecordedEvent, 'eventId' | 'metadata'>,
  sourceService: string,
  occurredAt: string,
): EventMetadata {
  return {
    caseId: cause.metadata.caseId,
    actor: { id: `service:${sourceService}`, role: 'system' },
    correlationId: cause.metadata.correlationId,
    causationId: cause.eventId,
    sourceService,
    occurredAt,
  };
}

/**
 * The event a reaction appends. Its id derives from the cause and the reaction's name, so a
 * redelivered cause yields the same id and the store answers with the original position.
 */
export function reactionEvent(
  cause: RecordedEvent,
  reaction: string,
  sourceService: string,
  occurredAt: string,
  event: { type: string; schemaVersion: number; data: Record<string, unknown> },
): NewEvent {
  return {
    ...event,
    eventId: reactionEventId(cause.eventId, reaction),
    metadata: reactionMetadata(cause, sourceService, occurredAt),
  };
}
