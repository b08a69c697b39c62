import type {
  DecideFoiaAppealInput,
  DecideFoiaFeeWaiverInput,
  DenyFoiaRequestInput,
  EstimateFoiaFeeInput,
  RecordFoiaPaymentInput,
  ReferFoiaRequestInput,
} from '@lse/contracts';

/** The commands of a request's life after receipt; time comes with the command (`now`). */
type On<T extends string, P = unknown> = { type: T; requestId: string; now: string } & P;

export type FoiaLifecycleCommand =
  | On<'AcknowledgeFoiaRequest'>
  | On<'RequestFoiaClarification', { question: string }>
  | On<'ReceiveFoiaClarification', { answer: string }>
  | On<'EstimateFoiaFee', EstimateFoiaFeeInput>
  | On<'DecideFoiaFeeWaiver', DecideFoiaFeeWaiverInput>
  | On<'RecordFoiaPayment', RecordFoiaPaymentInput>
  | On<'DenyFoiaRequest', DenyFoiaRequestInput>
  | On<'RespondNoFoiaRecords', { search: string }>
  | On<'ReferFoiaRequest', ReferFoiaRequestInput>
  | On<'ReceiveFoiaAppeal', { grounds: string }>
  | On<'DecideFoiaAppeal', DecideFoiaAppealInput>;
