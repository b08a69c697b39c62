/**
 * One workweek under one rule set. Each workweek stands alone (29 CFR 778.104): nothing here
 * sees any other week. All quantities are integers (see rounding.ts):
 *   W, P, G, Go      hours worked, hourly hours paid, unpaid hours, unpaid overtime hours (1/100 h)
 *   A                sum of hourly rate x paid hours (1/100 cent)
 *   other            piece + salary + bonus (cents)
 *   rrN / rrD        regular rate, cents per hour, exact fraction
 *   premQ            sum over overtime hours of (multiplier - 1) in quarters x hours
 */
import type { CompiledRuleSet } from './compile';
import type { MinimumWageEntry, TraceStep } from './model';
import { overtimeHours, type OvertimeDetail, type OvertimeHours } from './overtime';
import type { PreparedWeek } from './prepared-week';
import { regularRate, regularRateWithSalaryDivisor } from './regular-rate';
import { roundedOwed } from './rounding';
import { explainWeek } from './week-trace';

/** The figures of one week under one rule set (reused; copy what you keep). */
export interface WeekFigures {
  minimumWageShortfall: number;
  overtimeDue: number;
  liquidatedDamages: number;
  unpaidWages: number;
  total: number;
  rrN: number;
  rrD: number;
}

export function newWeekFigures(): WeekFigures {
  return {
    minimumWageShortfall: 0,
    overtimeDue: 0,
    liquidatedDamages: 0,
    unpaidWages: 0,
    total: 0,
    rrN: 0,
    rrD: 1,
  };
}

/** Scratch for `overtimeHours`: evaluation is synchronous, so one object serves every week. */
const overtime: OvertimeHours = { ot: 0, premQ: 0 };

/** What a weekly salary pays under a salary divisor (see salaryUnderDivisor); scratch as above. */
interface SalaryUnderDivisor {
  salary: number;
  A: number;
  P: number;
  unpaid: number;
}
const salary: SalaryUnderDivisor = { salary: 0, A: 0, P: 0, unpaid: 0 };

/** The week's figures under one rule set, into `out`; with `trace`, the steps that explain them. */
export function evaluateWeek(
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  out: WeekFigures,
  trace: TraceStep[] | null,
  minimumWage: MinimumWageEntry = rs.minimumWageFor(wk.record.weekStart, wk.weekEnd),
): WeekFigures {
  const W = wk.W;
  const detail: OvertimeDetail[] | null = trace ? [] : null;
  const { ot, premQ } = overtimeHours(rs, wk.days, overtime, detail);

  // A state rule for salaried workers (Labor Code 515(d)) changes what the salary pays for and
  // the regular rate (written into `out` then); a rare, separate path.
  const salaried =
    rs.salaryDivisor > 0 && (wk.hasSalary || wk.fixedHours > 0) ? salariedWeek(rs, wk, ot, out) : null;

  // Unpaid hours: worked but neither paid by the hour nor covered by piece or salary pay. They are
  // taken to be the overtime hours first (Go), whose straight time is then owed with the premium.
  const G = salaried ? salaried.unpaid : wk.coversAllHours || W <= wk.P ? 0 : W - wk.P;
  const Go = G < ot ? G : ot;
  const other = wk.piece + wk.salary + wk.bonus;
  if (!salaried) regularRate(wk, other, out);
  const mw = minimumWage.centsPerHour;
  const rawN = out.rrN;
  const rawD = out.rrD;
  // Overtime is computed on at least the minimum wage.
  const floored = rawN < mw * rawD;
  const rrN = floored ? mw : rawN;
  const rrD = floored ? 1 : rawD;

  // Everything paid for the week counts toward the minimum wage (the salary whole, whatever it pays for).
  const credit = wk.A + 100 * (other + wk.makeup);
  const mws = roundedOwed(mw, W - Go, 1, credit, 100);
  const K = 4 * Go + premQ;
  const otd = roundedOwed(rrN, K, 400 * rrD, wk.premiumPaid, 400 * rrD);
  const ld = (rs.ldMinimumWage ? mws : 0) + (rs.ldOvertime ? otd : 0);
  out.minimumWageShortfall = mws;
  out.overtimeDue = otd;
  out.liquidatedDamages = ld;
  out.unpaidWages = mws + otd;
  out.total = mws + otd + ld;
  out.rrN = rrN;
  out.rrD = rrD;

  if (trace)
    explainWeek(trace, rs, wk, out, {
      minimumWage,
      detail: detail!,
      rawN,
      rawD,
      floored,
      credit,
      ot,
      Go,
      salaried: salaried && { salary: salaried.salary, divisor: rs.salaryDivisor },
    });
  return out;
}

/** The salary under the rule set's divisor and the regular rate it gives, or null when no salary applies. */
function salariedWeek(
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  ot: number,
  out: { rrN: number; rrD: number },
): SalaryUnderDivisor | null {
  if (!salaryUnderDivisor(rs, wk, ot, salary)) return null;
  regularRateWithSalaryDivisor(
    wk.W,
    salary.A,
    salary.P,
    wk.piece + wk.bonus,
    salary.salary,
    rs.salaryDivisor,
    out,
  );
  return salary;
}

/**
 * A weekly salary under a salary divisor (California Labor Code 515(d)): (1) the regular rate
 * takes salary / divisor hours (1/40 of the weekly salary), not salary / hours worked; (2) the
 * salary pays only the non-overtime hours, so overtime hours not paid by an hourly line are
 * unpaid (owed in full, with the premium). Fixed-hours salaries for fewer hours than the divisor
 * (part-time) keep their own rate (29 CFR 778.113) as rate lines.
 */
function salaryUnderDivisor(
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  ot: number,
  into: SalaryUnderDivisor,
): boolean {
  let salary = wk.salary;
  let A = wk.A;
  let P = wk.P;
  if (wk.fixedHours > 0) {
    for (const c of wk.record.pay) {
      if (c.kind !== 'salary_fixed_hours') continue;
      const h = Math.round(c.hours * 100);
      if (h < rs.salaryDivisor) continue;
      salary += c.cents;
      A -= 100 * c.cents;
      P -= h;
    }
  }
  if (!wk.hasSalary && salary === 0) return false;
  into.salary = salary;
  into.A = A;
  into.P = P;
  into.unpaid = wk.hasPiece ? 0 : ot > P ? ot - P : 0;
  return true;
}
