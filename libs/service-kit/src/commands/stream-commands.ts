import { categoryOf, eventOf, toNewEvent, type MetadataInput, type TypedEvent } from '@lse/contracts';
import { replay, type Decider } from '@lse/domain';
import {
  DuplicateEventIdError,
  WrongExpectedVersionError,
  type EventStore,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@lse/event-store';
import type { Metrics } from '../metrics/metrics';
import type { ServiceActor } from '../reply/service-reply';
import { eventIdFor } from './command-ids';

export interface CommandContext {
  streamId: string;
  commandId: string;
  actor: ServiceActor;
  correlationId: string;
  /** The case the stream belongs to, for the events' metadata (absent for a partner or agreement). */
  caseId?: string;
  /** From the gateway's If-Match: the version the caller saw; 'any' or absent: as loaded. */
  expectedVersion?: number | 'any';
  /** The command's time (ISO instant), from the service's clock. */
  now: string;
  /**
   * The command starts its stream (its id derives from the command id): append with `no_stream`
   * straight away instead of reading the stream first. A stream that exists already is then a
   * conflict, answered from the stored events like any other retry.
   */
  startsStream?: boolean;
}

/** What a command did, for the service's result builder to turn into its reply. */
export interface CommandOutcome<E, S> {
  /** The stream's version after the command: the next ETag. */
  version: number;
  /** The state after the command's events. */
  state: S;
  /** The events the command appended (or had appended, on a retry). */
  events: E[];
  /** True when this was a retry of a command already applied: nothing new was written. */
  replayed: boolean;
}

export interface StreamCommandsOptions {
  store: Pick<EventStore, 'readStream' | 'append'>;
  metrics: Pick<Metrics, 'concurrencyConflicts' | 'eventsAppended'>;
  /** The service that writes, in every event's metadata. */
  sourceService: string;
}

export const isAppendConflict = (err: unknown): err is WrongExpectedVersionError | DuplicateEventIdError =>
  err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError;

/** The actor as event metadata holds it: no `org` key unless there is one. */
export const metadataActor = (actor: ServiceActor): MetadataInput['actor'] =>
  actor.org ? { id: actor.id, role: actor.role, org: actor.org } : { id: actor.id, role: actor.role };

/**
 * The one way a command runs, in every service: load the stream, fold it, decide, append with
 * the expected version, answer. A retry of a command already applied (same command id, hence the
 * same event ids) gets the first outcome and writes nothing.
 */
export class StreamCommands {
  constructor(private readonly options: StreamCommandsOptions) {}

  /** A stream folded by its decider; `asOf` reads it as the store knew it then. */
  async load<C, E extends TypedEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    read: Pick<ReadStreamOptions, 'asOf'> = {},
  ): Promise<{ recorded: RecordedEvent[]; events: E[]; state: S }> {
    const recorded = await this.options.store.readStream(streamId, read.asOf ? { asOf: read.asOf } : {});
    const events = recorded.map((r) => eventOf<E>(r));
    return { recorded, events, state: replay(decider, events) };
  }

  /**
   * `build` turns the loaded state into the command (it may look things up first: prior cases, a
   * case number, a stored file); it runs only when the command is new.
   */
  async run<C, E extends TypedEvent, S>(
    decider: Decider<C, E, S>,
    ctx: CommandContext,
    build: (state: S) => C | Promise<C>,
  ): Promise<CommandOutcome<E, S>> {
    const { store, metrics } = this.options;
    // One round trip for a new stream: nothing to load, and a retry is caught by the append.
    const { recorded, state } = ctx.startsStream
      ? { recorded: [], state: decider.initialState }
      : await this.load(decider, ctx.streamId);
    const earlier = this.earlier(decider, ctx, recorded);
    if (earlier) return earlier;

    const current = recorded.length;
    if (typeof ctx.expectedVersion === 'number' && ctx.expectedVersion !== current) {
      metrics.concurrencyConflicts.inc();
      throw new WrongExpectedVersionError(ctx.streamId, ctx.expectedVersion, current);
    }
    const decided = decider.decide(await build(state), state);
    // Nothing new to record (a link already on this case): nothing is appended.
    if (decided.length === 0) return { version: current, state, events: [], replayed: false };
    const metadata = this.metadata(ctx);
    // The contract validates each event and its metadata before anything is written.
    const events = decided.map((event, index) =>
      toNewEvent(event, eventIdFor(ctx.commandId, index), metadata),
    );
    try {
      const appended = await store.append(ctx.streamId, events, current === 0 ? 'no_stream' : current);
      const category = categoryOf(ctx.streamId);
      for (const e of decided) metrics.eventsAppended.inc({ category, type: e.type });
      return {
        version: appended.nextExpectedVersion,
        state: replay(decider, decided, state),
        events: decided,
        replayed: appended.alreadyStored,
      };
    } catch (err) {
      if (!isAppendConflict(err)) throw err;
      // Someone wrote first: if it was this very command (a concurrent retry), answer as it did.
      const again = this.earlier(decider, ctx, await store.readStream(ctx.streamId));
      if (again) return again;
      metrics.concurrencyConflicts.inc();
      throw err instanceof WrongExpectedVersionError
        ? err
        : new WrongExpectedVersionError(ctx.streamId, current, current + 1);
    }
  }

  private metadata(ctx: CommandContext): MetadataInput {
    return {
      ...(ctx.caseId ? { caseId: ctx.caseId } : {}),
      actor: metadataActor(ctx.actor),
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      sourceService: this.options.sourceService,
      occurredAt: ctx.now,
    };
  }

  /** The outcome of this command if the stream holds its events already: they are consecutive. */
  private earlier<C, E extends TypedEvent, S>(
    decider: Decider<C, E, S>,
    ctx: CommandContext,
    recorded: RecordedEvent[],
  ): CommandOutcome<E, S> | undefined {
    const at = recorded.findIndex((e) => e.eventId === eventIdFor(ctx.commandId, 0));
    if (at < 0) return undefined;
    let end = at;
    while (end + 1 < recorded.length && recorded[end + 1].eventId === eventIdFor(ctx.commandId, end + 1 - at))
      end += 1;
    const events = recorded.slice(0, end + 1).map((r) => eventOf<E>(r));
    return {
      version: recorded[end].streamVersion,
      state: replay(decider, events),
      events: events.slice(at),
      replayed: true,
    };
  }
}
