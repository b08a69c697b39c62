/**
 * Overtime hours of one workweek under one rule set (notation: workweek.ts): daily tiers (or the
 * seventh-day tiers on the seventh consecutive day), then weekly overtime on the straight-time
 * hours left.
 */
import type { CompiledRuleSet } from './compile';
import { hoursText } from './rounding';

/** The week's overtime, all tiers together (reused between weeks: copy what you keep). */
export interface OvertimeHours {
  /** Overtime hours, 1/100 h. */
  ot: number;
  /** Sum over overtime hours of (multiplier - 1) in quarters x hours. */
  premQ: number;
}

/** Overtime hours by rule, collected only when a trace is wanted. */
export interface OvertimeDetail {
  ruleId: string;
  label: string;
  quarters: number;
  hours: number;
}

export function overtimeHours(
  rs: CompiledRuleSet,
  days: readonly number[],
  into: OvertimeHours,
  detail: OvertimeDetail[] | null,
): OvertimeHours {
  const rules = rs.source;
  const seventh =
    rs.seventhAfter !== null &&
    days[0] > 0 &&
    days[1] > 0 &&
    days[2] > 0 &&
    days[3] > 0 &&
    days[4] > 0 &&
    days[5] > 0 &&
    days[6] > 0;
  let straight = 0;
  let ot = 0;
  let premQ = 0;
  for (let d = 0; d < 7; d++) {
    const h = days[d];
    if (h === 0) continue;
    const isSeventh = seventh && d === 6;
    const after = isSeventh ? rs.seventhAfter : rs.dailyAfter;
    if (after === null) {
      straight += h;
      continue;
    }
    const q = (isSeventh ? rs.seventhQ : rs.dailyQ)!;
    straight += h < after[0] ? h : after[0];
    for (let i = 0; i < after.length; i++) {
      const lo = after[i];
      if (h <= lo) break;
      const hi = i + 1 < after.length ? after[i + 1] : h;
      const x = (h < hi ? h : hi) - lo;
      ot += x;
      premQ += (q[i] - 4) * x;
      if (detail) {
        const rule = isSeventh ? rules.overtime.seventhConsecutiveDay! : rules.overtime.daily!;
        addDetail(
          detail,
          rule.id,
          isSeventh
            ? `seventh consecutive day of work (all 7 days worked), hours over ${hoursText(lo)}`
            : `hours over ${hoursText(lo)} in a workday`,
          q[i],
          x,
        );
      }
    }
  }
  if (rs.weeklyAfter >= 0 && straight > rs.weeklyAfter) {
    const x = straight - rs.weeklyAfter;
    ot += x;
    premQ += (rs.weeklyQ - 4) * x;
    if (detail) {
      const label = rs.dailyAfter
        ? `hours over ${hoursText(rs.weeklyAfter)} in the workweek not already daily overtime`
        : `hours over ${hoursText(rs.weeklyAfter)} in the workweek`;
      addDetail(detail, rules.overtime.weekly!.id, label, rs.weeklyQ, x);
    }
  }
  into.ot = ot;
  into.premQ = premQ;
  return into;
}

function addDetail(detail: OvertimeDetail[], ruleId: string, label: string, quarters: number, hours: number) {
  const same = detail.find((o) => o.ruleId === ruleId && o.label === label && o.quarters === quarters);
  if (same) same.hours += hours;
  else detail.push({ ruleId, label, quarters, hours });
}
