import { WEEKDAYS } from '@lse/domain';
import { z } from 'zod';
import { commercial, deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, text, uuid } from '../fields';
import { INVESTIGATION_CATEGORY, RuleSetRefSchema } from './parts';
import { sha256Hex } from './fieldwork';

/** Hours worked in one day: 0 to 24, in hundredths of an hour at most. */
export const dayHours = () =>
  z
    .number()
    .min(0)
    .max(24)
    .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, {
      message: 'expected hours with at most two decimals',
    });

export const RECORD_SOURCES = ['employer_payroll', 'worker_records', 'investigator_reconstruction'] as const;

/** A worker named in hours records: identity and contact are personal. */
export const RecordedWorkerSchema = z.strictObject({
  workerId: personal(uuid()),
  name: personal(text(200)),
});
export type RecordedWorker = z.infer<typeof RecordedWorkerSchema>;

/**
 * What was paid for one workweek, by component, in integer cents (the shape `@lse/wage-rules`
 * takes): `hourly` is straight-time pay of `rateCents` for `hours` paid hours; piece, salary and
 * non-discretionary bonus count towards the regular rate (29 CFR 778.108); an overtime premium
 * paid and a later make-up payment are credited, not part of the regular rate.
 */
export const PayComponentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hourly'),
    rateCents: z.int().min(0).max(1_000_000),
    hours: z
      .number()
      .min(0)
      .max(168)
      .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, {
        message: 'expected hours with at most two decimals',
      }),
  }),
  z.strictObject({ kind: z.literal('piece'), cents: z.int().nonnegative() }),
  // A salary for the workweek, covering all hours worked: the fluctuating workweek (29 CFR 778.114).
  z.strictObject({ kind: z.literal('salary'), cents: z.int().nonnegative() }),
  // A salary meant to pay a fixed number of hours (29 CFR 778.113): regular rate = cents / hours.
  z.strictObject({
    kind: z.literal('salary_fixed_hours'),
    cents: z.int().nonnegative(),
    hours: z
      .number()
      .gt(0)
      .max(168)
      .refine((h) => Math.abs(Math.round(h * 100) - h * 100) < 1e-6, {
        message: 'expected hours with at most two decimals',
      }),
  }),
  z.strictObject({ kind: z.literal('bonus'), cents: z.int().nonnegative() }),
  z.strictObject({ kind: z.literal('overtime_premium'), cents: z.int().nonnegative() }),
  z.strictObject({ kind: z.literal('makeup'), cents: z.int().nonnegative() }),
]);
export type PayComponent = z.infer<typeof PayComponentSchema>;

/**
 * One worker's workweek: `hours[0]` is the workweek's first day (`weekStart`). Each week stands
 * alone (29 CFR 778.104). Payroll obtained from the employer is commercial, (b)(4).
 */
export const WorkweekRecordSchema = z.strictObject({
  workerId: personal(uuid()),
  weekStart: pub(isoDate()),
  hours: commercial(z.array(dayHours()).length(7)),
  pay: commercial(z.array(PayComponentSchema).max(50)),
  // The limitation window counts from the payday (else the week's end).
  payday: pub(isoDate()).optional(),
});
export type WorkweekRecord = z.infer<typeof WorkweekRecordSchema>;

/** Upper bound of one upload: larger payrolls are sent in several record sets. */
export const MAX_WORKWEEK_RECORDS = 5000;

