/**
 * Rule sets as versioned data (docs/architecture.md#rules-are-data): every version kept with when it takes
 * effect, who published it and why, so a computation can always be recomputed under the version
 * it used, and a newer version compared with it. Pure: the versions come in (from events in the
 * investigation service, from the shipped constants here).
 */
import { isIsoDate, type IsoDate } from '@lse/domain';
import { BackWageInputError } from './errors';
import type { RuleSet } from './model';
import { CALIFORNIA_RULE_SET, FLSA_RULE_SET } from './rule-sets';
import { RuleSetSchema } from './schemas';

export interface RuleSetVersion {
  /** The data; `ruleSet.id` and `ruleSet.version` identify the version. */
  ruleSet: RuleSet;
  /** New computations use it from this day on (until a later version takes effect). */
  effectiveFrom: IsoDate;
  publishedBy: string;
  /** ISO instant. */
  publishedAt: string;
  reason: string;
}

/** The versions that ship with the engine: the start of every catalog. */
export const SHIPPED_RULE_SET_VERSIONS: readonly RuleSetVersion[] = [
  {
    ruleSet: FLSA_RULE_SET,
    effectiveFrom: '2009-07-24' as IsoDate,
    publishedBy: 'engine',
    publishedAt: '2009-07-24T00:00:00Z',
    reason: 'FLSA minimum wage $7.25 (29 U.S.C. 206(a)(1)); shipped with @lse/wage-rules',
  },
  {
    ruleSet: CALIFORNIA_RULE_SET,
    effectiveFrom: '2026-01-01' as IsoDate,
    publishedBy: 'engine',
    publishedAt: '2026-01-01T00:00:00Z',
    reason: 'California minimum wage table through 2026 and Labor Code 515(d); shipped with @lse/wage-rules',
  },
];

export class RuleSetCatalog {
  readonly #byId = new Map<string, RuleSetVersion[]>();

  constructor(versions: readonly RuleSetVersion[] = SHIPPED_RULE_SET_VERSIONS) {
    for (const v of versions) this.#add(v);
  }

  /** Every id, sorted. */
  ids(): string[] {
    return [...this.#byId.keys()].sort();
  }

  /** Every version of `id`, in the order they take effect (then of publication). */
  versions(id: string): RuleSetVersion[] {
    return [...(this.#byId.get(id) ?? [])];
  }

  /** The exact version a computation recorded; `unknown_rule_set` when there is none. */
  get(id: string, version: string, field = 'ruleSets'): RuleSetVersion {
    const found = this.#byId.get(id)?.find((v) => v.ruleSet.version === version);
    if (!found)
      throw new BackWageInputError('unknown_rule_set', `no rule set ${id} version ${version}`, {
        field,
        ruleSet: id,
        version,
      });
    return found;
  }

  /** The version of `id` in effect on `date`: the latest to take effect on or before it. */
  inForce(id: string, date: IsoDate, field = 'ruleSetIds'): RuleSetVersion {
    const list = this.#byId.get(id);
    if (!list)
      throw new BackWageInputError('unknown_rule_set', `no rule set ${id}; known: ${this.ids().join(', ')}`, {
        field,
        ruleSet: id,
      });
    let found: RuleSetVersion | undefined;
    for (const v of list) if (v.effectiveFrom <= date) found = v;
    if (!found)
      throw new BackWageInputError('unknown_rule_set', `no version of ${id} is in effect on ${date}`, {
        field,
        ruleSet: id,
      });
    return found;
  }

  /** A new catalog with `version` added; refuses a malformed one or a version id used before. */
  with(version: RuleSetVersion): RuleSetCatalog {
    const next = new RuleSetCatalog([]);
    for (const list of this.#byId.values()) for (const v of list) next.#add(v);
    next.#add(version);
    return next;
  }

  #add(v: RuleSetVersion): void {
    const parsed = RuleSetSchema.safeParse(v.ruleSet);
    if (!parsed.success)
      throw new BackWageInputError(
        'malformed_rule_set',
        `rule set ${String(v.ruleSet?.id)}: ${parsed.error.issues[0].message}`,
        {
          field: `ruleSet.${parsed.error.issues[0].path.join('.')}`,
        },
      );
    if (!isIsoDate(v.effectiveFrom))
      throw new BackWageInputError('malformed_rule_set', 'effectiveFrom must be a calendar date YYYY-MM-DD', {
        field: 'effectiveFrom',
      });
    const list = this.#byId.get(v.ruleSet.id) ?? [];
    if (list.some((x) => x.ruleSet.version === v.ruleSet.version))
      throw new BackWageInputError(
        'malformed_rule_set',
        `rule set ${v.ruleSet.id} already has a version ${v.ruleSet.version}`,
        { field: 'ruleSet.version', reason: 'version_exists' },
      );
    list.push(v);
    // Stable: equal dates keep publication order, so the later publication wins in inForce.
    list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    this.#byId.set(v.ruleSet.id, list);
  }
}
