import type { TypedEvent } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import type { EventStore } from '@lse/event-store';
import type { Metrics } from '../metrics/metrics';
import { decideAndAppend, type AppendOutcome } from './decide-and-append';

export interface ScheduledOptions<C, E, S> {
  store: Pick<EventStore, 'readStream' | 'append'>;
  decider: Decider<C, E, S>;
  metrics?: Pick<Metrics, 'eventsAppended'>;
  streamId: string;
  /** The service that runs the schedule: the events' actor is `service:<name>` (system). */
  sourceService: string;
  /** The run's time (ISO instant), from the service's clock. */
  now: string;
  /** Ties the events of one run together (e.g. the check and its day). */
  correlationId: string;
  caseId?: string;
  /** The command on the stream as it stands; undefined when nothing is due. */
  command(state: S): C | undefined;
  /**
   * The id of a decided event, from what it is about (an installment, an agreement's term), never
   * from the run: every replica and every later run derives the same one, so the store keeps it once.
   */
  eventId(event: E, state: S): string;
  /** Decisions taken again when another append got in first; 3 by default. */
  attempts?: number;
}

/**
 * A scheduled command (a missed installment, an expired agreement): the shared loop of
 * `decideAndAppend` with ids from what the event is about. Another replica that recorded it
 * first is `stored_before`; one that changed the stream meanwhile makes this call decide again.
 */
export function appendScheduled<C, E extends TypedEvent, S>(
  options: ScheduledOptions<C, E, S>,
): Promise<AppendOutcome<E>> {
  const actor = { id: `service:${options.sourceService}`, role: 'system' as const };
  return decideAndAppend({
    store: options.store,
    decider: options.decider,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    streamId: options.streamId,
    metadata: {
      ...(options.caseId ? { caseId: options.caseId } : {}),
      actor,
      correlationId: options.correlationId,
      sourceService: options.sourceService,
      occurredAt: options.now,
    },
    attempts: options.attempts ?? 3,
    command: (state) => options.command(state),
    eventId: (event, _index, state) => options.eventId(event, state),
  });
}
