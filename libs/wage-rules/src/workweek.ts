/**
 * One workweek under one rule set. Each workweek stands alone (29 CFR 778.104): nothing here
 * sees any other week. All quantities are integers (see rounding.ts):
 *   W, P, G, Go      hours worked, hourly hours paid, unpaid hours, unpaid overtime hours (1/100 h)
 *   A                sum of hourly rate x paid hours (1/100 cent)
 *   other            piece + salary + bonus (cents)
 *   rrN / rrD        regular rate, cents per hour, exact fraction
 *   premQ            sum over overtime hours of (multiplier - 1) in quarters x hours
 */
import { ValidationError, type IsoDate } from '@lse/domain';
import type { CompiledRuleSet } from './compile';
import type { MinimumWageEntry, TraceStep, WorkweekRecord } from './model';
import { dollars, hoursText, rateDollars, rateText, roundedOwed } from './rounding';
import { hasTwoDecimalsAtMost } from './schemas';

/** A record reduced to integers; shared by every rule set evaluated for the week. */
export interface PreparedWeek {
  record: WorkweekRecord;
  weekEnd: IsoDate;
  days: number[];
  W: number;
  P: number;
  A: number;
  /** The one hourly rate when all hourly lines share it, else -1. */
  singleRate: number;
  piece: number;
  salary: number;
  bonus: number;
  makeup: number;
  premiumPaid: number;
  /** Piece or salary pay is deemed to pay straight time for every hour worked. */
  coversAllHours: boolean;
}

export function newPreparedWeek(): PreparedWeek {
  return {
    record: undefined as unknown as WorkweekRecord,
    weekEnd: '' as IsoDate,
    days: [0, 0, 0, 0, 0, 0, 0],
    W: 0,
    P: 0,
    A: 0,
    singleRate: -1,
    piece: 0,
    salary: 0,
    bonus: 0,
    makeup: 0,
    premiumPaid: 0,
    coversAllHours: false,
  };
}

const DAY_FIELDS = [0, 1, 2, 3, 4, 5, 6].map((d) => `hours[${d}]`);

function hundredths(value: unknown, what: string, max: number, record: WorkweekRecord): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= max) || !hasTwoDecimalsAtMost(value)) {
    throw new ValidationError(
      `worker ${record.workerId}, week ${record.weekStart}: ${what} must be 0..${max} with at most two decimals`,
      { workerId: record.workerId, weekStart: record.weekStart, field: what },
    );
  }
  return Math.round(value * 100);
}

function centsOf(value: unknown, what: string, record: WorkweekRecord): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(
      `worker ${record.workerId}, week ${record.weekStart}: ${what} must be a whole, non-negative number of cents`,
      { workerId: record.workerId, weekStart: record.weekStart, field: what },
    );
  }
  return value;
}

/** Fills `into` from `record` (reused across weeks to avoid allocation), checking every number. */
export function prepareWeek(record: WorkweekRecord, weekEnd: IsoDate, into: PreparedWeek): PreparedWeek {
  const hours = record.hours;
  if (!Array.isArray(hours) || hours.length !== 7) {
    throw new ValidationError(`worker ${record.workerId}, week ${record.weekStart}: hours must list 7 days`, {
      workerId: record.workerId,
      weekStart: record.weekStart,
      field: 'hours',
    });
  }
  let W = 0;
  for (let d = 0; d < 7; d++) {
    // Checked inline: passing a fractional hour to a function would box it (1.5 million weeks).
    const v: unknown = hours[d];
    const x = (v as number) * 100;
    const h = Math.round(x);
    if (typeof v !== 'number' || !(v >= 0 && v <= 24) || Math.abs(x - h) >= 1e-6) {
      hundredths(v, DAY_FIELDS[d], 24, record); // throws the explanation
    }
    into.days[d] = h;
    W += h;
  }
  let P = 0;
  let A = 0;
  let rate = -2;
  let piece = 0;
  let salary = 0;
  let bonus = 0;
  let makeup = 0;
  let premiumPaid = 0;
  let coversAllHours = false;
  const components = record.pay;
  for (let i = 0; i < components.length; i++) {
    const c = components[i];
    switch (c.kind) {
      case 'hourly': {
        const r = centsOf(c.rateCents, 'hourly rateCents', record);
        const h = hundredths(c.hours, 'hourly hours', 168, record);
        P += h;
        A += r * h;
        rate = rate === -2 || rate === r ? r : -1;
        break;
      }
      case 'piece':
        piece += centsOf(c.cents, 'piece cents', record);
        coversAllHours = true;
        break;
      case 'salary':
        salary += centsOf(c.cents, 'salary cents', record);
        coversAllHours = true;
        break;
      case 'bonus':
        bonus += centsOf(c.cents, 'bonus cents', record);
        break;
      case 'overtime_premium':
        premiumPaid += centsOf(c.cents, 'overtime_premium cents', record);
        break;
      case 'makeup':
        makeup += centsOf(c.cents, 'makeup cents', record);
        break;
      default:
        throw new ValidationError(
          `worker ${record.workerId}, week ${record.weekStart}: unknown pay component ${(c as { kind: string }).kind}`,
          { workerId: record.workerId, weekStart: record.weekStart, field: 'pay' },
        );
    }
  }
  into.record = record;
  into.weekEnd = weekEnd;
  into.W = W;
  into.P = P;
  into.A = A;
  into.singleRate = rate === -2 ? -1 : rate;
  into.piece = piece;
  into.salary = salary;
  into.bonus = bonus;
  into.makeup = makeup;
  into.premiumPaid = premiumPaid;
  into.coversAllHours = coversAllHours;
  return into;
}

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
  return { minimumWageShortfall: 0, overtimeDue: 0, liquidatedDamages: 0, unpaidWages: 0, total: 0, rrN: 0, rrD: 1 };
}

