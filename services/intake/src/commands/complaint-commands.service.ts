import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CATEGORY, COMPLAINT_EVENTS, complaintStreamId, type ComplaintEvent } from '@lse/contracts';
import { replay, type Decider } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type NewEvent,
  type RecordedEvent,
} from '@lse/event-store';
import { Metrics, type ServiceActor } from '@lse/service-kit';
import type { ComplaintCommand, ComplaintState } from '@lse/intake-domain';
import { complaintEventOf } from '../read-models/project-event';
import { commandResult, type CommandResult } from './command-result';
import { eventIdFor } from './command-ids';

export const COMPLAINT_DECIDER = Symbol('COMPLAINT_DECIDER');
export type ComplaintDecider = Decider<ComplaintCommand, ComplaintEvent, ComplaintState>;

export interface CommandContext {
  caseId: string;
  commandId: string;
  actor: ServiceActor;
  correlationId: string;
  /** From the gateway's If-Match: the version the caller saw; 'any' or absent: as loaded. */
  expectedVersion?: number | 'any';
  /** The command's time (ISO instant), from intake's clock. */
  now: string;
  /**
   * The command starts its stream (the case id derives from the command id): append with
   * `no_stream` straight away instead of reading the stream first. A stream that exists already
   * is then a conflict, answered from the stored events like any other retry.
   */
  startsStream?: boolean;
}

/**
 * The one way a complaint command runs: load the stream, fold it, let the decider decide,
 * append with the expected version, reply. Retries of a command already applied (same command
 * id, hence same event ids) get the first result and write nothing.
 */
@Injectable()
export class ComplaintCommands {
  constructor(
    private readonly store: PostgresEventStore,
    @Inject(COMPLAINT_DECIDER) readonly decider: ComplaintDecider,
    private readonly metrics: Metrics,
  ) {}

  async load(caseId: string): Promise<{ recorded: RecordedEvent[]; state: ComplaintState }> {
    const recorded = await this.store.readStream(complaintStreamId(caseId));
    return { recorded, state: replay(this.decider, recorded.map(complaintEventOf)) };
  }

  /**
   * `build` turns the loaded state into the command (it may look things up: prior cases, a
   * case number); it runs only when the command is new.
   */
  async run(
    ctx: CommandContext,
    build: (state: ComplaintState) => Promise<ComplaintCommand>,
  ): Promise<CommandResult> {
    const streamId = complaintStreamId(ctx.caseId);
    // One round trip for a new stream: nothing to load, and a retry is caught by the append.
    const { recorded, state } = ctx.startsStream
      ? { recorded: [], state: this.decider.initialState }
      : await this.load(ctx.caseId);
    const earlier = this.earlierResult(ctx, recorded);
    if (earlier) return earlier;

    const current = recorded.length;
    if (typeof ctx.expectedVersion === 'number' && ctx.expectedVersion !== current) {
      this.metrics.concurrencyConflicts.inc();
      throw new WrongExpectedVersionError(streamId, ctx.expectedVersion, current);
    }
    const decided = this.decider.decide(await build(state), state);
    // Nothing new to record (a link already on this case): nothing is appended.
    if (decided.length === 0) return commandResult(ctx.caseId, current, state, [], false);
    const events = decided.map((event, index) => this.toNewEvent(ctx, event, index));
    try {
      const appended = await this.store.append(streamId, events, current === 0 ? 'no_stream' : current);
      for (const e of decided)
        this.metrics.eventsAppended.inc({ category: COMPLAINT_CATEGORY, type: e.type });
      const after = decided.reduce((s, e) => this.decider.evolve(s, e), state);
      return commandResult(ctx.caseId, appended.nextExpectedVersion, after, decided, appended.alreadyStored);
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)) throw err;
      // Someone wrote first: if it was this very command (a concurrent retry), answer as it did.
      const again = this.earlierResult(ctx, await this.store.readStream(streamId));
      if (again) return again;
      this.metrics.concurrencyConflicts.inc();
      throw err instanceof WrongExpectedVersionError
        ? err
        : new WrongExpectedVersionError(streamId, current, current + 1);
    }
  }

  private earlierResult(ctx: CommandContext, recorded: RecordedEvent[]): CommandResult | undefined {
    const first = eventIdFor(ctx.commandId, 0);
    const at = recorded.findIndex((e) => e.eventId === first);
    if (at < 0) return undefined;
    let end = at;
    while (end + 1 < recorded.length && recorded[end + 1].eventId === eventIdFor(ctx.commandId, end + 1 - at))
      end += 1;
    const events = recorded.map(complaintEventOf);
    const state = replay(this.decider, events.slice(0, end + 1));
    return commandResult(ctx.caseId, recorded[end].streamVersion, state, events.slice(at, end + 1), true);
  }

  private toNewEvent(ctx: CommandContext, event: ComplaintEvent, index: number): NewEvent {
    // The contract validates the data (and the metadata) before anything is written.
    const definition = COMPLAINT_EVENTS[event.type] as { create(input: unknown): NewEvent };
    return definition.create({
      eventId: eventIdFor(ctx.commandId, index),
      data: event.data as never,
      metadata: {
        caseId: ctx.caseId,
        actor: ctx.actor.org
          ? { id: ctx.actor.id, role: ctx.actor.role, org: ctx.actor.org }
          : { id: ctx.actor.id, role: ctx.actor.role },
        correlationId: ctx.correlationId,
        causationId: ctx.commandId,
        sourceService: 'intake',
        occurredAt: ctx.now,
      },
    });
  }
}
