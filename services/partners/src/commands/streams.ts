import { Inject, Injectable } from '@nestjs/common';
import {
  AGREEMENT_EVENTS,
  categoryOf,
  OUTREACH_EVENTS,
  PARTNER_EVENTS,
  REFERRAL_EVENTS,
} from '@lse/contracts';
import { NAMESPACE_LSE, replay, uuidV5, type Decider } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@lse/event-store';
import { Metrics, type ServiceActor } from '@lse/service-kit';
import { EventDataInvalidError } from '@lse/contracts';
import { DomainError } from '@lse/service-kit';

const DEFINITIONS: Record<
  string,
  { parse(v: number, d: unknown): unknown; create(input: unknown): NewEvent }
> = {
  ...PARTNER_EVENTS,
  ...AGREEMENT_EVENTS,
  ...REFERRAL_EVENTS,
  ...OUTREACH_EVENTS,
};

/** A stored partners event, upcast and validated into the `{type, data}` the deciders fold. */
export function eventOf<E>(recorded: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): E {
  const definition = DEFINITIONS[recorded.type];
  if (!definition) throw new Error(`unknown partners event type ${recorded.type}`);
  return { type: recorded.type, data: definition.parse(recorded.schemaVersion, recorded.data) } as E;
}

/** The contract validates data and metadata before anything is written. */
export function newEvent(
  eventId: string,
  event: { type: string; data: unknown },
  metadata: EventMetadata,
): NewEvent {
  const definition = DEFINITIONS[event.type];
  if (!definition) throw new Error(`unknown partners event type ${event.type}`);
  try {
    return definition.create({ eventId, data: event.data, metadata });
  } catch (err) {
    // An event the contract refuses is the caller's bad input: a 400 naming the fields.
    if (err instanceof EventDataInvalidError)
      throw new DomainError('validation', 'The request is not valid.', {
        errors: err.issues.map((i) => ({ path: i.path, message: i.message })),
      });
    throw err;
  }
}

/** The id of a command's n-th event: the same on every retry of the command, so the store de-duplicates. */
export const eventIdFor = (commandId: string, index: number) =>
  uuidV5(`${commandId}/event/${index}`, NAMESPACE_LSE);

export interface CommandContext {
  streamId: string;
  commandId: string;
  actor: ServiceActor;
  correlationId: string;
  /** Referral streams belong to their case (referral id = case id). */
  caseId?: string;
  /** From If-Match: the version the caller saw; absent or 'any': as loaded. */
  expectedVersion?: number | 'any';
  now: string;
}

export interface CommandOutcome<S> {
  id: string;
  version: number;
  state: S;
  events: string[];
  replayed: boolean;
}

/**
 * The one way a partners command runs: load the stream, fold it, decide, append with the version
 * it was decided on, reply. A retry of a command already applied (same command id, same event
 * ids) gets the first outcome and writes nothing.
 */
@Injectable()
export class StreamCommands {
  constructor(
    private readonly store: PostgresEventStore,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async load<C, E, S>(decider: Decider<C, E, S>, streamId: string) {
    const recorded = await this.store.readStream(streamId);
    return {
      recorded,
      state: replay(
        decider,
        recorded.map((r) => eventOf<E>(r)),
      ),
    };
  }

  async run<C, E extends { type: string; data: unknown }, S>(
    decider: Decider<C, E, S>,
    ctx: CommandContext,
    build: (state: S) => C | Promise<C>,
  ): Promise<CommandOutcome<S>> {
    const id = ctx.streamId.slice(ctx.streamId.indexOf('-') + 1);
    const { recorded, state } = await this.load(decider, ctx.streamId);
    const earlier = this.earlier(decider, ctx, recorded, id);
    if (earlier) return earlier;
    const current = recorded.length;
    if (typeof ctx.expectedVersion === 'number' && ctx.expectedVersion !== current) {
      this.metrics.concurrencyConflicts.inc();
      throw new WrongExpectedVersionError(ctx.streamId, ctx.expectedVersion, current);
    }
    const decided = decider.decide(await build(state), state);
    if (decided.length === 0) return { id, version: current, state, events: [], replayed: false };
    const metadata: EventMetadata = {
      ...(ctx.caseId ? { caseId: ctx.caseId } : {}),
      actor: ctx.actor.org
        ? { id: ctx.actor.id, role: ctx.actor.role, org: ctx.actor.org }
        : { id: ctx.actor.id, role: ctx.actor.role },
      correlationId: ctx.correlationId,
      causationId: ctx.commandId,
      sourceService: 'partners',
      occurredAt: ctx.now,
    };
    const events = decided.map((e, i) => newEvent(eventIdFor(ctx.commandId, i), e, metadata));
    try {
      const appended = await this.store.append(ctx.streamId, events, current === 0 ? 'no_stream' : current);
      for (const e of decided)
        this.metrics.eventsAppended.inc({ category: categoryOf(ctx.streamId), type: e.type });
      return {
        id,
        version: appended.nextExpectedVersion,
        state: replay(decider, decided, state),
        events: decided.map((e) => e.type),
        replayed: appended.alreadyStored,
      };
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)) throw err;
      const again = this.earlier(decider, ctx, await this.store.readStream(ctx.streamId), id);
      if (again) return again;
      this.metrics.concurrencyConflicts.inc();
      throw err instanceof WrongExpectedVersionError
        ? err
        : new WrongExpectedVersionError(ctx.streamId, current, current + 1);
    }
  }

  private earlier<C, E, S>(
    decider: Decider<C, E, S>,
    ctx: CommandContext,
    recorded: RecordedEvent[],
    id: string,
  ): CommandOutcome<S> | undefined {
    const first = eventIdFor(ctx.commandId, 0);
    const at = recorded.findIndex((e) => e.eventId === first);
    if (at < 0) return undefined;
    let end = at;
    while (end + 1 < recorded.length && recorded[end + 1].eventId === eventIdFor(ctx.commandId, end + 1 - at))
      end += 1;
    const events = recorded.map((r) => eventOf<E>(r));
    return {
      id,
      version: recorded[end].streamVersion,
      state: replay(decider, events.slice(0, end + 1)),
      events: recorded.slice(at, end + 1).map((e) => e.type),
      replayed: true,
    };
  }
}
