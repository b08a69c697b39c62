import { Injectable } from '@nestjs/common';
import {
  eventOf,
  WAGE_RULES_STREAM,
  type PublishRuleSetVersionInput,
  type WageRulesEvent,
} from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import {
  catalogOf,
  ruleSetCatalogDecider,
  type Actor,
  type RuleSetCatalogState,
} from '@lse/investigation-domain';
import { StreamCommands, type ServiceActor } from '@lse/service-kit';
import type { RuleSetCatalog } from '@lse/wage-rules';

/** The catalog as the stream holds it now (the shipped versions and every one published). */
export async function loadRuleSetCatalog(
  store: Pick<SealedEventStore, 'readStream'>,
): Promise<{ recorded: RecordedEvent[]; state: RuleSetCatalogState; catalog: RuleSetCatalog }> {
  const recorded = await store.readStream(WAGE_RULES_STREAM);
  const state = recorded
    .map((e) => eventOf<WageRulesEvent>(e))
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
  constructor(
    private readonly store: SealedEventStore,
    private readonly commands: StreamCommands,
  ) {}

  load() {
    return loadRuleSetCatalog(this.store);
  }

  async catalog(): Promise<RuleSetCatalog> {
    return (await this.load()).catalog;
  }

  /**
   * Appends the version with the stream version it was decided on (StreamCommands); the event id
   * comes from the command id, so a retry finds its event and writes nothing.
   */
  async publish(
    input: PublishRuleSetVersionInput,
    ctx: { commandId: string; actor: ServiceActor; correlationId: string; now: string },
  ): Promise<{ ruleSetId: string; version: string; position: number; replayed: boolean }> {
    const outcome = await this.commands.run(
      ruleSetCatalogDecider,
      { streamId: WAGE_RULES_STREAM, ...ctx },
      () => ({
        type: 'PublishRuleSetVersion' as const,
        actor: { id: ctx.actor.id, role: ctx.actor.role as Actor['role'] },
        now: ctx.now,
        ruleSet: input.ruleSet,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
      }),
    );
    const [{ data }] = outcome.events;
    return {
      ruleSetId: data.ruleSetId,
      version: data.version,
      position: outcome.version,
      replayed: outcome.replayed,
    };
  }
}
