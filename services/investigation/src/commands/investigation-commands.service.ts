import { Injectable } from '@nestjs/common';
import {
  INVESTIGATION_CATEGORY,
  INVESTIGATION_EVENTS,
  investigationStreamId,
  type InvestigationEvent,
} from '@lse/contracts';
import { replay } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type NewEvent,
  type RecordedEvent,
} from '@lse/event-store';
import {
  investigationDecider,
  type InvestigationCommand,
  type InvestigationState,
} from '@lse/investigation-domain';
import { Metrics, type ServiceActor } from '@lse/service-kit';
import { commandResult, type CommandResult } from './command-result';
import { eventIdFor } from './command-ids';
import { investigationEventOf } from './events';

export interface CommandContext {
  caseId: string;
  commandId: string;
  actor: ServiceActor;
  correlationId: string;
  /** From the gateway's If-Match: the version the caller saw; 'any' or absent: as loaded. */
  expectedVersion?: number | 'any';
  /** The command's time (ISO instant), from the service's clock. */
  now: string;
}

/**
 * The one way an investigation command runs: load the stream, fold it, decide, append with the
 * expected version, reply. A retry of a command already applied (same command id, hence same
 * event ids) gets the first result and writes nothing.
 */
@Injectable()
export class InvestigationCommands {
  readonly decider = investigationDecider;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly metrics: Metrics,
  ) {}

  async load(caseId: string): Promise<{ recorded: RecordedEvent[]; state: InvestigationState }> {
    const recorded = await this.store.readStream(investigationStreamId(caseId));
    return { recorded, state: replay(this.decider, recorded.map(investigationEventOf)) };
  }

  /** `build` turns the loaded state into the command; it runs only when the command is new. */
  async run(
    ctx: CommandContext,
    build: (state: InvestigationState) => InvestigationCommand | Promise<InvestigationCommand>,
  ): Promise<CommandResult> {
    const streamId = investigationStreamId(ctx.caseId);
    const { recorded, state } = await this.load(ctx.caseId);
    const earlier = this.earlierResult(ctx, recorded);
    if (earlier) return earlier;

    const current = recorded.length;
    if (typeof ctx.expectedVersion === 'number' && ctx.expectedVersion !== current) {
      this.metrics.concurrencyConflicts.inc();
      throw new WrongExpectedVersionError(streamId, ctx.expectedVersion, current);
    }
    const decided = this.decider.decide(await build(state), state);
    if (decided.length === 0) return commandResult(ctx.caseId, current, state, [], true);
    const events = decided.map((event, index) => this.toNewEvent(ctx, event, index));
    try {
      const appended = await this.store.append(streamId, events, current === 0 ? 'no_stream' : current);
      for (const e of decided)
        this.metrics.eventsAppended.inc({ category: INVESTIGATION_CATEGORY, type: e.type });
      const after = decided.reduce((s, e) => this.decider.evolve(s, e), state);
      return commandResult(ctx.caseId, appended.nextExpectedVersion, after, decided, appended.alreadyStored);
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

  private earlierResult(ctx: CommandContext, recorded: RecordedEvent[]): CommandResult | undefined {
    const first = eventIdFor(ctx.commandId, 0);
    const at = recorded.findIndex((e) => e.eventId === first);
    if (at < 0) return undefined;
    let end = at;
    while (end + 1 < recorded.length && recorded[end + 1].eventId === eventIdFor(ctx.commandId, end + 1 - at))
      end += 1;
    const events = recorded.map(investigationEventOf);
    const state = replay(this.decider, events.slice(0, end + 1));
    return commandResult(ctx.caseId, recorded[end].streamVersion, state, events.slice(at, end + 1), true);
  }

  private toNewEvent(ctx: CommandContext, event: InvestigationEvent, index: number): NewEvent {
    // The contract validates the data (and the metadata) before anything is written.
    const definition = INVESTIGATION_EVENTS[event.type] as { create(input: unknown): NewEvent };
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
        sourceService: 'investigation',
        occurredAt: ctx.now,
      },
    });
  }
}
