import { ledgerView, workerFigures, type MoneyFigures } from './ledger';
import { installmentStatuses } from './installments';
import type { CollectionCase, CollectionState } from './state';
import { CollectionCaseNotFoundError, UnknownPartyError } from './errors';

/*
 * Statements as data (the service renders them as JSON and printable HTML). The debtor's
 * statement is employer-facing: a worker who asked for confidentiality never appears on it, not
 * even by id; their amounts are only in one line for all withheld workers together.
 */

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
  /** Workers who did not ask for confidentiality, by name. */
  workers: Array<{ name: string; assessedCents: number; outstandingCents: number }>;
  /** Everyone else, together, with no names or ids. */
  withheldWorkers?: { count: number; assessedCents: number; outstandingCents: number };
  status: 'open' | 'closed';
}

export interface WorkerStatement {
  kind: 'worker';
  caseId: string;
  caseNumber?: string;
  asOf: string;
  worker: { workerId: string; name: string };
  debtors: Array<{ name: string; role: string }>;
  figures: MoneyFigures;
  disbursements: Array<{ issuedOn: string; amountCents: number; method: string }>;
  unlocatedSince?: string;
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
    workers: open.map((w) => ({
      name: w.name,
      assessedCents: w.assessedCents,
      outstandingCents: figures(w.workerId).outstandingCents,
    })),
    status: c.status,
  };
  if (withheld.length > 0) {
    statement.withheldWorkers = {
      count: withheld.length,
      assessedCents: withheld.reduce((s, w) => s + w.assessedCents, 0),
      outstandingCents: withheld.reduce((s, w) => s + figures(w.workerId).outstandingCents, 0),
    };
  }
  return statement;
}

export function workerStatement(
  state: CollectionState,
  caseId: string,
  workerId: string,
  asOf: string,
  disbursements: Array<{ workerId: string; issuedOn: string; amountCents: number; method: string }>,
): WorkerStatement {
  const c = caseOf(state, caseId);
  const worker = c.workers.find((w) => w.workerId === workerId);
  if (!worker) throw new UnknownPartyError('workerId', workerId);
  return {
    kind: 'worker',
    caseId,
    ...(c.caseNumber ? { caseNumber: c.caseNumber } : {}),
    asOf,
    worker: { workerId, name: worker.name },
    debtors: c.debtors.map((d) => ({ name: d.name, role: d.role })),
    figures: workerFigures(c.ledger, workerId, asOf),
    disbursements: disbursements
      .filter((d) => d.workerId === workerId && d.issuedOn <= asOf)
      .map(({ issuedOn, amountCents, method }) => ({ issuedOn, amountCents, method })),
    ...(c.unlocatedSince[workerId] ? { unlocatedSince: c.unlocatedSince[workerId] } : {}),
    status: c.status,
  };
}
