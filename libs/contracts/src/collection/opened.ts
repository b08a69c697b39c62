import { z } from 'zod';
import { pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, officeCode, repeatedIndexes, uuid } from '../fields';
import {
  COLLECTION_CATEGORY,
  DebtorSchema,
  nonNegativeCents,
  positiveCents,
  WorkerClaimSchema,
} from './parts';

/**
 * Opened in reaction to a DeterminationIssued with amounts owed: what each worker is owed, and
 * the debtors, each liable for the whole (jointly and severally).
 */
export const CollectionCaseOpened = defineEvent({
  type: 'CollectionCaseOpened',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      determinationId: pub(uuid()),
      caseNumber: pub(
        z.string().regex(/^LSE-\d{4}-\d{6}$/, 'expected a case number like LSE-2026-000123'),
      ).optional(),
      office: pub(officeCode()),
      naics: pub(z.string().regex(/^\d{2,6}$/, 'expected a NAICS code of 2 to 6 digits')).optional(),
      openedOn: pub(isoDate()),
      debtors: z.array(DebtorSchema).min(1).max(50),
      workers: z.array(WorkerClaimSchema).min(1).max(100_000),
      totalAssessedCents: pub(positiveCents()),
      // Owed to the agency, not to workers: recorded, collected outside this ledger.
      civilPenaltiesCents: pub(nonNegativeCents()),
    })
    .superRefine((d, ctx) => {
      const sum = d.workers.reduce((s, w) => s + w.assessedCents, 0);
      if (sum !== d.totalAssessedCents)
        ctx.addIssue({
          code: 'custom',
          path: ['totalAssessedCents'],
          message: `must be the sum of the workers' amounts (${sum})`,
        });
      const unique = (ids: string[], path: string) => {
        for (const i of repeatedIndexes(ids))
          ctx.addIssue({ code: 'custom', path: [path, i], message: 'duplicate id' });
      };
      unique(
        d.workers.map((w) => w.workerId),
        'workers',
      );
      unique(
        d.debtors.map((x) => x.debtorId),
        'debtors',
      );
    }),
});
export type CollectionCaseOpened = z.infer<typeof CollectionCaseOpened.schema>;
