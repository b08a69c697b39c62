import {
  AGING_BUCKETS,
  CollectionRateQuery as RateQuery,
  ListDefaultsQuery,
  ListInstallmentsDueQuery,
  ListReceivablesQuery,
} from '@lse/contracts';
import { fields } from '@lse/contracts';
import { z } from 'zod';
import { pageSchema } from '../http/pagination';

/* Request and response shapes of the collection routes, for validation and the OpenAPI document. */

export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export const DebtorParams = z.strictObject({ caseId: z.uuid(), debtorId: z.uuid() });
export const WorkerParams = z.strictObject({ caseId: z.uuid(), workerId: z.uuid() });

export const AsOfQuery = z.strictObject({ asOf: fields.isoDate().optional() });
export const StatementQuery = z.strictObject({
  asOf: fields.isoDate().optional(),
  format: z.enum(['json', 'html']).optional().describe('html: a printable page (or send Accept: text/html)'),
});

const page = { cursor: z.string().optional(), limit: z.string().optional() };
export const ReceivablesQuery = ListReceivablesQuery.extend(page);
export const InstallmentsDueQuery = ListInstallmentsDueQuery.extend(page);
export const DefaultsQuery = ListDefaultsQuery.extend(page);
export const CollectionRateQuery = RateQuery;

export const CollectionCommandResultSchema = z.object({
  caseId: z.uuid(),
  version: z.int().describe('The collection stream version after the command; the next If-Match.'),
  status: z.enum(['none', 'open', 'closed']),
  events: z.array(z.string()),
  recorded: z
    .array(z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) }))
    .describe('What was recorded: ids, allocations across workers, amounts.'),
  replayed: z.boolean().describe('True when collections recognised a retry and wrote nothing new.'),
});

const figures = {
  assessedCents: z.int(),
  outstandingCents: z.int(),
  collectedCents: z.int(),
  disbursedCents: z.int(),
  heldForUnlocatedCents: z.int(),
  transferredUnclaimedCents: z.int(),
  writtenOffCents: z.int(),
  undisbursedCents: z.int(),
};

export const CollectionCaseViewSchema = z.looseObject({
  caseId: z.uuid(),
  version: z.int(),
  status: z.enum(['open', 'closed']),
  totals: z.object(figures),
});

export const LedgerViewSchema = z.looseObject({
  caseId: z.uuid(),
  version: z.int(),
  asOf: z.string().optional(),
  balanced: z.boolean().describe('Debits equal credits.'),
  totals: z.object(figures),
  accounts: z.record(
    z.string(),
    z.object({ debitCents: z.int(), creditCents: z.int(), balanceCents: z.int() }),
  ),
  workers: z.array(z.object({ workerId: z.uuid(), ...figures })),
  postings: z.array(
    z.object({
      seq: z.int(),
      on: z.string(),
      eventType: z.string(),
      workerId: z.uuid(),
      debit: z.string(),
      credit: z.string(),
      amountCents: z.int(),
    }),
  ),
});

export const StatementSchema = z.looseObject({
  kind: z.enum(['debtor', 'worker']),
  caseId: z.uuid(),
  asOf: z.string(),
});

export const ReceivableItemSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  office: z.string(),
  industry: z.string().nullable(),
  debtorNames: z.string(),
  planStatus: z.string(),
  agingFrom: z.string(),
  ageDays: z.int(),
  bucket: z.enum(AGING_BUCKETS),
  assessedCents: z.int(),
  collectedCents: z.int(),
  writtenOffCents: z.int(),
  outstandingCents: z.int(),
});
export type ReceivableItem = z.infer<typeof ReceivableItemSchema>;

export const InstallmentDueItemSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  office: z.string(),
  debtorNames: z.string(),
  planId: z.uuid(),
  installmentNo: z.int(),
  dueOn: z.string(),
  amountCents: z.int(),
  paidCents: z.int(),
  remainingCents: z.int(),
});
export type InstallmentDueItem = z.infer<typeof InstallmentDueItemSchema>;

export const DefaultItemSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  office: z.string(),
  debtorNames: z.string(),
  planId: z.uuid(),
  declaredOn: z.string(),
  balanceDueCents: z.int(),
  missedInstallments: z.array(z.int()),
  outstandingCents: z.int(),
});
export type DefaultItem = z.infer<typeof DefaultItemSchema>;

export const ReceivablesPageSchema = pageSchema(ReceivableItemSchema);
export const InstallmentsDuePageSchema = pageSchema(InstallmentDueItemSchema);
export const DefaultsPageSchema = pageSchema(DefaultItemSchema);

export const CollectionRateSchema = z.object({
  groups: z.array(
    z.object({
      group: z.string(),
      cases: z.int(),
      assessedCents: z.int(),
      collectedCents: z.int(),
      rate: z.number().nullable().describe('collected / assessed'),
    }),
  ),
});

export const InstallmentCheckResultSchema = z.object({
  ran: z.boolean().describe('False when another replica was running the check at that moment.'),
  today: z.string(),
  casesChecked: z.int(),
  missedRecorded: z.int(),
});
