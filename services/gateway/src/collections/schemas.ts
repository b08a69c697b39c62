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

const party = { name: z.string(), role: z.string() };
const installmentStatus = z.object({
  installmentNo: z.int(),
  dueOn: z.string(),
  amountCents: z.int(),
  paidCents: z.int(),
  status: z.string(),
});

export const CollectionCaseViewSchema = z.looseObject({
  caseId: z.uuid(),
  version: z.int(),
  status: z.enum(['open', 'closed']),
  caseNumber: z.string().optional(),
  office: z.string(),
  openedOn: z.string(),
  determinationId: z.uuid(),
  debtors: z
    .array(z.looseObject({ debtorId: z.uuid(), ...party }))
    .describe(
      'The liable employers, each for the whole amount. `debtorId` is the employer id the investigation gave it (POST .../investigation/employers answered it as `id`); it names the debtor in payments and statements.',
    ),
  workers: z
    .array(
      z.looseObject({
        workerId: z.uuid(),
        name: z.string(),
        assessedCents: z.int(),
        confidentialityRequested: z.boolean(),
      }),
    )
    .describe(
      "What each worker is owed. `workerId` is the worker's id in the investigation's hours and wages (for a complainant, the complainant's id on the complaint); it names the worker in disbursements and statements.",
    ),
  installments: z.array(installmentStatus),
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

const statementCommon = {
  caseId: z.uuid(),
  caseNumber: z.string().optional(),
  asOf: z.string(),
  status: z.enum(['open', 'closed']),
};

/** The employer-facing statement of account (`?format=html` or Accept: text/html: printable). */
export const DebtorStatementSchema = z.object({
  kind: z.literal('debtor'),
  ...statementCommon,
  debtor: z.object({ debtorId: z.uuid(), ...party }),
  coDebtors: z.array(z.object(party)),
  totals: z.object({
    assessedCents: z.int(),
    collectedCents: z.int(),
    writtenOffCents: z.int(),
    outstandingCents: z.int(),
  }),
  paidByThisDebtorCents: z.int(),
  payments: z.array(
    z.object({ receivedOn: z.string(), amountCents: z.int(), paidBy: z.string(), reversed: z.boolean() }),
  ),
  installments: z.array(installmentStatus),
  judgment: z
    .object({
      court: z.string(),
      docketNumber: z.string(),
      enteredOn: z.string(),
      interestRateBasisPoints: z.int(),
    })
    .optional(),
  nonMonetaryTerms: z.array(
    z.object({ kind: z.string(), description: z.string(), dueOn: z.string().optional() }),
  ),
  workers: z
    .array(
      z.object({ name: z.string(), assessedCents: z.int().optional(), outstandingCents: z.int().optional() }),
    )
    .describe('Workers who did not ask for confidentiality, by name.'),
  withheldWorkers: z
    .object({
      count: z.int().optional(),
      assessedCents: z.int().optional(),
      outstandingCents: z.int().optional(),
      note: z.string(),
    })
    .optional()
    .describe(
      'Workers who asked for confidentiality, together, never by name or id; fewer than 3 of them: no count and no amounts, only the note (and `workers` without amounts).',
    ),
});

/** The worker's own statement, in the worker's preferred language. */
export const WorkerStatementSchema = z.object({
  kind: z.literal('worker'),
  ...statementCommon,
  worker: z.object({ workerId: z.uuid(), name: z.string() }),
  language: z
    .enum(['en', 'es'])
    .describe(
      "The printable statement's language: the worker's preferred language on the complaint, when English or Spanish.",
    ),
  preferredLanguage: z
    .string()
    .optional()
    .describe(
      'The preference on record when it is neither: the statement is in English and an interpreter is needed.',
    ),
  office: z.string(),
  contact: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string().optional(),
    address: z.string().optional(),
    hours: z.string().optional(),
  }),
  debtors: z.array(z.object(party)),
  figures: z.object(figures),
  disbursements: z.array(z.object({ issuedOn: z.string(), amountCents: z.int(), method: z.string() })),
  unlocatedSince: z.string().optional(),
  nextSteps: z
    .array(
      z.enum([
        'collecting',
        'payment_coming',
        'claim_held_wages',
        'paid_in_full',
        'case_closed',
        'report_retaliation',
      ]),
    )
    .describe("What happens next, in order; the printable statement words each in the worker's language."),
});

/** The printable page of a statement. */
export const HTML_CONTENT = { 'text/html': { schema: { type: 'string' } } };

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
