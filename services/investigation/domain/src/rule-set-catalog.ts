/**
 * The catalog of back-wage rule-set versions (stream `wage_rules-catalog`): publishing a version
 * is an event, so every version stays, with its effective date, publisher and reason, and any past
 * computation can be recomputed under the version it recorded. Pure: time and actor come in with
 * the command.
 */
import type { ActorRole, RuleSetVersionPublished, WageRulesEvent } from '@lse/contracts';
import type { Decider, IsoDate } from '@lse/domain';
import {
  RuleSetCatalog,
  SHIPPED_RULE_SET_VERSIONS,
  type RuleSet,
  type RuleSetVersion,
} from '@lse/wage-rules';
import { NotPermittedError } from './errors';

export interface PublishRuleSetVersion {
  type: 'PublishRuleSetVersion';
  actor: { id: string; role: ActorRole };
  /** ISO instant of the command. */
  now: string;
  ruleSet: Record<string, unknown>;
  effectiveFrom: IsoDate;
  reason: string;
}

/** The versions published through events (the shipped ones are in every catalog anyway). */
export interface RuleSetCatalogState {
  published: RuleSetVersion[];
}

export const initialRuleSetCatalog: RuleSetCatalogState = { published: [] };

/** Rule tables are an admin's; a supervisor may publish too, agency practice (docs/architecture.md#roles). */
const PUBLISHERS: ReadonlySet<ActorRole> = new Set<ActorRole>(['supervisor', 'admin']);

/** Every version: shipped, then published. */
export function catalogOf(state: RuleSetCatalogState): RuleSetCatalog {
  return new RuleSetCatalog([...SHIPPED_RULE_SET_VERSIONS, ...state.published]);
}

export function decideRuleSetCatalog(
  command: PublishRuleSetVersion,
  state: RuleSetCatalogState,
): WageRulesEvent[] {
  if (!PUBLISHERS.has(command.actor.role))
    throw new NotPermittedError(
      'Only a supervisor or an admin publishes a rule-set version.',
      'not_a_publisher',
    );
  const version: RuleSetVersion = {
    ruleSet: command.ruleSet as unknown as RuleSet,
    effectiveFrom: command.effectiveFrom,
    publishedBy: command.actor.id,
    publishedAt: command.now,
    reason: command.reason,
  };
  // Throws BackWageInputError (a ValidationError) for a malformed rule set or a version used before.
  catalogOf(state).with(version);
  const data: RuleSetVersionPublished = {
    ruleSetId: version.ruleSet.id,
    version: version.ruleSet.version,
    effectiveFrom: version.effectiveFrom,
    publishedBy: version.publishedBy,
    publishedAt: version.publishedAt,
    reason: version.reason,
    ruleSet: command.ruleSet,
  };
  return [{ type: 'RuleSetVersionPublished', data }];
}

export function evolveRuleSetCatalog(state: RuleSetCatalogState, event: WageRulesEvent): RuleSetCatalogState {
  const d = event.data;
  return {
    published: [
      ...state.published,
      {
        ruleSet: d.ruleSet as unknown as RuleSet,
        effectiveFrom: d.effectiveFrom,
        publishedBy: d.publishedBy,
        publishedAt: d.publishedAt,
        reason: d.reason,
      },
    ],
  };
}

export const ruleSetCatalogDecider: Decider<PublishRuleSetVersion, WageRulesEvent, RuleSetCatalogState> = {
  decide: decideRuleSetCatalog,
  evolve: evolveRuleSetCatalog,
  initialState: initialRuleSetCatalog,
};