/** Overtime hours by rule, collected only when a trace is wanted. */
interface OvertimeDetail {
  ruleId: string;
  label: string;
  quarters: number;
  hours: number;
}

export function evaluateWeek(
  rs: CompiledRuleSet,
  wk: PreparedWeek,
  out: WeekFigures,
  trace: TraceStep[] | null,
  minimumWage: MinimumWageEntry = rs.minimumWageFor(wk.record.weekStart, wk.weekEnd),
): WeekFigures {
  const days = wk.days;
  const W = wk.W;
  const rules = rs.source;
  const version = rules.version;
  const detail: OvertimeDetail[] | null = trace ? [] : null;

  // Overtime hours: daily tiers (or the seventh-day tiers on the seventh consecutive day), then
  // weekly overtime on the straight-time hours left.
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

  // Unpaid hours: worked but neither paid by the hour nor covered by piece or salary pay. They are
  // taken to be the overtime hours first (Go), whose straight time is then owed with the premium.
  const G = wk.coversAllHours || W <= wk.P ? 0 : W - wk.P;
  const Go = G < ot ? G : ot;
  const other = wk.piece + wk.salary + wk.bonus;

  // Regular rate: the agreed hourly rate (hours-weighted, 29 CFR 778.110, 778.115) plus piece,
  // salary and bonus pay spread over the hours worked (778.109-111). Hourly lines count at their
  // rate whether they paid fewer hours than were worked (the rest is unpaid time at that rate)
  // or more (pay for hours not worked is not part of the regular rate, 778.218).
  let rrN: number;
  let rrD: number;
  if (W === 0) {
    rrN = 0;
    rrD = 1;
  } else if (wk.P > 0) {
    if (wk.singleRate >= 0) {
      rrN = wk.singleRate * W + 100 * other;
      rrD = W;
    } else {
      rrN = wk.A * W + 100 * other * wk.P;
      rrD = W * wk.P;
    }
  } else {
    rrN = 100 * other;
    rrD = W;
  }
  const mw = minimumWage.centsPerHour;
  const rawN = rrN;
  const rawD = rrD;
  const floored = rrN < mw * rrD;
  if (floored) {
    rrN = mw;
    rrD = 1;
  }

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

  if (trace) {
    const at = { ruleSetVersion: version };
    const r = wk.record;
    trace.push({
      figure: 'hoursWorked',
      ruleId: `${rules.id}.workweek`,
      ...at,
      hours: W / 100,
      formula: `hours worked in the workweek of ${r.weekStart}: ${days.map(hoursText).join(' + ')} = ${hoursText(W)} h`,
    });
    if (detail!.length === 0) {
      trace.push({
        figure: 'overtimeHours',
        ruleId: rules.overtime.weekly?.id ?? rules.overtime.daily?.id ?? `${rules.id}.overtime`,
        ...at,
        hours: 0,
        formula: 'no overtime hours',
      });
    }
    for (const o of detail!) {
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
        (floored && W > 0 ? `; the regular rate is below it, so overtime is computed on ${rateDollars(mw, 1)}` : ''),
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
    for (const o of detail!) byQ.set(o.quarters, (byQ.get(o.quarters) ?? 0) + o.hours);
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
  return out;
}

function addDetail(detail: OvertimeDetail[], ruleId: string, label: string, quarters: number, hours: number) {
  const same = detail.find((o) => o.ruleId === ruleId && o.label === label && o.quarters === quarters);
  if (same) same.hours += hours;
  else detail.push({ ruleId, label, quarters, hours });
}

/** An amount in hundredths of a cent, as dollars (4 decimals only when not whole cents). */
function money100(value: number): string {
  return value % 100 === 0 ? dollars(value / 100) : `$${(value / 10000).toFixed(4)}`;
}
