import type {
  CollectionCaseClosed,
  Debtor,
  DefaultDeclared,
  EscalationTaken,
  Installment,
  JudgmentEntered,
  NonMonetaryTerm,
  OrderIssued,
  PaymentReceived,
  SettlementAgreed,
  WorkerClaim,
} from '@lse/contracts';
import type { Ledger } from './ledger';

export interface Offer {
  offerId: string;
  offeredBy: 'agency' | 'debtor';
  offeredOn: string;
  amountCents: number;
  installments: Installment[];
  nonMonetaryTerms: NonMonetaryTerm[];
  inResponseTo?: string;
}

export interface Plan {
  planId: string;
  basis: string;
  sourceId?: string;
  establishedOn: string;
  installments: Installment[];
  /** Payments counted toward this plan, net of reversals. */
  paidCents: number;
  /** Installment numbers recorded as missed. */
  missed: number[];
  status: 'active' | 'defaulted';
}

export interface Payment extends PaymentReceived {
  reversed: boolean;
}

/** Everything collections knows about an open (or closed) collection case. */
export interface CollectionCase {
  determinationId: string;
  caseNumber?: string;
  office: string;
  naics?: string;
  openedOn: string;
  debtors: Debtor[];
  workers: WorkerClaim[];
  civilPenaltiesCents: number;
  ledger: Ledger;
  offers: Offer[];
  settlement?: SettlementAgreed;
  orders: OrderIssued[];
  judgment?: JudgmentEntered;
  plan?: Plan;
  /** Earlier plans, replaced by a later one. */
  pastPlans: Plan[];
  payments: Payment[];
  disbursementIds: string[];
  escalations: EscalationTaken[];
  defaults: DefaultDeclared[];
  /** When each unlocated worker was declared unlocated. */
  unlocatedSince: Record<string, string>;
  compromiseIds: string[];
}

/** `open` accepts commands; `closed` accepts none (docs/architecture.md#invariants: nothing after close). */
export type CollectionState =
  | { status: 'none' }
  | ({ status: 'open' } & CollectionCase)
  | ({ status: 'closed'; closed: CollectionCaseClosed } & CollectionCase);

export type OpenCollection = Extract<CollectionState, { status: 'open' }>;

export const initialCollectionState: CollectionState = { status: 'none' };
