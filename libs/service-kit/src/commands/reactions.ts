import { categoryOf, eventOf, toNewEvent, type MetadataInput, type TypedEvent } from '@lse/contracts';
import { reactionEventId, replay, type Decider } from '@lse/domain';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import { reactionMetadata } from '@lse/messaging';
import type { Metrics } from '../metrics/metrics';
import { isAppendConflict } from './stream-commands';

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

export type ReactionOutcome<E> =
  /** Appended by this delivery. */
  | { outcome: 'appended'; events: E[] }
  /** Its events were stored before: a redelivery, or a concurrent delivery that committed first. */
  | { outcome: 'stored_before' }
  /** The decider (or the reaction) found nothing to record. */
  | { outcome: 'nothing_to_do' }
  /** `startsStream` and the stream was started by something else. */
  | { outcome: 'stream_exists' };

/**
 * A reaction's append, the same in every service: decide on the current stream, append with ids
 * derived from the cause (so a redelivery writes nothing) and the cause's correlation, with
 * causation = the cause; a concurrent delivery that appended the same events first is done.
 */
export async function appendReaction<C, E extends TypedEvent, S>(
  options: ReactionOptions<C, E, S>,
): Promise<ReactionOutcome<E>> {
  const { store, decider, cause, name, streamId } = options;
  const idOf = (index: number) =>
    reactionEventId(cause.eventId, options.singleEvent ? name : `${name}/${index}`);
  const storedBefore = (recorded: readonly RecordedEvent[]) => recorded.some((e) => e.eventId === idOf(0));
  const attempts = options.attempts ?? 1;
  for (let attempt = 1; ; attempt++) {
    const recorded = options.startsStream ? [] : await store.readStream(streamId);
    if (storedBefore(recorded)) return { outcome: 'stored_before' };
    const state = replay(
      decider,
      recorded.map((r) => eventOf<E>(r)),
    );
    const command = await options.command(state, recorded);
    if (command === undefined) return { outcome: 'nothing_to_do' };
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { outcome: 'nothing_to_do' };
    if (options.singleEvent && decided.length > 1)
      throw new Error(`reaction ${name} decided ${decided.length} events, one expected`);
    const metadata: MetadataInput = {
      ...reactionMetadata(cause, options.sourceService, options.now),
      ...(options.caseId ? { caseId: options.caseId } : {}),
      ...(options.actor ? { actor: options.actor } : {}),
    };
    const events = decided.map((e, i) => toNewEvent(e, idOf(i), metadata));
    try {
      const appended = await store.append(
        streamId,
        events,
        recorded.length === 0 ? 'no_stream' : recorded.length,
      );
      // Committed by a concurrent delivery while this one waited for the stream lock.
      if (appended.alreadyStored) return { outcome: 'stored_before' };
      const category = categoryOf(streamId);
      for (const e of decided) options.metrics?.eventsAppended.inc({ category, type: e.type });
      return { outcome: 'appended', events: decided };
    } catch (err) {
      if (!isAppendConflict(err)) throw err;
      const after = await store.readStream(streamId);
      if (storedBefore(after)) return { outcome: 'stored_before' };
      if (options.startsStream) return { outcome: 'stream_exists' };
      if (attempt >= attempts) throw err;
    }
  }
}
