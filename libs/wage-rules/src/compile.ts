import { addYears, ValidationError, type IsoDate } from '@lse/domain';
import type { MinimumWageEntry, RuleSet } from './model';
import { hasTwoDecimalsAtMost, isWholeQuarters } from './schemas';

/** A rule set turned into integers once per computation: hundredths of hours, quarters. */
export interface CompiledRuleSet {
  source: RuleSet;
  index: number;
  weeklyAfter: number; // hundredths; -1 when no weekly rule
  weeklyQ: number;
  dailyAfter: number[] | null;
  dailyQ: number[] | null;
  seventhAfter: number[] | null;
  seventhQ: number[] | null;
  /** The first date a week's accrual may fall on and still be in the limitation window. */
  windowStart: IsoDate;
  windowYears: number;
  ldMinimumWage: boolean;
  ldOvertime: boolean;
  /** Labor Code 515(d)-style divisor of a weekly salary, 1/100 h; 0 when the rule set has none. */
  salaryDivisor: number;
  minimumWageFor(weekStart: IsoDate, weekEnd: IsoDate): MinimumWageEntry;
}

const hundredths = (hours: number) => Math.round(hours * 100);

function quarters(multiplier: number, where: string): number {
  if (!(multiplier >= 1) || !isWholeQuarters(multiplier)) {
    throw new ValidationError(
      `${where}: overtime multiplier must be >= 1 in steps of 0.25, not ${multiplier}`,
    );
  }
  return Math.round(multiplier * 4);
}

function afterHours(hours: number, where: string): number {
  if (!(hours >= 0) || !hasTwoDecimalsAtMost(hours)) {
    throw new ValidationError(`${where}: afterHours must be >= 0 with at most two decimals, not ${hours}`);
  }
  return hundredths(hours);
}

export function compileRuleSet(
  rs: RuleSet,
  index: number,
  filingDate: IsoDate,
  willful: boolean,
): CompiledRuleSet {
  const table = rs.minimumWage.table;
  if (table.length === 0) throw new ValidationError(`${rs.id}: empty minimum wage table`);
  for (let i = 1; i < table.length; i++) {
    if (!(table[i].from > table[i - 1].from)) {
      throw new ValidationError(`${rs.id}: minimum wage table must ascend by date`);
    }
  }
  const tiers = (rule: { id: string; tiers: { afterHours: number; multiplier: number }[] } | null) => {
    if (!rule || rule.tiers.length === 0) return [null, null] as const;
    const after = rule.tiers.map((t) => afterHours(t.afterHours, rule.id));
    if (after.some((a, i) => i > 0 && a <= after[i - 1])) {
      throw new ValidationError(`${rule.id}: tiers must ascend by afterHours`);
    }
    return [after, rule.tiers.map((t) => quarters(t.multiplier, rule.id))] as const;
  };
  const [dailyAfter, dailyQ] = tiers(rs.overtime.daily);
  const [seventhAfter, seventhQ] = tiers(rs.overtime.seventhConsecutiveDay);
  const weekly = rs.overtime.weekly;
  const windowYears = willful ? rs.limitation.willfulYears : rs.limitation.years;
  // Weeks arrive in order and repeat across workers: a one-entry cache, then a map.
  const cache = new Map<string, MinimumWageEntry>();
  let lastStart = '';
  let lastEntry: MinimumWageEntry | undefined;
  return {
    source: rs,
    index,
    weeklyAfter: weekly ? afterHours(weekly.afterHours, weekly.id) : -1,
    weeklyQ: weekly ? quarters(weekly.multiplier, weekly.id) : 4,
    dailyAfter,
    dailyQ,
    seventhAfter,
    seventhQ,
    windowStart: addYears(filingDate, -windowYears),
    windowYears,
    ldMinimumWage: rs.liquidatedDamages.basis !== 'none',
    ldOvertime: rs.liquidatedDamages.basis === 'minimum_wage_and_overtime',
    salaryDivisor: rs.salaryRegularRate ? hundredths(rs.salaryRegularRate.salaryDivisorHours) : 0,
    minimumWageFor(weekStart, weekEnd) {
      if (weekStart === lastStart) return lastEntry!;
      let entry = cache.get(weekStart);
      if (!entry) {
        entry = highestInEffect(rs, weekStart, weekEnd);
        cache.set(weekStart, entry);
      }
      lastStart = weekStart;
      lastEntry = entry;
      return entry;
    },
  };
}

/**
 * The highest minimum wage in effect on any day of the workweek: a rate that takes effect
 * mid-week applies to the whole week (rates rise; this never shortchanges the worker).
 */
function highestInEffect(rs: RuleSet, weekStart: IsoDate, weekEnd: IsoDate): MinimumWageEntry {
  let best: MinimumWageEntry | undefined;
  let atStart: MinimumWageEntry | undefined;
  for (const entry of rs.minimumWage.table) {
    if (entry.from <= weekStart) atStart = entry;
    else if (entry.from <= weekEnd && (!best || entry.centsPerHour > best.centsPerHour)) best = entry;
  }
  if (atStart && (!best || atStart.centsPerHour >= best.centsPerHour)) best = atStart;
  if (!best) {
    throw new ValidationError(`${rs.id} has no minimum wage in effect in the workweek of ${weekStart}`, {
      ruleSet: rs.id,
      weekStart,
    });
  }
  return best;
}
