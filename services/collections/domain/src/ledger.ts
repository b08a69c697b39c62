import type { CollectionEvent } from '@lse/contracts';
import { cents, type Cents, type IsoDate } from '@lse/domain';

/*
 * The case's double-entry money ledger, derived from its events only. Every posting moves an
 * amount from one account to another for one worker, so debits always equal credits.
 *
 *   receivable             what the debtors still owe the worker            (debit balance)
 *   assessed               what the determination found owed: the claim      (credit balance)
 *   trust_cash             collected for the worker, not yet paid out        (debit balance)
 *   held_unlocated         collected for a worker who cannot be found        (debit balance)
 *   disbursed              paid out to the worker                            (debit balance)
 *   unclaimed_transferred  sent to the unclaimed-wage fund                   (debit balance)
 *   written_off            compromised or written off                        (debit balance)
 *
 * So assessed = outstanding + collected + written off, where collected = trust_cash +
 * held_unlocated + disbursed + unclaimed_transferred; and nothing is paid out that was not
 * collected for that worker (trust_cash and held_unlocated never go below zero).
 */
export const ACCOUNTS = [
  'receivable',
  'assessed',
  'trust_cash',
  'held_unlocated',
  'disbursed',
  'unclaimed_transferred',
  'written_off',
] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface Posting {
  /** 1, 2, ... in event order. */
  seq: number;
  /** The business date (payment received on, disbursement issued on...): balances as of a date use it. */
  on: IsoDate;
  eventType: CollectionEvent['type'];
  workerId: string;
  debit: Account;
  credit: Account;
  amountCents: Cents;
}

/** Signed balances per account: debit positive, credit negative. */
export type AccountBalances = Record<Account, Cents>;

export interface Ledger {
  postings: Posting[];
  /** Workers whose collected money is held because they cannot be found. */
  unlocated: string[];
}

export const emptyLedger: Ledger = { postings: [], unlocated: [] };

const zeroBalances = (): AccountBalances =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, cents(0)])) as AccountBalances;

/** Where a worker's collected money sits: held while they cannot be found. */
const cashAccount = (ledger: Ledger, workerId: string): Account =>
  ledger.unlocated.includes(workerId) ? 'held_unlocated' : 'trust_cash';

/** The ledger after one more event. Pure; events that move no money leave it as it is. */
export function postEvent(ledger: Ledger, event: CollectionEvent): Ledger {
  const lines: Array<Omit<Posting, 'seq' | 'eventType' | 'on'>> = [];
  const line = (workerId: string, debit: Account, credit: Account, amount: number) => {
    if (amount > 0) lines.push({ workerId, debit, credit, amountCents: cents(amount) });
  };
  let on: IsoDate;
  let unlocated = ledger.unlocated;
  switch (event.type) {
    case 'CollectionCaseOpened':
      on = event.data.openedOn;
      for (const w of event.data.workers) line(w.workerId, 'receivable', 'assessed', w.assessedCents);
      break;
    case 'PaymentReceived':
      on = event.data.receivedOn;
      for (const s of event.data.allocations)
        line(s.workerId, cashAccount(ledger, s.workerId), 'receivable', s.amountCents);
      break;
    case 'PaymentReversed':
      on = event.data.reversedOn;
      for (const s of event.data.allocations)
        line(s.workerId, 'receivable', cashAccount(ledger, s.workerId), s.amountCents);
      break;
    case 'DebtCompromised':
      on = event.data.decidedOn;
      for (const s of event.data.allocations) line(s.workerId, 'written_off', 'receivable', s.amountCents);
      break;
    case 'DisbursementIssued':
      on = event.data.issuedOn;
      line(
        event.data.workerId,
        'disbursed',
        cashAccount(ledger, event.data.workerId),
        event.data.amountCents,
      );
      break;
    case 'WorkerUnlocated':
      on = event.data.declaredOn;
      line(event.data.workerId, 'held_unlocated', 'trust_cash', event.data.heldCents);
      unlocated = [...unlocated, event.data.workerId];
      break;
    case 'UnclaimedWagesTransferred':
      on = event.data.transferredOn;
      line(event.data.workerId, 'unclaimed_transferred', 'held_unlocated', event.data.amountCents);
      break;
    default:
      return ledger;
  }
  const seq0 = ledger.postings.length;
  const postings = lines.map((l, i) => ({ seq: seq0 + i + 1, on, eventType: event.type, ...l }));
  return { postings: [...ledger.postings, ...postings], unlocated };
}

