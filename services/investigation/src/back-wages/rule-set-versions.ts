import { Injectable } from '@nestjs/common';
import {
  RuleSetVersionPublished,
  WAGE_RULES_STREAM,
  type PublishRuleSetVersionInput,
  type WageRulesEvent,
} from '@lse/contracts';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { catalogOf, ruleSetCatalogDecider, type RuleSetCatalogState } from '@lse/investigation-domain';
import type { ServiceActor } from '@lse/service-kit';
import type { RuleSetCatalog } from '@lse/wage-rules';
import { eventIdFor } from '../commands/command-ids';

const eventOf = (e: RecordedEvent): WageRulesEvent => ({
  type: 'RuleSetVersionPublished',
  data: RuleSetVersionPublished.parse(e.schemaVersion, e.data),
});

/** The catalog as the stream holds it now (the shipped versions and every one published). */
export async function loadRuleSetCatalog(
  store: Pick<PostgresEventStore, 'readStream'>,
): Promise<{ recorded: RecordedEvent[]; state: RuleSetCatalogState; catalog: RuleSetCatalog }> {
  const recorded = await store.readStream(WAGE_RULES_STREAM);
  const state = recorded
    .map(eventOf)
    .reduce((s, e) => ruleSetCatalogDecider.evolve(s, e), ruleSetCatalogDecider.initialState);
  return { recorded, state, catalog: catalogOf(state) };
}

/**
 * Where rule-set versions live: the `wage_rules-catalog` stream, folded by the pure catalog
 * decider. Read whole on each use (a handful of events per year), so every replica sees a version
 * as soon as it is appended.
 */
@Injectable()
export class RuleSetVersions {
  constructor(private readonly store: PostgresEventStore) {}

  load() {
    return loadRuleSetCatalog(this.store);
  }

  async catalog(): Promise<RuleSetCatalog> {
    return (await this.load()).catalog;
  }

  /**
   * Appends the version with the stream version it was decided on; the event id comes from the
   * command id, so a retry finds its event and writes nothing.
   */
  async publish(
    input: PublishRuleSetVersionInput,
    ctx: { commandId: string; actor: ServiceActor; correlationId: string; now: string },
  ): Promise<{ ruleSetId: string; version: string; position: number; replayed: boolean }> {
    const eventId = eventIdFor(ctx.commandId, 0);
    const { recorded, state } = await this.load();
    const earlier = recorded.find((e) => e.eventId === eventId);
    if (earlier) return this.reply(earlier, true);
    const [event] = ruleSetCatalogDecider.decide(
      {
        type: 'PublishRuleSetVersion',
        actor: { id: ctx.actor.id, role: ctx.actor.role as never },
        now: ctx.now,
        ruleSet: input.ruleSet,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
      },
      state,
    );
    const newEvent = RuleSetVersionPublished.create({
      eventId,
      data: event.data,
      metadata: {
        actor: { id: ctx.actor.id, role: ctx.actor.role as never },
        correlationId: ctx.correlationId,
        causationId: ctx.commandId,
        sourceService: 'investigation',
        occurredAt: ctx.now,
      },
    });
    try {
      await this.store.append(
        WAGE_RULES_STREAM,
        [newEvent],
        recorded.length === 0 ? 'no_stream' : recorded.length,
      );
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)) throw err;
      const again = (await this.store.readStream(WAGE_RULES_STREAM)).find((e) => e.eventId === eventId);
      if (again) return this.reply(again, true);
      throw err;
    }
    return {
      ruleSetId: event.data.ruleSetId,
      version: event.data.version,
      position: recorded.length + 1,
      replayed: false,
    };
  }

  private reply(e: RecordedEvent, replayed: boolean) {
    const data = eventOf(e).data;
    return { ruleSetId: data.ruleSetId, version: data.version, position: e.streamVersion, replayed };
  }
}
