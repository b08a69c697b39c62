import { ledgerView, workerFigures, type MoneyFigures } from './ledger';
import { installmentStatuses } from './installments';
import type { CollectionCase, CollectionState } from './state';
import { CollectionCaseNotFoundError, UnknownPartyError } from './errors';

/*
 * Statements as data (the service renders them as JSON and printable HTML). The debtor's
 * statement is employer-facing: a worker who asked for confidentiality never appears on it, not
 * even by id; their amounts are only in one line for all withheld workers together, and only
 * when they are enough of them that the line points to nobody (CONFIDENTIAL_GROUP_MINIMUM).
 */

/**
 * Fewer workers who asked for confidentiality than this, and the employer's statement shows
 * neither how many they are nor any worker's amount (only the case totals): an employer who knows
 * its payroll could otherwise single one or two out by elimination, from the withheld line or
 * from the total less the named workers' amounts. The identity of a confidential source and the
 * information it furnished are protected: 5 U.S.C. 552(b)(7)(D); the informant's privilege,
 * Roviaro v. United States, 353 U.S. 53 (1957).
 */
export const CONFIDENTIAL_GROUP_MINIMUM = 3;

export const WITHHELD_GROUP_NOTE =
  'Workers who asked for confidentiality, together: identities withheld (5 U.S.C. 552(b)(7)(D)).';
export const WITHHELD_SUPPRESSED_NOTE = `Some workers on this case asked for confidentiality: identities withheld. Fewer than ${CONFIDENTIAL_GROUP_MINIMUM} did, so neither how many nor any worker's amount is shown, only the case totals, so that none can be identified by elimination (5 U.S.C. 552(b)(7)(D)).`;

/** What the agency tells a worker to do or expect next, by the state of their money. */
export type WorkerNextStep =
  | 'collecting'
  | 'payment_coming'
  | 'claim_held_wages'
  | 'paid_in_full'
  | 'case_closed'
  | 'report_retaliation';

/** How a worker reaches the agency: printed on their statement. */
export interface AgencyContact {
  name: string;
  phone: string;
  email?: string;
  address?: string;
  hours?: string;
}