export function buildLedger(events: readonly CollectionEvent[]): Ledger {
  return events.reduce(postEvent, emptyLedger);
}

/** Signed balances per worker, from postings dated on or before `asOf` (all when absent). */
export function balancesByWorker(ledger: Ledger, asOf?: string): Map<string, AccountBalances> {
  const out = new Map<string, AccountBalances>();
  for (const p of ledger.postings) {
    if (asOf !== undefined && p.on > asOf) continue;
    const b = out.get(p.workerId) ?? zeroBalances();
    b[p.debit] = cents(b[p.debit] + p.amountCents);
    b[p.credit] = cents(b[p.credit] - p.amountCents);
    out.set(p.workerId, b);
  }
  return out;
}

/** The figures people read, all non-negative in a sound ledger. */
export interface MoneyFigures {
  assessedCents: Cents;
  outstandingCents: Cents;
  collectedCents: Cents;
  disbursedCents: Cents;
  heldForUnlocatedCents: Cents;
  transferredUnclaimedCents: Cents;
  writtenOffCents: Cents;
  /** Collected and not yet paid out (trust cash plus held): what can still be disbursed. */
  undisbursedCents: Cents;
}

export function figuresOf(b: AccountBalances): MoneyFigures {
  return {
    assessedCents: cents(0 - b.assessed),
    outstandingCents: b.receivable,
    collectedCents: cents(b.trust_cash + b.held_unlocated + b.disbursed + b.unclaimed_transferred),
    disbursedCents: b.disbursed,
    heldForUnlocatedCents: b.held_unlocated,
    transferredUnclaimedCents: b.unclaimed_transferred,
    writtenOffCents: b.written_off,
    undisbursedCents: cents(b.trust_cash + b.held_unlocated),
  };
}

export interface LedgerView {
  asOf?: string;
  totals: MoneyFigures;
  /** Per account, case-wide: debits and credits summed (the trial balance). */
  accounts: Record<Account, { debitCents: Cents; creditCents: Cents; balanceCents: Cents }>;
  workers: Array<{ workerId: string } & MoneyFigures>;
  /** Debits equal credits: always true for a ledger built by `postEvent`. */
  balanced: boolean;
}

/** Balances of a case as of a date (or now): totals, trial balance and per-worker figures. */
export function ledgerView(ledger: Ledger, asOf?: string): LedgerView {
  const byWorker = balancesByWorker(ledger, asOf);
  const total = zeroBalances();
  for (const b of byWorker.values()) for (const a of ACCOUNTS) total[a] = cents(total[a] + b[a]);
  const accounts = Object.fromEntries(
    ACCOUNTS.map((a) => [a, { debitCents: cents(0), creditCents: cents(0), balanceCents: total[a] }]),
  ) as LedgerView['accounts'];
  let debits = 0;
  let credits = 0;
  for (const p of ledger.postings) {
    if (asOf !== undefined && p.on > asOf) continue;
    accounts[p.debit].debitCents = cents(accounts[p.debit].debitCents + p.amountCents);
    accounts[p.credit].creditCents = cents(accounts[p.credit].creditCents + p.amountCents);
    debits += p.amountCents;
    credits += p.amountCents;
  }
  const sum = ACCOUNTS.reduce((s, a) => s + total[a], 0);
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    totals: figuresOf(total),
    accounts,
    workers: [...byWorker.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([workerId, b]) => ({ workerId, ...figuresOf(b) })),
    balanced: debits === credits && sum === 0,
  };
}

/** One worker's figures now (zeros for a worker with no postings). */
export function workerFigures(ledger: Ledger, workerId: string, asOf?: string): MoneyFigures {
  return figuresOf(balancesByWorker(ledger, asOf).get(workerId) ?? zeroBalances());
}
