import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, statute, text, uuid } from '../fields';
import {
  INVESTIGATION_CATEGORY,
  LiableEmployerSchema,
  RuleSetRefSchema,
  WorkerAmountOwedSchema,
  staffId,
} from './parts';

/**
 * The investigator's proposal: which computation, findings and penalties it rests on. A later
 * proposal replaces one not yet approved.
 */
export const DeterminationProposed = defineEvent({
  type: 'DeterminationProposed',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    determinationId: pub(uuid()),
    proposedBy: personal(staffId()),
    computationId: pub(uuid()),
    violationIds: pub(z.array(uuid()).max(100)),
    penaltyIds: pub(z.array(uuid()).max(100)),
    employerIds: pub(z.array(uuid()).min(1).max(20)),
    // A recommendation to the supervisor: (b)(5).
    summary: deliberative(text(20000)),
  }),
});
export type DeterminationProposed = z.infer<typeof DeterminationProposed.schema>;

/** A supervisor who is not the proposing investigator approves (docs/architecture.md#invariants). */
export const DeterminationApproved = defineEvent({
  type: 'DeterminationApproved',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    determinationId: pub(uuid()),
    approvedBy: personal(staffId()),
    note: deliberative(text(4000)).optional(),
  }),
});
export type DeterminationApproved = z.infer<typeof DeterminationApproved.schema>;

export const CivilPenaltyOwedSchema = z.strictObject({
  penaltyId: pub(uuid()),
  employerId: pub(uuid()),
  amountCents: pub(z.int().positive()),
  statute: pub(statute()),
});

/**
 * The agency's determination, as served on the employers. Collections opens its case from this
 * event alone: who owes what to whom (integer cents), and under which rules it was computed.
 */
export const DeterminationIssued = defineEvent({
  type: 'DeterminationIssued',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      caseId: pub(uuid()),
      caseNumber: pub(z.string().regex(/^LSE-\d{4}-\d{6}$/)).optional(),
      determinationId: pub(uuid()),
      issuedAt: pub(instant()),
      computationId: pub(uuid()),
      ruleSets: z.array(RuleSetRefSchema).min(1).max(10),
      workers: z.array(WorkerAmountOwedSchema).max(100_000),
      civilPenalties: z.array(CivilPenaltyOwedSchema).max(100),
      // Jointly and severally liable for the whole amount.
      liableEmployers: z.array(LiableEmployerSchema).min(1).max(20),
      violationIds: pub(z.array(uuid()).max(100)),
      totals: z.strictObject({
        unpaidWagesCents: pub(z.int().nonnegative()),
        liquidatedDamagesCents: pub(z.int().nonnegative()),
        civilPenaltiesCents: pub(z.int().nonnegative()),
        totalCents: pub(z.int().nonnegative()),
      }),
      proposedBy: personal(staffId()),
      approvedBy: personal(staffId()),
    })
    .superRefine((d, ctx) => {
      d.workers.forEach((w, i) => {
        if (w.unpaidWagesCents + w.liquidatedDamagesCents !== w.totalCents)
          ctx.addIssue({
            code: 'custom',
            path: ['workers', i, 'totalCents'],
            message: 'must be unpaid wages plus liquidated damages',
          });
      });
      const sum = (f: (w: (typeof d.workers)[number]) => number) => d.workers.reduce((s, w) => s + f(w), 0);
      const penalties = d.civilPenalties.reduce((s, p) => s + p.amountCents, 0);
      const expected = {
        unpaidWagesCents: sum((w) => w.unpaidWagesCents),
        liquidatedDamagesCents: sum((w) => w.liquidatedDamagesCents),
        civilPenaltiesCents: penalties,
        totalCents: sum((w) => w.totalCents) + penalties,
      };
      for (const [key, value] of Object.entries(expected)) {
        if (d.totals[key as keyof typeof expected] !== value)
          ctx.addIssue({ code: 'custom', path: ['totals', key], message: `must be ${value}` });
      }
      if (d.proposedBy === d.approvedBy)
        ctx.addIssue({
          code: 'custom',
          path: ['approvedBy'],
          message: 'the approving supervisor cannot be the proposing investigator',
        });
    }),
});
export type DeterminationIssued = z.infer<typeof DeterminationIssued.schema>;

export const CLOSURE_REASONS = [
  'determination_issued',
  'no_violation_found',
  'complaint_withdrawn',
  'referred_elsewhere',
  'administrative',
] as const;

/** Nothing is appended to a closed investigation (docs/architecture.md#invariants). */
export const InvestigationClosed = defineEvent({
  type: 'InvestigationClosed',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reason: pub(z.enum(CLOSURE_REASONS)),
    closedAt: pub(instant()),
    note: deliberative(text(4000)).optional(),
  }),
});
export type InvestigationClosed = z.infer<typeof InvestigationClosed.schema>;

/** Why a closed investigation is reopened. */
export const INVESTIGATION_REOPEN_REASONS = ['new_evidence', 'other'] as const;

/**
 * A closed investigation reopened by a supervisor, with the reason (new evidence): the only way
 * anything is appended to a closed investigation. A determination issued before stays issued.
 */
export const InvestigationReopened = defineEvent({
  type: 'InvestigationReopened',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reason: pub(z.enum(INVESTIGATION_REOPEN_REASONS)),
    note: deliberative(text(4000)),
    reopenedAt: pub(instant()),
    reopenedBy: personal(staffId()),
  }),
});
export type InvestigationReopened = z.infer<typeof InvestigationReopened.schema>;
