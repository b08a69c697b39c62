/**
 * The back-wage engine's public data model. Everything here is plain data (JSON-serialisable),
 * so rule sets can be stored, versioned and added by an agency without a code change, and the
 * investigation service can validate uploads with the zod schemas in `schemas.ts`.
 *
 * Units: money in integer cents; hours as decimal hours with at most two decimals (8.25, not
 * 8h15m), which the engine turns into integer hundredths of an hour; dates "YYYY-MM-DD".
 */
import type { Cents, IsoDate, WorkweekStart } from '@lse/domain';

// ---------------------------------------------------------------------------------------------
// Rule sets
// ---------------------------------------------------------------------------------------------

/** One row of an effective-dated minimum wage table: the rate applies from `from` onwards. */
export interface MinimumWageEntry {
  from: IsoDate;
  centsPerHour: number;
  /** Citation or note, shown in the trace. */
  source?: string;
}

/**
 * An overtime tier: hours beyond `afterHours` (in the day, the week, or the seventh day) are paid
 * at `multiplier` times the regular rate. Multipliers are multiples of 0.25 (1.5, 2).
 */
export interface OvertimeTier {
  afterHours: number;
  multiplier: number;
}

export interface OvertimeRules {
  /** Hours over `afterHours` in the workweek, not already counted as daily overtime. */
  weekly: (OvertimeTier & { id: string; source?: string }) | null;
  /** Daily tiers, ascending by `afterHours` (California: over 8 x1.5, over 12 x2). Empty: none. */
  daily: { id: string; source?: string; tiers: OvertimeTier[] } | null;
  /**
   * The seventh consecutive day of work in a workweek (all seven days worked): its tiers replace
   * the daily tiers on that day (California: first 8 hours x1.5 -> afterHours 0, over 8 x2).
   */
  seventhConsecutiveDay: { id: string; source?: string; tiers: OvertimeTier[] } | null;
}

export type LiquidatedDamagesBasis =
  /** FLSA 216(b): an additional equal amount of unpaid minimum wages and unpaid overtime. */
  | 'minimum_wage_and_overtime'
  /** California Labor Code 1194.2: equal to unpaid minimum wages (interest not computed here). */
  | 'minimum_wage'
  | 'none';

/**
 * How a weekly salary enters the regular rate when the rule set says so (California Labor Code
 * 515(d): 1/40 of the weekly salary of a full-time salaried non-exempt employee, and the salary
 * pays only the non-overtime hours). Without it, the federal readings apply: a salary for a fixed
 * number of hours (29 CFR 778.113) or the fluctuating workweek (778.114).
 */
export interface SalaryRegularRateRule {
  id: string;
  /** The regular rate is the weekly salary divided by this many hours. */
  salaryDivisorHours: number;
  source?: string;
}

export interface RuleSet {
  /** Stable identifier, e.g. "US-FLSA", "US-CA". */
  id: string;
  /** e.g. "US" or "US-CA" (ISO 3166-2 style). */
  jurisdiction: string;
  /** Version of the data; recorded with every computed figure. Change it when any number changes. */
  version: string;
  name: string;
  minimumWage: { id: string; table: MinimumWageEntry[] };
  overtime: OvertimeRules;
  /** Years back from the filing date; `willfulYears` when the violation was willful. */
  limitation: { id: string; years: number; willfulYears: number; source?: string };
  liquidatedDamages: { id: string; basis: LiquidatedDamagesBasis; source?: string };
  /** A state's own regular-rate rule for salaried workers; absent or null: the federal readings. */
  salaryRegularRate?: SalaryRegularRateRule | null;
}

// ---------------------------------------------------------------------------------------------
// Input records
// ---------------------------------------------------------------------------------------------

/**
 * What the employer paid for the workweek, by component. All amounts are what was actually
 * paid for THIS workweek (including anything paid later for it).
 *
 * - `hourly`: straight-time hourly pay, `rateCents` for `hours` paid hours. The agreed rate
 *   (hours-weighted across hourly lines) is the hourly part of the regular rate. Hours worked
 *   but not paid (hours per day sum > paid hours, with no piece or salary pay covering them) are
 *   unpaid hours: in overtime they are owed in full, otherwise up to the minimum wage.
 *   An overtime premium that was paid goes in `overtime_premium`, not in a second hourly line:
 *   $20 straight + $30 for 10 overtime hours is hourly 20.00 x 50 h + overtime_premium $100.
 * - `piece`: piece earnings for the week; deemed to pay straight time for all hours worked
 *   (29 CFR 778.111).
 * - `salary`: a salary for the week, deemed to cover all hours worked: the fluctuating workweek
 *   (29 CFR 778.114), regular rate = salary / hours worked, half time owed for overtime hours.
 * - `salary_fixed_hours`: a salary meant to pay a fixed number of hours (`hours`, e.g. 40):
 *   regular rate = salary / those hours (29 CFR 778.113), hours beyond them are not paid by it,
 *   so each overtime hour is owed at 1.5x that rate.
 * - `bonus`: a non-discretionary bonus attributable to this workweek (part of the regular rate).
 * - `overtime_premium`: premium pay for overtime hours; excluded from the regular rate and
 *   credited against overtime due (29 CFR 778.202).
 * - `makeup`: paid afterwards to make up a minimum wage shortfall; credited against the minimum
 *   wage test, not part of the regular rate.
 */
