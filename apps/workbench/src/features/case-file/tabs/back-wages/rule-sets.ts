import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../../../api/client';
import type { paths } from '../../../../api/schema';

export type RuleSetCatalog =
  paths['/api/v1/wage-rule-sets']['get']['responses']['200']['content']['application/json']['items'];

/** The back-wage rule sets and every version of each (they change rarely: kept for the session). */
export function useRuleSets(enabled = true) {
  return useQuery({
    queryKey: ['wage-rule-sets'],
    queryFn: async () => ok(await api.GET('/api/v1/wage-rule-sets')).items,
    staleTime: Infinity,
    enabled,
  });
}

/** The rule set's name ("Fair Labor Standards Act") in its latest version, if the catalog has it. */
export function ruleSetName(catalog: RuleSetCatalog | undefined, id: string): string | undefined {
  const name = catalog?.find((r) => r.id === id)?.versions.at(-1)?.ruleSet.name;
  return typeof name === 'string' ? name : undefined;
}

interface Rule {
  id?: unknown;
  source?: unknown;
  table?: Array<{ from?: unknown; source?: unknown }>;
}

/**
 * The citation of a rule a trace step names (`FLSA.overtime.weekly` -> 29 U.S.C. 207(a)(1)), from
 * the rule-set version's own data: rule sets are data, and each rule states its source. A
 * minimum-wage rule cites the table entry in force in the workweek. Rules the engine applies to
 * every rule set (the workweek, the totals) have none of their own; the formula cites them.
 */
export function citationOf(
  catalog: RuleSetCatalog | undefined,
  ruleId: string,
  ruleSetVersion: string,
  weekStart: string,
): string | null {
  for (const set of catalog ?? []) {
    const version = set.versions.find((v) => v.version === ruleSetVersion);
    if (!version) continue;
    const rule = findRule(version.ruleSet, ruleId);
    if (!rule) continue;
    if (typeof rule.source === 'string') return rule.source;
    const inForce = (rule.table ?? [])
      .filter((e) => typeof e.from === 'string' && e.from <= weekStart)
      .sort((a, b) => String(a.from).localeCompare(String(b.from)))
      .at(-1);
    return typeof inForce?.source === 'string' ? inForce.source : null;
  }
  return null;
}

function findRule(value: unknown, ruleId: string): Rule | null {
  if (!value || typeof value !== 'object') return null;
  const rule: Rule = value;
  if (rule.id === ruleId) return rule;
  for (const child of Object.values(value)) {
    const found = findRule(child, ruleId);
    if (found) return found;
  }
  return null;
}