/** Languages a worker's statement is written in; any other preference is served in English. */
export const STATEMENT_LANGUAGES = ['en', 'es'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

/** The statement language for a preferred language tag (`es`, `es-MX`, `en`...), English otherwise. */
export function statementLanguage(preferred: string | undefined): StatementLanguage {
  const primary = (preferred ?? '').toLowerCase().split(/[-_]/)[0];
  return (STATEMENT_LANGUAGES as readonly string[]).includes(primary) ? (primary as StatementLanguage) : 'en';
}

export interface DebtorStatement {
  kind: 'debtor';
  caseId: string;
  caseNumber?: string;
  asOf: string;
  debtor: { debtorId: string; name: string; role: string };
  /** Each is liable for the whole amount with this debtor. */
  coDebtors: Array<{ name: string; role: string }>;
  totals: Pick<MoneyFigures, 'assessedCents' | 'collectedCents' | 'writtenOffCents' | 'outstandingCents'>;
  paidByThisDebtorCents: number;
  payments: Array<{ receivedOn: string; amountCents: number; paidBy: string; reversed: boolean }>;
  installments: Array<{
    installmentNo: number;
    dueOn: string;
    amountCents: number;
    paidCents: number;
    status: string;
  }>;
  judgment?: { court: string; docketNumber: string; enteredOn: string; interestRateBasisPoints: number };
  nonMonetaryTerms: Array<{ kind: string; description: string; dueOn?: string }>;
  /**
   * Workers who did not ask for confidentiality, by name; without amounts when the confidential
   * ones are too few to group (their amounts would follow from the totals).
   */
  workers: Array<{ name: string; assessedCents?: number; outstandingCents?: number }>;
  /**
   * Everyone else, together, with no names or ids: one line with count and amounts, or, below
   * CONFIDENTIAL_GROUP_MINIMUM, only a note that some are withheld.
   */
  withheldWorkers?: { count?: number; assessedCents?: number; outstandingCents?: number; note: string };
  status: 'open' | 'closed';
}

export interface WorkerStatement {
  kind: 'worker';
  caseId: string;
  caseNumber?: string;
  asOf: string;
  worker: { workerId: string; name: string };
  /** The language the printable statement is written in: the worker's preferred one if supported. */
  language: StatementLanguage;
  /** The preference on record when it is not a statement language (an interpreter is needed). */
  preferredLanguage?: string;
  office: string;
  contact: AgencyContact;
  debtors: Array<{ name: string; role: string }>;
  figures: MoneyFigures;
  disbursements: Array<{ issuedOn: string; amountCents: number; method: string }>;
  unlocatedSince?: string;
  /** In order: what happens with the worker's money next, then what to do about retaliation. */
  nextSteps: WorkerNextStep[];
  status: 'open' | 'closed';
}

function caseOf(state: CollectionState, caseId: string): CollectionCase & { status: 'open' | 'closed' } {
  if (state.status === 'none') throw new CollectionCaseNotFoundError(caseId);
  return state;
}

export function debtorStatement(
  state: CollectionState,
  caseId: string,
  debtorId: string,
  asOf: string,
): DebtorStatement {
  const c = caseOf(state, caseId);
  const debtor = c.debtors.find((d) => d.debtorId === debtorId);
  if (!debtor) throw new UnknownPartyError('debtorId', debtorId);
  const view = ledgerView(c.ledger, asOf);
  const names = new Map(c.debtors.map((d) => [d.debtorId, d.name]));
  const payments = c.payments.filter((p) => p.receivedOn <= asOf);
  const open = c.workers.filter((w) => !w.confidentialityRequested);
  const withheld = c.workers.filter((w) => w.confidentialityRequested);
  const figures = (workerId: string) => workerFigures(c.ledger, workerId, asOf);
  const statement: DebtorStatement = {
    kind: 'debtor',
    caseId,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    asOf,
    debtor: { debtorId: debtor.debtorId, name: debtor.name, role: debtor.role },
    coDebtors: c.debtors.filter((d) => d.debtorId !== debtorId).map((d) => ({ name: d.name, role: d.role })),
    totals: {
      assessedCents: view.totals.assessedCents,
      collectedCents: view.totals.collectedCents,
      writtenOffCents: view.totals.writtenOffCents,
      outstandingCents: view.totals.outstandingCents,
    },
    paidByThisDebtorCents: payments
      .filter((p) => p.debtorId === debtorId && !p.reversed)
      .reduce((s, p) => s + p.amountCents, 0),
    payments: payments.map((p) => ({
      receivedOn: p.receivedOn,
      amountCents: p.amountCents,
      paidBy: names.get(p.debtorId) ?? 'unknown',
      reversed: p.reversed,
    })),
    installments: c.plan ? installmentStatuses(c.plan, asOf) : [],
    ...(c.judgment
      ? {
          judgment: {
            court: c.judgment.court,
            docketNumber: c.judgment.docketNumber,
            enteredOn: c.judgment.enteredOn,
            interestRateBasisPoints: c.judgment.interestRateBasisPoints,
          },
        }
      : {}),
    nonMonetaryTerms: c.settlement?.nonMonetaryTerms ?? [],
    workers: [],
    status: c.status,
  };
  const grouped = withheld.length === 0 || withheld.length >= CONFIDENTIAL_GROUP_MINIMUM;
  statement.workers = open.map((w) =>
    grouped
      ? {
          name: w.name,
          assessedCents: w.assessedCents,
          outstandingCents: figures(w.workerId).outstandingCents,
        }
      : { name: w.name },
  );
  if (withheld.length > 0) {
    statement.withheldWorkers = grouped
      ? {
          count: withheld.length,
          assessedCents: withheld.reduce((s, w) => s + w.assessedCents, 0),
          outstandingCents: withheld.reduce((s, w) => s + figures(w.workerId).outstandingCents, 0),
          note: WITHHELD_GROUP_NOTE,
        }
      : { note: WITHHELD_SUPPRESSED_NOTE };
  }
  return statement;
}

/** What comes next for a worker's money, from their figures (the renderer words it). */
export function nextStepsFor(
  figures: MoneyFigures,
  status: 'open' | 'closed',
  unlocated: boolean,
): WorkerNextStep[] {
  const steps: WorkerNextStep[] = [];
  if (unlocated && figures.heldForUnlocatedCents > 0) steps.push('claim_held_wages');
  else if (figures.undisbursedCents > 0) steps.push('payment_coming');
  if (figures.outstandingCents > 0 && status === 'open') steps.push('collecting');
  if (figures.outstandingCents === 0 && figures.undisbursedCents === 0 && figures.disbursedCents > 0)
    steps.push('paid_in_full');
  if (status === 'closed') steps.push('case_closed');
  // Retaliation for a complaint is unlawful (FLSA section 15(a)(3), 29 U.S.C. 215(a)(3)).
  steps.push('report_retaliation');
  return steps;
}

export function workerStatement(
  state: CollectionState,
  caseId: string,
  workerId: string,
  asOf: string,
  disbursements: Array<{ workerId: string; issuedOn: string; amountCents: number; method: string }>,
  /** From the complaint (the worker's preferred language) and the agency's configuration. */
  reader: { preferredLanguage?: string; contact: AgencyContact },
): WorkerStatement {
  const c = caseOf(state, caseId);
  const worker = c.workers.find((w) => w.workerId === workerId);
  if (!worker) throw new UnknownPartyError('workerId', workerId);
  const figures = workerFigures(c.ledger, workerId, asOf);
  const language = statementLanguage(reader.preferredLanguage);
  const unlocatedSince = c.unlocatedSince[workerId];
  return {
    kind: 'worker',
    caseId,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    asOf,
    worker: { workerId, name: worker.name },
    language,
    ...(reader.preferredLanguage &&
    statementLanguage(reader.preferredLanguage) !== reader.preferredLanguage.toLowerCase().split(/[-_]/)[0]
      ? { preferredLanguage: reader.preferredLanguage }
      : {}),
    office: c.office,
    contact: reader.contact,
    debtors: c.debtors.map((d) => ({ name: d.name, role: d.role })),
    figures,
    disbursements: disbursements
      .filter((d) => d.workerId === workerId && d.issuedOn <= asOf)
      .map(({ issuedOn, amountCents, method }) => ({ issuedOn, amountCents, method })),
    ...(unlocatedSince ? { unlocatedSince } : {}),
    nextSteps: nextStepsFor(figures, c.status, unlocatedSince !== undefined),
    status: c.status,
  };
}
