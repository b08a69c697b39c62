/**
 * Workweek assembly: a record's hours and pay reduced to integers (notation: workweek.ts), every
 * number checked on the way.
 */
import { ValidationError, type IsoDate } from '@lse/domain';
import type { WorkweekRecord } from './model';
import { hasTwoDecimalsAtMost } from './schemas';

/** A record reduced to integers; shared by every rule set evaluated for the week. */
export interface PreparedWeek {
  record: WorkweekRecord;
  weekEnd: IsoDate;
  days: number[];
  W: number;
  P: number;
  A: number;
  /** The one hourly rate when all rate lines (hourly, fixed-hours salary) share it, else -1. */
  singleRate: number;
  /** The hourly lines alone (A, P without fixed-hours salaries), for the trace. */
  hourlyRate: number;
  /** Fixed-hours salaries (29 CFR 778.113): cents and the hours they pay (1/100 h); in A and P. */
  fixedCents: number;
  fixedHours: number;
  piece: number;
  /** Fluctuating-workweek salary (29 CFR 778.114). */
  salary: number;
  hasSalary: boolean;
  hasPiece: boolean;
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
    hourlyRate: -1,
    fixedCents: 0,
    fixedHours: 0,
    piece: 0,
    salary: 0,
    hasSalary: false,
    hasPiece: false,
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
  let hourlyRate = -2;
  let fixedCents = 0;
  let fixedHours = 0;
  let hasSalary = false;
  let hasPiece = false;
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
        hourlyRate = hourlyRate === -2 || hourlyRate === r ? r : -1;
        break;
      }
      case 'salary_fixed_hours': {
        // 29 CFR 778.113: it pays `hours` at salary / hours, like an hourly line at that rate.
        const s = centsOf(c.cents, 'salary_fixed_hours cents', record);
        const h = hundredths(c.hours, 'salary_fixed_hours hours', 168, record);
        if (h === 0) hundredths(-1, 'salary_fixed_hours hours', 168, record); // throws: must pay some hours
        P += h;
        A += 100 * s;
        rate = -1;
        fixedCents += s;
        fixedHours += h;
        break;
      }
      case 'piece':
        piece += centsOf(c.cents, 'piece cents', record);
        coversAllHours = true;
        hasPiece = true;
        break;
      case 'salary':
        salary += centsOf(c.cents, 'salary cents', record);
        coversAllHours = true;
        hasSalary = true;
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
  into.hourlyRate = hourlyRate === -2 ? -1 : hourlyRate;
  into.fixedCents = fixedCents;
  into.fixedHours = fixedHours;
  into.piece = piece;
  into.salary = salary;
  into.hasSalary = hasSalary;
  into.hasPiece = hasPiece;
  into.bonus = bonus;
  into.makeup = makeup;
  into.premiumPaid = premiumPaid;
  into.coversAllHours = coversAllHours;
  return into;
}