export type PayComponent =
  | { kind: 'hourly'; rateCents: number; hours: number }
  | { kind: 'piece'; cents: number }
  | { kind: 'salary'; cents: number }
  | { kind: 'salary_fixed_hours'; cents: number; hours: number }
  | { kind: 'bonus'; cents: number }
  | { kind: 'overtime_premium'; cents: number }
  | { kind: 'makeup'; cents: number };

export type PayKind = PayComponent['kind'];

export interface WorkweekRecord {
  workerId: string;
  /** First day of the employer's workweek; the week is identified by it. */
  weekStart: IsoDate;
  /** Hours worked on each of the seven days, index 0 = weekStart. Decimal, two places at most. */
  hours: number[];
  pay: PayComponent[];
  /** The payday for this week, when known; the limitation window counts from it (else week end). */
  payday?: IsoDate;
}

/** A worker in the computation. No personal data is needed: the id links to the case file. */
export interface Worker {
  id: string;
}

export interface BackWageInput {
  /** Every rule set that applies (e.g. FLSA and California); each week takes the most generous. */
  ruleSets: RuleSet[];
  /** The filing date the limitation window counts back from. */
  filingDate: IsoDate;
  willful: boolean;
  workers: Worker[];
  records: WorkweekRecord[];
  /**
   * The day the employer's workweek starts (29 CFR 778.105); when given, every record's
   * `weekStart` must fall on it. Overlapping weeks of one worker are refused either way.
   */
  workweekStart?: WorkweekStart;
}

export interface ComputeOptions {
  /**
   * `eager` (default) builds each week's trace during the computation; `lazy` builds it the
   * first time `week.trace` is read (same content, much faster for large computations).
   */
  trace?: 'eager' | 'lazy';
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** The figures owed, in integer cents, each rounded once (see rounding.ts). */
export interface Figures {
  minimumWageShortfall: Cents;
  /** Overtime still owed: the premium and, for unpaid overtime hours, their straight time too. */
  overtimeDue: Cents;
  /** Back wages: minimumWageShortfall + overtimeDue. */
  unpaidWages: Cents;
  liquidatedDamages: Cents;
  /** unpaidWages + liquidatedDamages. */
  total: Cents;
}

export type TraceFigure =
  | 'hoursWorked'
  | 'overtimeHours'
  | 'regularRate'
  | 'minimumWage'
  | 'minimumWageShortfall'
  | 'overtimeDue'
  | 'unpaidWages'
  | 'liquidatedDamages'
  | 'total'
  | 'ruleSetChosen'
  /** A question for the investigator: the figures follow one reading of the records. */
  | 'warning';

/** One step of the explanation of a week's figures. */
export interface TraceStep {
  figure: TraceFigure;
  /** The rule applied, e.g. "FLSA.overtime.weekly", and the version of its rule set. */
  ruleId: string;
  ruleSetVersion: string;
  /** The rate used, in cents per hour as an exact decimal or fraction, e.g. "1000", "2225/3". */
  rate?: string;
  /** Hours the step applies to (decimal hours). */
  hours?: number;
  /** Human-readable formula with the numbers filled in. */
  formula: string;
  /** The resulting amount in cents, where the step yields money (rounded figures only at the end). */
  amount?: Cents;
}

export interface WorkweekResult extends Figures {
  workerId: string;
  weekStart: IsoDate;
  /** The rule set whose result was used (the most generous of those in their windows). */
  ruleSetId: string;
  ruleSetVersion: string;
  hoursWorked: number;
  /** The regular rate used (after the minimum wage floor), cents per hour, exact: "1000", "2225/3". */
  regularRate: string;
  trace: TraceStep[];
}

export interface ExcludedWorkweek {
  workerId: string;
  weekStart: IsoDate;
  /** The date the limitation counts from (payday or week end). */
  accrued: IsoDate;
  reason: string;
}

export interface WorkerBackWages {
  workerId: string;
  weeks: WorkweekResult[];
  excluded: ExcludedWorkweek[];
  totals: Figures;
}

export interface BackWageResult {
  filingDate: IsoDate;
  willful: boolean;
  ruleSets: { id: string; version: string }[];
  /** The one rounding rule, stated with the result. */
  rounding: string;
  workers: WorkerBackWages[];
  excluded: ExcludedWorkweek[];
  totals: Figures;
}
