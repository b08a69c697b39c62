/**
 * The explanation of one workweek under one rule set (notation: workweek.ts): a step per figure,
 * each with its rule and its arithmetic written out. Built only when a trace is read.
 */
import type { CompiledRuleSet } from './compile';
import type { MinimumWageEntry, TraceStep } from './model';
import type { OvertimeDetail } from './overtime';
import type { PreparedWeek } from './prepared-week';
import { dollars, hoursText, rateDollars, rateText } from './rounding';
import type { WeekFigures } from './workweek';

/** What the evaluation worked out on the way to the week's figures. */
export interface WeekWorking {
  minimumWage: MinimumWageEntry;
  detail: OvertimeDetail[];
  /** The regular rate before the minimum wage floor. */
  rawN: number;
  rawD: number;
  /** The regular rate was below the minimum wage, so overtime is computed on the minimum wage. */
  floored: boolean;
  /** Straight-time pay and makeup, credited against the minimum wage (1/100 cent). */
  credit: number;
  ot: number;
  Go: number;
  /** The weekly salary and divisor (1/100 h) when a state salary rule applied (Labor Code 515(d)). */
  salaried: { salary: number; divisor: number } | null;
}

export function explainWeek(
  trace: TraceStep[],
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  out: WeekFigures,
  { minimumWage, detail, rawN, rawD, floored, credit, ot, Go, salaried }: WeekWorking,
): void {
  const days = wk.days;
  const W = wk.W;
  const rules = rs.source;
  const version = rules.version;
  const mw = minimumWage.centsPerHour;
  const { minimumWageShortfall: mws, overtimeDue: otd, liquidatedDamages: ld, rrN, rrD } = out;
  const at = { ruleSetVersion: version };
  const r = wk.record;
  trace.push({
    figure: 'hoursWorked',
    ruleId: `${rules.id}.workweek`,
    ...at,
    hours: W / 100,
    formula: `hours worked in the workweek of ${r.weekStart}: ${days.map(hoursText).join(' + ')} = ${hoursText(W)} h`,
  });
  if (detail.length === 0) {
    trace.push({
      figure: 'overtimeHours',
      ruleId: rules.overtime.weekly?.id ?? rules.overtime.daily?.id ?? `${rules.id}.overtime`,
      ...at,
      hours: 0,
      formula: 'no overtime hours',
    });
  }
  for (const o of detail) {
    trace.push({
      figure: 'overtimeHours',
      ruleId: o.ruleId,
      ...at,
      hours: o.hours / 100,
      formula: `${o.label}: ${hoursText(o.hours)} h at ${o.quarters / 4} x the regular rate`,
    });
  }
  const parts: string[] = [];
  const hourlyP = wk.P - wk.fixedHours;
  if (hourlyP > 0) {
    const hourlyA = wk.A - 100 * wk.fixedCents;
    const agreed = wk.hourlyRate >= 0 ? rateDollars(wk.hourlyRate, 1) : rateDollars(hourlyA, hourlyP);
    parts.push(`hourly: agreed rate ${agreed} x ${hoursText(W)} h`);
  }
  const rule = rules.salaryRegularRate;
  if (salaried && rule) {
    parts.push(
      `weekly salary ${dollars(salaried.salary)} / ${hoursText(salaried.divisor)} h = ` +
        `${rateDollars(100 * salaried.salary, salaried.divisor)} x ${hoursText(W)} h ` +
        `(${rule.source ?? rule.id}: 1/${hoursText(salaried.divisor)} of the weekly salary; it pays the non-overtime hours only)`,
    );
  }
  for (const c of r.pay) {
    if (c.kind !== 'salary_fixed_hours') continue;
    const h = Math.round(c.hours * 100);
    if (salaried && h >= salaried.divisor) continue;
    parts.push(
      `salary ${dollars(c.cents)} for ${hoursText(h)} fixed hours = ${rateDollars(100 * c.cents, h)} x ${hoursText(W)} h (29 CFR 778.113)`,
    );
  }
  if (wk.piece) parts.push(`piece ${dollars(wk.piece)}`);
  if (wk.hasSalary && !salaried)
    parts.push(`salary ${dollars(wk.salary)} for all hours worked (fluctuating workweek, 29 CFR 778.114)`);
  if (wk.bonus) parts.push(`non-discretionary bonus ${dollars(wk.bonus)}`);
  if (parts.length === 0) parts.push('no pay $0.00');
  trace.push({
    figure: 'regularRate',
    ruleId: salaried && rule ? rule.id : `${rules.id}.regular_rate`,
    ...at,
    rate: rateText(rawN, rawD),
    hours: W / 100,
    formula:
      W === 0
        ? 'no hours worked'
        : `(${parts.join(' + ')}) / ${hoursText(W)} h = ${rateDollars(rawN, rawD)} (29 CFR 778.109)`,
  });
  const twoRates = overtimeAsSecondRate(wk, ot);
  if (twoRates) {
    trace.push({
      figure: 'warning',
      ruleId: `${rules.id}.regular_rate.two_rates`,
      ...at,
      rate: String(twoRates.higher),
      hours: ot / 100,
      formula:
        `an hourly line at ${rateDollars(twoRates.higher, 1)}, 1.5 x the ${rateDollars(twoRates.lower, 1)} line, ` +
        `pays exactly the ${hoursText(ot)} overtime hours: read here as work at two rates (29 CFR 778.115), ` +
        `not as an overtime premium (29 CFR 778.202). If it was overtime pay, record ` +
        `${rateDollars(twoRates.lower, 1)} for all hours and the extra half as overtime_premium.`,
    });
  }
  trace.push({
    figure: 'minimumWage',
    ruleId: rules.minimumWage.id,
    ...at,
    rate: String(mw),
    formula:
      `minimum wage ${rateDollars(mw, 1)} in effect from ${minimumWage.from}` +
      (minimumWage.source ? ` (${minimumWage.source})` : '') +
      (floored && W > 0
        ? `; the regular rate is below it, so overtime is computed on ${rateDollars(mw, 1)}`
        : ''),
  });
  const paid = [`straight-time pay ${money100(credit - 100 * wk.makeup)}`];
  if (wk.makeup) paid.push(`makeup paid ${dollars(wk.makeup)}`);
  trace.push({
    figure: 'minimumWageShortfall',
    ruleId: rules.minimumWage.id,
    ...at,
    rate: String(mw),
    hours: (W - Go) / 100,
    formula:
      `max(0, ${rateDollars(mw, 1)} x ${hoursText(W - Go)} h - ${paid.join(' - ')}) = ${dollars(mws)}` +
      (Go > 0 ? ` (the ${hoursText(Go)} unpaid overtime hours are owed in full as overtime)` : ''),
    amount: mws as TraceStep['amount'],
  });
  const terms: string[] = [];
  if (Go > 0) terms.push(`1 x ${hoursText(Go)} unpaid overtime h`);
  const byQ = new Map<number, number>();
  for (const o of detail) byQ.set(o.quarters, (byQ.get(o.quarters) ?? 0) + o.hours);
  for (const [q, h] of [...byQ].sort((a, b) => a[0] - b[0])) terms.push(`${(q - 4) / 4} x ${hoursText(h)} h`);
  trace.push({
    figure: 'overtimeDue',
    ruleId: rules.overtime.weekly?.id ?? rules.overtime.daily?.id ?? `${rules.id}.overtime`,
    ...at,
    rate: rateText(rrN, rrD),
    hours: ot / 100,
    formula:
      ot === 0
        ? `no overtime hours = ${dollars(otd)}`
        : `max(0, ${rateDollars(rrN, rrD)} x (${terms.join(' + ')}) - overtime premium paid ${dollars(wk.premiumPaid)}) = ${dollars(otd)}`,
    amount: otd as TraceStep['amount'],
  });
  trace.push({
    figure: 'unpaidWages',
    ruleId: `${rules.id}.back_wages`,
    ...at,
    formula: `minimum wage shortfall ${dollars(mws)} + overtime due ${dollars(otd)} = ${dollars(mws + otd)}`,
    amount: (mws + otd) as TraceStep['amount'],
  });
  const basis = rules.liquidatedDamages.basis;
  trace.push({
    figure: 'liquidatedDamages',
    ruleId: rules.liquidatedDamages.id,
    ...at,
    formula:
      basis === 'minimum_wage_and_overtime'
        ? `an equal amount of unpaid minimum wages and overtime: ${dollars(mws)} + ${dollars(otd)} = ${dollars(ld)}`
        : basis === 'minimum_wage'
          ? `an equal amount of unpaid minimum wages: ${dollars(ld)}`
          : `none under ${rules.id}: ${dollars(0)}`,
    amount: ld as TraceStep['amount'],
  });
  trace.push({
    figure: 'total',
    ruleId: `${rules.id}.total`,
    ...at,
    formula: `back wages ${dollars(mws + otd)} + liquidated damages ${dollars(ld)} = ${dollars(out.total)}`,
    amount: out.total as TraceStep['amount'],
  });
}

/** An amount in hundredths of a cent, as dollars (4 decimals only when not whole cents). */
function money100(value: number): string {
  return value % 100 === 0 ? dollars(value / 100) : `$${(value / 10000).toFixed(4)}`;
}

/**
 * An hourly line at exactly 1.5x another line's rate that pays exactly the week's overtime hours
 * looks like overtime pay (29 CFR 778.202) but is recorded as a second rate (778.115): the engine
 * keeps the recorded reading and the trace asks the question. Trace-time only.
 */
function overtimeAsSecondRate(wk: PreparedWeek, ot: number): { lower: number; higher: number } | null {
  if (ot === 0) return null;
  const lines = wk.record.pay.filter((c) => c.kind === 'hourly');
  if (lines.length < 2) return null;
  for (const high of lines) {
    if (Math.round(high.hours * 100) !== ot) continue;
    const low = lines.find((c) => c !== high && 3 * c.rateCents === 2 * high.rateCents);
    if (low) return { lower: low.rateCents, higher: high.rateCents };
  }
  return null;
}
