import { INVESTIGATION_EVENTS, type InvestigationEvent, type InvestigationEventType } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';

/**
 * A stored investigation event in the current shape. Older schema versions are upcast and
 * validated; events at the current version were validated by their contract when appended (and
 * the hash chain guards them since), so they are not parsed again: a stream with a 5,000-row
 * payroll would otherwise cost a full validation on every command.
 */
export function investigationEventOf(event: RecordedEvent): InvestigationEvent {
  const definition = INVESTIGATION_EVENTS[event.type as InvestigationEventType];
  if (!definition) throw new Error(`unknown investigation event type ${event.type}`);
  const data =
    event.schemaVersion === definition.version
      ? definition.upcast(event.schemaVersion, event.data)
      : definition.parse(event.schemaVersion, event.data);
  return { type: event.type, data } as InvestigationEvent;
}
