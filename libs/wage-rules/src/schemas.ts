/**
 * zod schemas for the engine's input, so uploads (JSON, CSV rows) and agency rule sets are
 * validated against the same definitions the engine uses. `parseBackWageInput` is the checked
 * entry point; `computeBackWages` itself re-checks only what it needs, cheaply.
 */
import { isIsoDate, WEEKDAYS } from '@lse/domain';
import { z } from 'zod';
import type { BackWageInput, PayComponent, RuleSet, WorkweekRecord } from './model';

/** True when `value` has at most two decimals (8.25 yes, 8.333 no), tolerant of float noise. */
export function hasTwoDecimalsAtMost(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** A multiplier must be a whole number of quarters (1.25, 1.5, 2). */
export function isWholeQuarters(value: number): boolean {
  return Math.abs(value * 4 - Math.round(value * 4)) < 1e-9;
}

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

const centsField = z.number().int().min(0).max(100_000_000_00);
const hoursField = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine(hasTwoDecimalsAtMost, { message: 'at most two decimals (hundredths of an hour)' });

export const PayComponentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hourly'),
    rateCents: z.number().int().min(0).max(10_000_00),
    hours: hoursField(168),
  }),
  z.object({ kind: z.literal('piece'), cents: centsField }),
  z.object({ kind: z.literal('salary'), cents: centsField }),
  z.object({
    kind: z.literal('salary_fixed_hours'),
    cents: centsField,
    hours: hoursField(168).refine((h) => h > 0, {
      message: 'the hours the salary is meant to pay, more than 0',
    }),
  }),
  z.object({ kind: z.literal('bonus'), cents: centsField }),
  z.object({ kind: z.literal('overtime_premium'), cents: centsField }),
  z.object({ kind: z.literal('makeup'), cents: centsField }),
]);

export const WorkweekRecordSchema = z.object({
  workerId: z.string().min(1).max(200),
  weekStart: IsoDateSchema,
  hours: z.array(hoursField(24)).length(7),
  pay: z.array(PayComponentSchema).max(50),
  payday: IsoDateSchema.optional(),
});

export const WorkerSchema = z.object({ id: z.string().min(1).max(200) });

const tierSchema = z.object({
  afterHours: z.number().min(0).max(168).refine(hasTwoDecimalsAtMost),
  multiplier: z.number().min(1).max(10).refine(isWholeQuarters, { message: 'a multiple of 0.25' }),
});
const ascending = (tiers: { afterHours: number }[]) =>
  tiers.every((t, i) => i === 0 || t.afterHours > tiers[i - 1].afterHours);
const dailyRuleSchema = z.object({
  id: z.string().min(1),
  source: z.string().optional(),
  tiers: z.array(tierSchema).min(1).refine(ascending, { message: 'tiers ascending by afterHours' }),
});

export const RuleSetSchema = z.object({
  id: z.string().min(1),
  jurisdiction: z.string().min(1),
  version: z.string().min(1),
  name: z.string().min(1),
  minimumWage: z.object({
    id: z.string().min(1),
    table: z
      .array(
        z.object({
          from: IsoDateSchema,
          centsPerHour: z.number().int().min(0),
          source: z.string().optional(),
        }),
      )
      .min(1)
      .refine((rows) => rows.every((r, i) => i === 0 || r.from > rows[i - 1].from), {
        message: 'minimum wage table ascending by date',
      }),
  }),
  overtime: z.object({
    weekly: tierSchema.extend({ id: z.string().min(1), source: z.string().optional() }).nullable(),
    daily: dailyRuleSchema.nullable(),
    seventhConsecutiveDay: dailyRuleSchema.nullable(),
  }),
  limitation: z.object({
    id: z.string().min(1),
    years: z.number().int().min(0).max(100),
    willfulYears: z.number().int().min(0).max(100),
    source: z.string().optional(),
  }),
  liquidatedDamages: z.object({
    id: z.string().min(1),
    basis: z.enum(['minimum_wage_and_overtime', 'minimum_wage', 'none']),
    source: z.string().optional(),
  }),
  salaryRegularRate: z
    .object({
      id: z.string().min(1),
      salaryDivisorHours: z.number().gt(0).max(168).refine(hasTwoDecimalsAtMost),
      source: z.string().optional(),
    })
    .nullable()
    .optional(),
});

export const BackWageInputSchema = z.object({
  ruleSets: z.array(RuleSetSchema).min(1),
  filingDate: IsoDateSchema,
  willful: z.boolean(),
  workers: z.array(WorkerSchema),
  records: z.array(WorkweekRecordSchema),
  workweekStart: z.enum(WEEKDAYS).optional(),
});

/** Parses unknown JSON into a checked input (throws a ZodError naming the path of each problem). */
export function parseBackWageInput(value: unknown): BackWageInput {
  return BackWageInputSchema.parse(value);
}

// The schemas and the hand-written model must describe the same shapes (checked by tsc).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemasMatchModel = [
  Assert<Same<z.output<typeof WorkweekRecordSchema>, WorkweekRecord>>,
  Assert<Same<z.output<typeof PayComponentSchema>, PayComponent>>,
  Assert<Same<z.output<typeof RuleSetSchema>, RuleSet>>,
];
