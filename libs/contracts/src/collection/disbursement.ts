import { z } from 'zod';
import { personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, text, uuid } from '../fields';
import { COLLECTION_CATEGORY, DISBURSEMENT_METHODS, nonNegativeCents, positiveCents } from './parts';

/** Money paid out to one worker: never more than was collected for that worker, never twice. */
export const DisbursementIssued = defineEvent({
  type: 'DisbursementIssued',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    disbursementId: pub(uuid()),
    workerId: personal(uuid()),
    amountCents: pub(positiveCents()),
    issuedOn: pub(isoDate()),
    method: pub(z.enum(DISBURSEMENT_METHODS)),
    // Check number or account reference: leads to the worker.
    reference: personal(text(100)).optional(),
  }),
});
export type DisbursementIssued = z.infer<typeof DisbursementIssued.schema>;

/** The worker cannot be found: what was collected for them is held until claimed or transferred. */
export const WorkerUnlocated = defineEvent({
  type: 'WorkerUnlocated',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    workerId: personal(uuid()),
    declaredOn: pub(isoDate()),
    heldCents: pub(nonNegativeCents()),
    // Addresses tried, relatives and employers contacted: about the worker.
    searchEfforts: personal(text(4000)).optional(),
  }),
});
export type WorkerUnlocated = z.infer<typeof WorkerUnlocated.schema>;

/** After the configured period, held wages go to the unclaimed-wage fund. */
export const UnclaimedWagesTransferred = defineEvent({
  type: 'UnclaimedWagesTransferred',
  category: COLLECTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    workerId: personal(uuid()),
    amountCents: pub(positiveCents()),
    transferredOn: pub(isoDate()),
    fund: pub(text(200)),
    reference: pub(text(100)).optional(),
  }),
});
export type UnclaimedWagesTransferred = z.infer<typeof UnclaimedWagesTransferred.schema>;
