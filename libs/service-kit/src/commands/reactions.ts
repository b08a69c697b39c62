import type { MetadataInput, TypedEvent } from '@lse/contracts';
import { reactionEventId, type Decider } from '@lse/domain';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import { reactionMetadata } from '@lse/messaging';
import type { Metrics } from '../metrics/metrics';
import { decideAndAppend, type AppendOutcome } from './decide-and-append';

export interface ReactionOptions<C, E, S> {
  store: Pick<EventStore, 'readStream' | 'append'>;
  decider: Decider<C, E, S>;
  metrics?: Pick<Metrics, 'eventsAppended'>;
  /** The event reacted to: its id and the reaction's name derive the new events' ids. */
  cause: Pick<RecordedEvent, 'eventId' | 'metadata'>;
  /** The reaction's name, unique among the reactions to one event. */
  name: string;
  /** The stream the reaction appends to. */
  streamId: string;
  sourceService: string;
  /** The reaction's time (ISO instant), from the service's clock. */
  now: string;
  caseId?: string;
  /** Who the events name as actor; the service itself (`service:<name>`, system) by default. */
  actor?: MetadataInput['actor'];
  /** The command on the stream as it stands; undefined when there is nothing to do. */
  command(state: S, recorded: readonly RecordedEvent[]): C | undefined | Promise<C | undefined>;
  /**
   * The reaction starts its stream: decide on the initial state without reading it, append with
   * `no_stream`; a stream that exists already (whoever started it) is the answer.
   */
  startsStream?: boolean;
  /**
   * A reaction that appends one event keeps the id `reactionEventId(cause, name)`; otherwise the
   * n-th event's id is `reactionEventId(cause, name/n)`.
   */
  singleEvent?: boolean;
  /** Decisions taken again when another append got in first (a consent change...); 1 by default. */
  attempts?: number;
}

/** What a reaction did (the shared loop's outcome). */
export type ReactionOutcome<E> = AppendOutcome<E>;

/**
 * A reaction's append, the same in every service: decide on the current stream, append with ids
 * derived from the cause (so a redelivery writes nothing) and the cause's correlation, with
 * causation = the cause; a concurrent delivery that appended the same events first is done.
 */
export async function appendReaction<C, E extends TypedEvent, S>(
  options: ReactionOptions<C, E, S>,
): Promise<ReactionOutcome<E>> {
  const { cause, name } = options;
  const idOf = (index: number) =>
    reactionEventId(cause.eventId, options.singleEvent ? name : `${name}/${index}`);
  return decideAndAppend({
    store: options.store,
    decider: options.decider,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    streamId: options.streamId,
    metadata: {
      ...reactionMetadata(cause, options.sourceService, options.now),
      ...(options.caseId ? { caseId: options.caseId } : {}),
      ...(options.actor ? { actor: options.actor } : {}),
    },
    attempts: options.attempts ?? 1,
    ...(options.startsStream ? { startsStream: true } : {}),
    command: (state, recorded) => options.command(state, recorded),
    eventId: (_event, index) => idOf(index),
    storedBefore: (recorded) => recorded.some((e) => e.eventId === idOf(0)),
    check: (decided) => {
      if (options.singleEvent && decided.length > 1)
        throw new Error(`reaction ${name} decided ${decided.length} events, one expected`);
    },
  });
}
