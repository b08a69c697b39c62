import { categoryOf, eventOf, toNewEvent, type MetadataInput, type TypedEvent } from '@lse/contracts';
import { replay, type Decider } from '@lse/domain';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import type { Metrics } from '../metrics/metrics';
import { isAppendConflict } from './stream-commands';

/** What a reaction or a scheduled command did to its stream. */
export type AppendOutcome<E> =
  /** Appended by this call. */
  | { outcome: 'appended'; events: E[] }
  /** Its events were stored before: a redelivery, another replica, or a concurrent call that committed first. */
  | { outcome: 'stored_before' }
  /** The decider (or the caller) found nothing to record. */
  | { outcome: 'nothing_to_do' }
  /** `startsStream` and the stream was started by something else. */
  | { outcome: 'stream_exists' };

/**
 * The loop under `appendReaction` and `appendScheduled` (the shared command path for work no
 * request asked for): decide on the stream as it stands, append at the version read with ids
 * every replica derives alike, and when another append got in first read again: the same events
 * stored is done, anything else is decided again (up to `attempts` times).
 */
export async function decideAndAppend<C, E extends TypedEvent, S>(options: {
  store: Pick<EventStore, 'readStream' | 'append'>;
  decider: Decider<C, E, S>;
  metrics?: Pick<Metrics, 'eventsAppended'>;
  streamId: string;
  metadata: MetadataInput;
  attempts: number;
  startsStream?: boolean;
  command(state: S, recorded: readonly RecordedEvent[]): C | undefined | Promise<C | undefined>;
  /** The id of the n-th decided event; `state` is the one it was decided on. */
  eventId(event: E, index: number, state: S): string;
  /** True when the stream already holds what this call would append (checked before deciding). */
  storedBefore?(recorded: readonly RecordedEvent[]): boolean;
  /** Checks the decision before anything is written (a reaction that must append one event). */
  check?(decided: readonly E[]): void;
}): Promise<AppendOutcome<E>> {
  const { store, decider, streamId } = options;
  for (let attempt = 1; ; attempt++) {
    const recorded = options.startsStream ? [] : await store.readStream(streamId);
    if (options.storedBefore?.(recorded)) return { outcome: 'stored_before' };
    const state = replay(
      decider,
      recorded.map((r) => eventOf<E>(r)),
    );
    const command = await options.command(state, recorded);
    if (command === undefined) return { outcome: 'nothing_to_do' };
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { outcome: 'nothing_to_do' };
    options.check?.(decided);
    const events = decided.map((e, i) => toNewEvent(e, options.eventId(e, i, state), options.metadata));
    try {
      const appended = await store.append(
        streamId,
        events,
        recorded.length === 0 ? 'no_stream' : recorded.length,
      );
      // Committed by a concurrent call while this one waited for the stream lock.
      if (appended.alreadyStored) return { outcome: 'stored_before' };
      const category = categoryOf(streamId);
      for (const e of decided) options.metrics?.eventsAppended.inc({ category, type: e.type });
      return { outcome: 'appended', events: decided };
    } catch (err) {
      if (!isAppendConflict(err)) throw err;
      const after = await store.readStream(streamId);
      const ids = new Set(events.map((e) => e.eventId));
      if (after.some((e) => ids.has(e.eventId)) || options.storedBefore?.(after))
        return { outcome: 'stored_before' };
      if (options.startsStream) return { outcome: 'stream_exists' };
      if (attempt >= options.attempts) throw err;
    }
  }
}
