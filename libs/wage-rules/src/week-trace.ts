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
}

export function explainWeek(
  trace: TraceStep[],
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  out: WeekFigures,
  { minimumWage, detail, rawN, rawD, floored, credit, ot, Go }: WeekWorking,
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
  if (wk.P > 0) {
    const agreed = wk.singleRate >= 0 ? rateDollars(wk.singleRate, 1) : rateDollars(wk.A, wk.P);
    parts.push(`hourly: agreed rate ${agreed} x ${hoursText(W)} h`);
  }
  if (wk.piece) parts.push(`piece ${dollars(wk.piece)}`);
  if (wk.salary) parts.push(`salary ${dollars(wk.salary)}`);
  if (wk.bonus) parts.push(`non-discretionary bonus ${dollars(wk.bonus)}`);
  if (parts.length === 0) parts.push('no pay $0.00');
  trace.push({
    figure: 'regularRate',
    ruleId: `${rules.id}.regular_rate`,
    ...at,
    rate: rateText(rawN, rawD),
    hours: W / 100,
    formula:
      W === 0
        ? 'no hours worked'
        : `(${parts.join(' + ')}) / ${hoursText(W)} h = ${rateDollars(rawN, rawD)} (29 CFR 778.109)`,
  });
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
