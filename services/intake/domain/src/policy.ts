/**
 * Intake's rule tables: data, not code branches (docs/architecture.md#rules-are-data). Loaded
 * from configuration at start-up and handed to the decider, which stays pure.
 */
export interface LimitationRule {
  /** Years back from today that wages are recoverable. */
  years: number;
  /** Years when the violation is willful (FLSA: 3). */
  willfulYears: number;
}

export interface TargetedIndustry {
  /** Name used in the queue filter and the triage explanation, e.g. `car_washes`. */
  industry: string;
  /** NAICS code prefixes that belong to it. */
  naicsPrefixes: string[];
}

export interface IntakePolicy {
  /** By statute name as intake staff cite it; `FLSA` is the federal baseline. */
  limitationPeriods: Record<string, LimitationRule>;
  /** Targeted high-violation industries (strategic enforcement). */
  targetedIndustries: TargetedIndustry[];
}

/** FLSA: 2 years, 3 if willful (29 U.S.C. 255(a)). State periods are added by configuration. */
export const FLSA: LimitationRule = { years: 2, willfulYears: 3 };

/** The high-violation industries named by community-government strategic enforcement partnerships. */
export const DEFAULT_TARGETED_INDUSTRIES: TargetedIndustry[] = [
  { industry: 'agriculture', naicsPrefixes: ['111', '112', '1151'] },
  { industry: 'car_washes', naicsPrefixes: ['811192'] },
  { industry: 'construction', naicsPrefixes: ['23'] },
  { industry: 'garment', naicsPrefixes: ['315'] },
  { industry: 'janitorial', naicsPrefixes: ['56172'] },
  { industry: 'residential_care', naicsPrefixes: ['623'] },
  { industry: 'restaurants', naicsPrefixes: ['7225'] },
  { industry: 'warehouses', naicsPrefixes: ['493'] },
  { industry: 'domestic_home_care', naicsPrefixes: ['6216', '814'] },
  { industry: 'food_processing', naicsPrefixes: ['311'] },
];

export const DEFAULT_POLICY: IntakePolicy = {
  limitationPeriods: { FLSA },
  targetedIndustries: DEFAULT_TARGETED_INDUSTRIES,
};

/** The targeted industry a NAICS code falls in (longest matching prefix wins), if any. */
export function targetedIndustryOf(
  naics: string | undefined,
  industries: readonly TargetedIndustry[],
): { industry: string; prefix: string } | undefined {
  if (!naics) return undefined;
  let best: { industry: string; prefix: string } | undefined;
  for (const { industry, naicsPrefixes } of industries) {
    for (const prefix of naicsPrefixes) {
      if (naics.startsWith(prefix) && (!best || prefix.length > best.prefix.length))
        best = { industry, prefix };
    }
  }
  return best;
}