export const HoursAndWagesRecorded = defineEvent({
  type: 'HoursAndWagesRecorded',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      recordSetId: pub(uuid()),
      source: pub(z.enum(RECORD_SOURCES)),
      // The employer whose payroll this is, when known.
      employerId: pub(uuid()).optional(),
      // The employer's workweek start day, when stated; every record's week starts on it.
      workweekStart: pub(z.enum(WEEKDAYS)).optional(),
      // The uploaded file, when it was kept as evidence too.
      evidenceId: pub(uuid()).optional(),
      workers: z.array(RecordedWorkerSchema).min(1).max(MAX_WORKWEEK_RECORDS),
      records: z.array(WorkweekRecordSchema).min(1).max(MAX_WORKWEEK_RECORDS),
      note: deliberative(text(4000)).optional(),
    })
    .superRefine((d, ctx) => {
      const known = new Set(d.workers.map((w) => w.workerId));
      const seenWorkers = new Set<string>();
      d.workers.forEach((w, i) => {
        if (seenWorkers.has(w.workerId))
          ctx.addIssue({ code: 'custom', path: ['workers', i, 'workerId'], message: 'duplicate workerId' });
        seenWorkers.add(w.workerId);
      });
      const seenWeeks = new Set<string>();
      d.records.forEach((r, i) => {
        if (!known.has(r.workerId))
          ctx.addIssue({
            code: 'custom',
            path: ['records', i, 'workerId'],
            message: 'worker not listed in workers',
          });
        const key = `${r.workerId}/${r.weekStart}`;
        if (seenWeeks.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['records', i, 'weekStart'],
            message: 'this worker already has a record for this workweek',
          });
        seenWeeks.add(key);
      });
    }),
});
export type HoursAndWagesRecorded = z.infer<typeof HoursAndWagesRecorded.schema>;

/** Amounts of one workweek or one worker, in integer cents (rounded once per workweek, half up). */
const amounts = {
  minimumWageCents: pub(z.int().nonnegative()),
  overtimeCents: pub(z.int().nonnegative()),
  /** Minimum wage + overtime + straight-time wages not paid: what the employer must pay back. */
  unpaidWagesCents: pub(z.int().nonnegative()),
  liquidatedDamagesCents: pub(z.int().nonnegative()),
  totalCents: pub(z.int().nonnegative()),
};

export const WeekAmountsSchema = z.strictObject({
  weekStart: pub(isoDate()),
  // The rule set whose result was used: the most generous of those that apply.
  ruleSetId: pub(z.string().min(1).max(64)),
  ...amounts,
});
export type WeekAmounts = z.infer<typeof WeekAmountsSchema>;

export const WorkerBackWagesSchema = z.strictObject({
  workerId: personal(uuid()),
  ...amounts,
  weeks: z.array(WeekAmountsSchema),
});
export type WorkerBackWages = z.infer<typeof WorkerBackWagesSchema>;

/**
 * A run of `computeBackWages` over the recorded hours. The figures per worker and workweek are
 * here; the trace explaining each one is recomputed on request from the same inputs and rule-set
 * version and checked against `traceSha256`. When the figures are too many for one event (about
 * 5,000 workweeks; each event must stay relayable as one NATS message), the first workers' are
 * here and the rest follow in `BackWageFiguresContinued` events of the same append: `figureEvents`
 * says how many events carry figures, this one included (absent: only this one).
 */
export const BackWagesComputed = defineEvent({
  type: 'BackWagesComputed',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    computationId: pub(uuid()),
    // A re-run of that computation under newer rule-set versions (same hours and dates).
    rerunOf: pub(uuid()).optional(),
    ruleSets: z.array(RuleSetRefSchema).min(1).max(10),
    recordSetIds: pub(z.array(uuid()).min(1)),
    filingDate: pub(isoDate()),
    // A preliminary view of willfulness (it lengthens the window): pre-decisional.
    willful: deliberative(z.boolean()),
    // Workweeks outside the limitation window: not owed, listed in the trace.
    excludedWorkweeks: pub(z.int().nonnegative()),
    workers: z.array(WorkerBackWagesSchema),
    figureEvents: pub(z.int().min(2)).optional(),
    totals: z.strictObject(amounts),
    traceSha256: pub(sha256Hex()),
  }),
});
export type BackWagesComputed = z.infer<typeof BackWagesComputed.schema>;

/**
 * More workers' figures of a computation whose figures did not fit its `BackWagesComputed`:
 * appended with it, in `part` order (2 up to its `figureEvents`); each worker is in exactly one.
 */
export const BackWageFiguresContinued = defineEvent({
  type: 'BackWageFiguresContinued',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    computationId: pub(uuid()),
    part: pub(z.int().min(2)),
    workers: z.array(WorkerBackWagesSchema).min(1),
  }),
});
export type BackWageFiguresContinued = z.infer<typeof BackWageFiguresContinued.schema>;
