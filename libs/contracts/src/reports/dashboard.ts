import { z } from 'zod';
import { CHANNELS } from '../complaint/parts';
import { isoDate, officeCode } from '../fields';

/*
 * The manager dashboard (GET /api/v1/reports/dashboard). Each service answers the part it owns
 * from its read models over NATS; the gateway puts the parts together. Only counts, durations and
 * sums: no case, employer or worker is named in any of it.
 */

export const REPORT_PATTERNS = {
  /** Intake volume, time from complaint to case opened, open investigations (intake's case index). */
  intakeDashboard: 'intake.dashboard',
  /** Back wages assessed, collected and disbursed, and the collection rate. */
  collectionsDashboard: 'collections.dashboard',
} as const;

/** A NAICS sector: the first two digits of the employer's code ("72", accommodation and food). */
export const naicsSector = () =>
  z.string().regex(/^\d{2}$/, 'expected a NAICS sector of two digits, like "72"');

export const DashboardQuery = z
  .strictObject({
    office: officeCode().optional(),
    industry: naicsSector().optional(),
    /** First and last day (UTC) of the period; both ends included. */
    from: isoDate().optional(),
    to: isoDate().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'the period ends before it starts',
    path: ['to'],
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Ages of open investigations, in days since the case was opened. */
export const INVESTIGATION_AGE_BUCKETS = ['0-30', '31-90', '91-180', '181-365', '365+'] as const;
export type InvestigationAgeBucket = (typeof INVESTIGATION_AGE_BUCKETS)[number];

const count = () => z.int().nonnegative();
const cents = () => z.int().nonnegative();
/** Days, to one decimal. */
const days = () => z.number().nonnegative();

export const IntakeGroupRow = z.object({
  group: z.string(),
  complaints: count().describe('Complaints received in the period'),
  casesOpened: count().describe('Cases opened in the period'),
});

export const IntakeDashboard = z.object({
  asOf: isoDate().describe('Open investigations are aged as of this day (UTC)'),
  byChannel: z.array(z.object({ channel: z.enum(CHANNELS), complaints: count() })),
  byLanguage: z.array(
    z.object({
      language: z
        .string()
        .describe("The first complainant's preferred language (primary subtag); `und` if not recorded"),
      complaints: count(),
    }),
  ),
  timeToOpen: z.object({
    cases: count().describe('Cases opened in the period'),
    medianDays: days().nullable(),
    p75Days: days().nullable(),
    p90Days: days().nullable(),
  }),
  openInvestigations: z.array(z.object({ bucket: z.enum(INVESTIGATION_AGE_BUCKETS), cases: count() })),
  byOffice: z.array(IntakeGroupRow),
  byIndustry: z.array(IntakeGroupRow.describe('group: a NAICS sector, or `unknown`')),
  targetedIndustries: z.array(z.object({ industry: z.string(), naicsPrefixes: z.array(z.string()) })),
});
export type IntakeDashboard = z.infer<typeof IntakeDashboard>;

export const MoneyRow = z.object({
  group: z.string(),
  cases: count().describe('Collection cases opened in the period'),
  assessedCents: cents(),
  collectedCents: cents(),
  disbursedCents: cents(),
  rate: z.number().nullable().describe('collected / assessed, to 4 decimals; null when nothing was assessed'),
});
export type MoneyRow = z.infer<typeof MoneyRow>;

export const CollectionsDashboard = z.object({
  totals: MoneyRow,
  byMonth: z.array(MoneyRow.describe('group: the month the collection case opened, YYYY-MM')),
  byOffice: z.array(MoneyRow),
  byIndustry: z.array(MoneyRow.describe('group: a NAICS sector, or `unknown`')),
});
export type CollectionsDashboard = z.infer<typeof CollectionsDashboard>;

/** The whole dashboard as the gateway answers it. */
export const Dashboard = z.object({
  asOf: isoDate().describe('Open investigations are aged as of this day (UTC)'),
  filters: DashboardQuery,
  intake: IntakeDashboard.pick({
    byChannel: true,
    byLanguage: true,
    timeToOpen: true,
    openInvestigations: true,
  }),
  collections: CollectionsDashboard.pick({ totals: true, byMonth: true }),
  byOffice: z.array(
    IntakeGroupRow.extend(MoneyRow.omit({ group: true, cases: true }).shape).extend({
      collectionCases: count(),
    }),
  ),
  byIndustry: z.array(
    IntakeGroupRow.extend(MoneyRow.omit({ group: true, cases: true }).shape).extend({
      collectionCases: count(),
      targeted: z
        .array(z.string())
        .describe("The targeted high-violation industries (intake's triage rules) inside this sector"),
    }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
