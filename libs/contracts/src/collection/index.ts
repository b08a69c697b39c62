import type { z } from 'zod';
import { CollectionCaseClosed, CollectionCaseReopened, DebtCompromised } from './closing';
import { DisbursementIssued, UnclaimedWagesTransferred, WorkerUnlocated } from './disbursement';
import { CollectionCaseOpened } from './opened';
import {
  DefaultDeclared,
  EscalationTaken,
  InstallmentMissed,
  PaymentReceived,
  PaymentReversed,
} from './payments';
import {
  JudgmentEntered,
  OrderIssued,
  PaymentPlanEstablished,
  SettlementAgreed,
  SettlementCountered,
  SettlementOffered,
} from './settlement';

export * from './parts';
export * from './opened';
export * from './settlement';
export * from './payments';
export * from './disbursement';
export * from './closing';
export * from './commands';
export * from './replies';

/** Every event of the collection stream, by type. */
export const COLLECTION_EVENTS = {
  CollectionCaseOpened,
  SettlementOffered,
  SettlementCountered,
  SettlementAgreed,
  OrderIssued,
  JudgmentEntered,
  PaymentPlanEstablished,
  PaymentReceived,
  PaymentReversed,
  InstallmentMissed,
  DefaultDeclared,
  EscalationTaken,
  DisbursementIssued,
  WorkerUnlocated,
  UnclaimedWagesTransferred,
  DebtCompromised,
  CollectionCaseClosed,
  CollectionCaseReopened,
} as const;

type Definitions = typeof COLLECTION_EVENTS;
export type CollectionEventType = keyof Definitions;
/** A collection event as deciders see it: `{ type, data }`, discriminated by `type`. */
export type CollectionEvent = {
  [K in CollectionEventType]: { type: K; data: z.output<Definitions[K]['schema']> };
}[CollectionEventType];
