import { INVESTIGATION_EVENTS, type InvestigationEvent, type InvestigationEventType } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';

/** A stored investigation event, upcast and validated into the shape the decider and projections read. */
export function investigationEventOf(event: RecordedEvent): InvestigationEvent {
  const definition = INVESTIGATION_EVENTS[event.type as InvestigationEventType];
  if (!definition) throw new Error(`unknown investigation event type ${event.type}`);
  return { type: event.type, data: definition.parse(event.schemaVersion, event.data) } as InvestigationEvent;
}
