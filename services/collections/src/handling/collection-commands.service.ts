import { Inject, Injectable } from '@nestjs/common';
import {
  COLLECTION_CATEGORY,
  collectionStreamId,
  complaintStreamId,
  type CollectionCommandReply,
  type CollectionEvent,
} from '@lse/contracts';
import { replay } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { Metrics, type ServiceActor } from '@lse/service-kit';
import type { CollectionCommand, CollectionDecider, CollectionState } from '@lse/collections-domain';
import { eventIdFor } from './command-ids';
import { collectionEventOf, toNewEvent } from './collection-events';

export const COLLECTION_DECIDER = Symbol('COLLECTION_DECIDER');

export interface CommandContext {
  caseId: string;
  commandId: string;
  actor: ServiceActor;
  correlationId: string;
  /** From the gateway's If-Match: the version the caller saw; 'any' or absent: as loaded. */
  expectedVersion?: number | 'any';
  now: string;
}

/** What a command replies: the new version, the events and what they recorded (ids, allocations, amounts). */
export type CommandResult = CollectionCommandReply;

/**
 * The one way a collection command runs: load the stream, fold it, decide, append with the
 * expected version, reply. A retry of a command already applied (same event ids) gets the first
 * result and writes nothing.
 */
@Injectable()
export class CollectionCommands {
  constructor(
    private readonly store: PostgresEventStore,
    @Inject(COLLECTION_DECIDER) readonly decider: CollectionDecider,
    private readonly metrics: Metrics,
  ) {}

  /** The case's complaint stream (collections reads it for who the workers are to the agency). */
  readComplaint(caseId: string) {
    return this.store.readStream(complaintStreamId(caseId));
  }

  async load(
    caseId: string,
    asOf?: string,
  ): Promise<{ recorded: RecordedEvent[]; events: CollectionEvent[]; state: CollectionState }> {
    const recorded = await this.store.readStream(collectionStreamId(caseId), asOf ? { asOf } : {});
    const events = recorded.map(collectionEventOf);
    return { recorded, events, state: replay(this.decider, events) };
  }

  async run(ctx: CommandContext, command: CollectionCommand): Promise<CommandResult> {
    const streamId = collectionStreamId(ctx.caseId);
    const { recorded, state } = await this.load(ctx.caseId);
    const earlier = this.earlierResult(ctx, recorded);
    if (earlier) return earlier;
    const current = recorded.length;
    if (typeof ctx.expectedVersion === 'number' && ctx.expectedVersion !== current) {
      this.metrics.concurrencyConflicts.inc();
      throw new WrongExpectedVersionError(streamId, ctx.expectedVersion, current);
    }
    const decided = this.decider.decide(command, state);
    const after = decided.reduce((s, e) => this.decider.evolve(s, e), state);
    if (decided.length === 0) return this.result(ctx.caseId, current, after, [], false);
    const events = decided.map((event, index) =>
      toNewEvent(event, eventIdFor(ctx.commandId, index), {
        caseId: ctx.caseId,
        actor: ctx.actor.org
          ? { id: ctx.actor.id, role: ctx.actor.role, org: ctx.actor.org }
          : { id: ctx.actor.id, role: ctx.actor.role },
        correlationId: ctx.correlationId,
        causationId: ctx.commandId,
        sourceService: 'collections',
        occurredAt: ctx.now,
      }),
    );
    try {
      const appended = await this.store.append(streamId, events, current === 0 ? 'no_stream' : current);
      for (const e of decided)
        this.metrics.eventsAppended.inc({ category: COLLECTION_CATEGORY, type: e.type });
      return this.result(ctx.caseId, appended.nextExpectedVersion, after, decided, appended.alreadyStored);
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)) throw err;
      const again = this.earlierResult(ctx, await this.store.readStream(streamId));
      if (again) return again;
      this.metrics.concurrencyConflicts.inc();
      throw err instanceof WrongExpectedVersionError
        ? err
        : new WrongExpectedVersionError(streamId, current, current + 1);
    }
  }

  private result(
    caseId: string,
    version: number,
    state: CollectionState,
    events: CollectionEvent[],
    replayed: boolean,
  ): CommandResult {
    return {
      caseId,
      version,
      status: state.status,
      events: events.map((e) => e.type),
      recorded: events.map((e) => ({ type: e.type, data: e.data })),
      replayed,
    };
  }

  private earlierResult(ctx: CommandContext, recorded: RecordedEvent[]): CommandResult | undefined {
    const first = eventIdFor(ctx.commandId, 0);
    const at = recorded.findIndex((e) => e.eventId === first);
    if (at < 0) return undefined;
    let end = at;
    while (end + 1 < recorded.length && recorded[end + 1].eventId === eventIdFor(ctx.commandId, end + 1 - at))
      end += 1;
    const events = recorded.map(collectionEventOf);
    const state = replay(this.decider, events.slice(0, end + 1));
    return this.result(ctx.caseId, recorded[end].streamVersion, state, events.slice(at, end + 1), true);
  }
}
