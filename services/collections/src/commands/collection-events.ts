import { COLLECTION_EVENTS, type CollectionEvent, type CollectionEventType } from '@lse/contracts';
import type { NewEvent, RecordedEvent } from '@lse/event-store';

/** A stored collection event, upcast and validated into the shape the decider reads. */
export function collectionEventOf(event: RecordedEvent): CollectionEvent {
  const definition = COLLECTION_EVENTS[event.type as CollectionEventType];
  if (!definition) throw new Error(`unknown collection event type ${event.type}`);
  return { type: event.type, data: definition.parse(event.schemaVersion, event.data) } as CollectionEvent;
}

/** A new event, its data and metadata validated by the contract before anything is written. */
export function toNewEvent(
  event: CollectionEvent,
  eventId: string,
  metadata: NewEvent['metadata'],
): NewEvent {
  const definition = COLLECTION_EVENTS[event.type] as { create(input: unknown): NewEvent };
  return definition.create({ eventId, data: event.data, metadata });
}
