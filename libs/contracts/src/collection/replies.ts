import { z } from 'zod';
import { commercial, confidentialSource, personal, pub } from '../classification';
import { commandVersion, openReply, pageReply } from '../replies';
import { AGING_BUCKETS } from './commands';

/* What collections answers: its commands' result, the case, ledger, statements, lists, checks. */

export const CollectionCommandReply = z.object({
  caseId: pub(z.uuid()),
  version: commandVersion('The collection stream version'),
  status: pub(z.enum(['none', 'open', 'closed'])),
  events: pub(z.array(z.string())),
  // The recorded events' data as one record: payment references (the debtor's financial data)
  // among the allocations and amounts.
  recorded: commercial(
    z.array(z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) })),
  ).describe('What was recorded: ids, allocations across workers, amounts.'),
  replayed: pub(z.boolean()).describe('True when collections recognised a retry and wrote nothing new.'),
});
export type CollectionCommandReply = z.infer<typeof CollectionCommandReply>;

const figures = {
  assessedCents: pub(z.int()),
  outstandingCents: pub(z.int()),
  collectedCents: pub(z.int()),
  disbursedCents: pub(z.int()),
  heldForUnlocatedCents: pub(z.int()),
  transferredUnclaimedCents: pub(z.int()),
  writtenOffCents: pub(z.int()),
  undisbursedCents: pub(z.int()),
};

/** An employer's name and liability role: the subject of enforcement, public. */
const party = { name: pub(z.string()), role: pub(z.string()) };
const installmentStatus = z.object({
  installmentNo: pub(z.int()),
  dueOn: pub(z.string()),
  amountCents: pub(z.int()),
  paidCents: pub(z.int()),
  status: pub(z.string()),
});

// The rest of the folded case holds workers' details (contacts, confidentiality): personal.
export const CollectionCaseViewReply = openReply('personal', {
  caseId: pub(z.uuid()),
  version: pub(z.int()),
  status: pub(z.enum(['open', 'closed'])),
  caseNumber: pub(z.string()).optional(),
  office: pub(z.string()),
  openedOn: pub(z.string()),
  determinationId: pub(z.uuid()),
  debtors: z
    .array(openReply('public', { debtorId: pub(z.uuid()), ...party }))
    .describe(
      'The liable employers, each for the whole amount. `debtorId` is the employer id the investigation gave it (POST .../investigation/employers answered it as `id`); it names the debtor in payments and statements.',
    ),
  workers: z
    .array(
      openReply('personal', {
        workerId: pub(z.uuid()),
        name: personal(z.string()),
        assessedCents: pub(z.int()),
        confidentialityRequested: confidentialSource(z.boolean()),
      }),
    )
    .describe(
      "What each worker is owed. `workerId` is the worker's id in the investigation's hours and wages (for a complainant, the complainant's id on the complaint); it names the worker in disbursements and statements.",
    ),
  installments: z.array(installmentStatus),
  totals: z.object(figures),
});
export type CollectionCaseViewReply = z.infer<typeof CollectionCaseViewReply>;

// Accounts and figures only: what was owed, paid and paid out.
export const LedgerViewReply = openReply('public', {
  caseId: pub(z.uuid()),
  version: pub(z.int()),
  asOf: pub(z.string()).optional(),
  balanced: pub(z.boolean()).describe('Debits equal credits.'),
  totals: z.object(figures),
  accounts: pub(
    z.record(z.string(), z.object({ debitCents: z.int(), creditCents: z.int(), balanceCents: z.int() })),
  ),
  workers: z.array(z.object({ workerId: pub(z.uuid()), ...figures })),
  postings: pub(
    z.array(
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
  ),
});
export type LedgerViewReply = z.infer<typeof LedgerViewReply>;

const statementCommon = {
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string()).optional(),
  asOf: pub(z.string()),
  status: pub(z.enum(['open', 'closed'])),
};

/** The employer-facing statement of account (`?format=html` or Accept: text/html: printable). */
export const DebtorStatementReply = z.object({
  kind: pub(z.literal('debtor')),
  ...statementCommon,
  debtor: z.object({ debtorId: pub(z.uuid()), ...party }),
  coDebtors: z.array(z.object(party)),
  totals: pub(
    z.object({
      assessedCents: z.int(),
      collectedCents: z.int(),
      writtenOffCents: z.int(),
      outstandingCents: z.int(),
    }),
  ),
  paidByThisDebtorCents: pub(z.int()),
  payments: pub(
    z.array(
      z.object({ receivedOn: z.string(), amountCents: z.int(), paidBy: z.string(), reversed: z.boolean() }),
    ),
  ),
  installments: z.array(installmentStatus),
  judgment: pub(
    z.object({
      court: z.string(),
      docketNumber: z.string(),
      enteredOn: z.string(),
      interestRateBasisPoints: z.int(),
    }),
  ).optional(),
  nonMonetaryTerms: pub(
    z.array(z.object({ kind: z.string(), description: z.string(), dueOn: z.string().optional() })),
  ),
  workers: z
    .array(
      z.object({
        name: personal(z.string()),
        assessedCents: pub(z.int()).optional(),
        outstandingCents: pub(z.int()).optional(),
      }),
    )
    .describe('Workers who did not ask for confidentiality, by name.'),
  withheldWorkers: pub(
    z.object({
      count: z.int().optional(),
      assessedCents: z.int().optional(),
      outstandingCents: z.int().optional(),
      note: z.string(),
    }),
  )
    .optional()
    .describe(
      'Workers who asked for confidentiality, together, never by name or id; fewer than 3 of them: no count and no amounts, only the note (and `workers` without amounts).',
    ),
});
export type DebtorStatementReply = z.infer<typeof DebtorStatementReply>;

