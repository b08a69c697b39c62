import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, text, uuid } from '../fields';
import {
  CLOSE_REASONS,
  COLLECTION_CATEGORY,
  REOPEN_REASONS,
  COMPROMISE_KINDS,
  positiveCents,
  sharesSum,
  staffUserId,
  WorkerSharesSchema,
} from './parts';

/** A reduction of what is owed (a compromise or a write-off), approved by a supervisor. */
export const DebtCompromised = defineEvent({
  type: 'DebtCompromised',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      compromiseId: pub(uuid()),
      kind: pub(z.enum(COMPROMISE_KINDS)),
      // The settlement that reduced the debt, when it was one.
      settlementId: pub(uuid()).optional(),
      decidedOn: pub(isoDate()),
      amountCents: pub(positiveCents()),
      allocations: WorkerSharesSchema,
      reason: deliberative(text(4000)),
      approvedBy: personal(staffUserId()),
    })
    .superRefine((d, ctx) => {
      const sum = sharesSum(d.allocations);
      if (sum !== d.amountCents)
        ctx.addIssue({
          code: 'custom',
          path: ['allocations'],
          message: `shares add up to ${sum}, not ${d.amountCents}`,
        });
    }),
});
export type DebtCompromised = z.infer<typeof DebtCompromised.schema>;

/** Nothing is accepted after this. */
export const CollectionCaseClosed = defineEvent({
  type: 'CollectionCaseClosed',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    closedOn: pub(isoDate()),
    reason: pub(z.enum(CLOSE_REASONS)),
    note: deliberative(text(4000)).optional(),
    // What the case recovered in all (paid out, held or transferred) and what was written off,
    // as of closing: the outcome partners are told. Absent on cases closed before it was recorded.
    collectedCents: pub(z.int().nonnegative()).optional(),
    writtenOffCents: pub(z.int().nonnegative()).optional(),
  }),
});
export type CollectionCaseClosed = z.infer<typeof CollectionCaseClosed.schema>;

/**
 * A closed case reopened by a supervisor, with the reason (a payment after closing, a bounced
 * check): the only way anything is appended to a closed case.
 */
export const CollectionCaseReopened = defineEvent({
  type: 'CollectionCaseReopened',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reopenedOn: pub(isoDate()),
    reason: pub(z.enum(REOPEN_REASONS)),
    note: deliberative(text(4000)),
    reopenedBy: personal(staffUserId()),
  }),
});
export type CollectionCaseReopened = z.infer<typeof CollectionCaseReopened.schema>;
