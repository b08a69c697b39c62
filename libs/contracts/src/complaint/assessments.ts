import { z } from 'zod';
import { daysBetween } from '@lse/domain';
import { commercial, deliberative, enforcementSensitive, pub } from '../classification';
import { defineEvent } from '../registry';
import { centsAmount, isoDate, statute, text } from '../fields';
import { COMPLAINT_CATEGORY, PRIORITIES } from './parts';

export const JurisdictionAssessed = defineEvent({
  type: 'JurisdictionAssessed',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      inJurisdiction: pub(z.boolean()),
      statutes: pub(z.array(statute()).max(20)),
      reason: deliberative(text(2000)),
      // The conclusion is public; the revenue behind it is the employer's financial data.
      coveredEnterprise: pub(z.boolean()).optional(),
      annualDollarVolumeCents: commercial(centsAmount()).optional(),
    })
    .refine((d) => !d.inJurisdiction || d.statutes.length > 0, {
      message: 'in jurisdiction under which statute?',
      path: ['statutes'],
    }),
});
export type JurisdictionAssessed = z.infer<typeof JurisdictionAssessed.schema>;

/** Below this many days left, intake is warned that the oldest wages are about to fall out. */
export const LIMITATIONS_WARNING_DAYS = 90;

export const LimitationsAssessed = defineEvent({
  type: 'LimitationsAssessed',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      statute: pub(statute()),
      periodYears: pub(z.int().min(1).max(10)),
      // A preliminary view of the employer's willfulness, pre-decisional until a determination.
      willful: deliberative(z.boolean()),
      assessedOn: pub(isoDate()),
      earliestRecoverableDate: pub(isoDate()),
      /** When the oldest alleged wages still recoverable fall outside the period. */
      expiresOn: pub(isoDate()),
      daysRemaining: pub(z.int()),
      warning: pub(z.enum(['expiring_soon', 'expired'])).optional(),
    })
    .superRefine((d, ctx) => {
      if (d.daysRemaining !== daysBetween(d.assessedOn, d.expiresOn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['daysRemaining'],
          message: 'must be the days from assessedOn to expiresOn',
        });
      }
      const expected =
        d.daysRemaining < 0
          ? 'expired'
          : d.daysRemaining < LIMITATIONS_WARNING_DAYS
            ? 'expiring_soon'
            : undefined;
      if (d.warning !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['warning'],
          message: `expected ${expected ?? 'no warning'} for ${d.daysRemaining} days`,
        });
      }
    }),
});
export type LimitationsAssessed = z.infer<typeof LimitationsAssessed.schema>;

/*
 * How the agency ranks complaints is an enforcement guideline ((b)(7)(E)) and, while the case is
 * open, tells the employer how hard it is pursued ((b)(7)(A)); the explanations are staff reasoning.
 */
export const TriageScored = defineEvent({
  type: 'TriageScored',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    score: enforcementSensitive(z.int().min(0).max(100)),
    priority: enforcementSensitive(z.enum(PRIORITIES)),
    factors: z
      .array(
        z.strictObject({
          // e.g. workers_affected, ongoing, repeat_violator, high_violation_industry, limitations_remaining
          factor: enforcementSensitive(
            z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case factor name'),
          ),
          points: enforcementSensitive(z.int().min(-100).max(100)),
          explanation: deliberative(text(1000)),
        }),
      )
      .min(1),
  }),
});
export type TriageScored = z.infer<typeof TriageScored.schema>;