/** The worker's own statement, in the worker's preferred language. */
export const WorkerStatementReply = z.object({
  kind: pub(z.literal('worker')),
  ...statementCommon,
  worker: z.object({ workerId: pub(z.uuid()), name: personal(z.string()) }),
  language: personal(z.enum(['en', 'es'])).describe(
    "The printable statement's language: the worker's preferred language on the complaint, when English or Spanish.",
  ),
  preferredLanguage: personal(z.string())
    .optional()
    .describe(
      'The preference on record when it is neither: the statement is in English and an interpreter is needed.',
    ),
  office: pub(z.string()),
  // The office's public contact details.
  contact: pub(
    z.object({
      name: z.string(),
      phone: z.string(),
      email: z.string().optional(),
      address: z.string().optional(),
      hours: z.string().optional(),
    }),
  ),
  debtors: z.array(z.object(party)),
  figures: z.object(figures),
  disbursements: pub(z.array(z.object({ issuedOn: z.string(), amountCents: z.int(), method: z.string() }))),
  unlocatedSince: pub(z.string()).optional(),
  nextSteps: pub(
    z.array(
      z.enum([
        'collecting',
        'payment_coming',
        'claim_held_wages',
        'paid_in_full',
        'case_closed',
        'report_retaliation',
      ]),
    ),
  ).describe("What happens next, in order; the printable statement words each in the worker's language."),
});
export type WorkerStatementReply = z.infer<typeof WorkerStatementReply>;

export const ReceivableItemReply = z.object({
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string().nullable()),
  office: pub(z.string()),
  industry: pub(z.string().nullable()),
  debtorNames: pub(z.string()),
  planStatus: pub(z.string()),
  agingFrom: pub(z.string()),
  ageDays: pub(z.int()),
  bucket: pub(z.enum(AGING_BUCKETS)),
  assessedCents: pub(z.int()),
  collectedCents: pub(z.int()),
  writtenOffCents: pub(z.int()),
  outstandingCents: pub(z.int()),
});
export type ReceivableItemReply = z.infer<typeof ReceivableItemReply>;

export const InstallmentDueItemReply = z.object({
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string().nullable()),
  office: pub(z.string()),
  debtorNames: pub(z.string()),
  planId: pub(z.uuid()),
  installmentNo: pub(z.int()),
  dueOn: pub(z.string()),
  amountCents: pub(z.int()),
  paidCents: pub(z.int()),
  remainingCents: pub(z.int()),
});
export type InstallmentDueItemReply = z.infer<typeof InstallmentDueItemReply>;

export const DefaultItemReply = z.object({
  caseId: pub(z.uuid()),
  caseNumber: pub(z.string().nullable()),
  office: pub(z.string()),
  debtorNames: pub(z.string()),
  planId: pub(z.uuid()),
  declaredOn: pub(z.string()),
  balanceDueCents: pub(z.int()),
  missedInstallments: pub(z.array(z.int())),
  outstandingCents: pub(z.int()),
});
export type DefaultItemReply = z.infer<typeof DefaultItemReply>;

export const ReceivablesPageReply = pageReply(ReceivableItemReply);
export const InstallmentsDuePageReply = pageReply(InstallmentDueItemReply);
export const DefaultsPageReply = pageReply(DefaultItemReply);

export const CollectionRateReply = z.object({
  groups: z.array(
    z.object({
      group: pub(z.string()),
      cases: pub(z.int()),
      assessedCents: pub(z.int()),
      collectedCents: pub(z.int()),
      rate: pub(z.number().nullable()).describe('collected / assessed'),
    }),
  ),
});
export type CollectionRateReply = z.infer<typeof CollectionRateReply>;

export const InstallmentCheckReply = z.object({
  ran: pub(z.boolean()).describe('False when another replica was running the check at that moment.'),
  today: pub(z.string()),
  casesChecked: pub(z.int()),
  missedRecorded: pub(z.int()),
});
export type InstallmentCheckReply = z.infer<typeof InstallmentCheckReply>;
