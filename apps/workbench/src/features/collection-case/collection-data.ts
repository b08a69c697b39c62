import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import type { paths } from '../../api/schema';

export const READ_CASE = 'GET /api/v1/collections/{caseId}';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export interface Installment {
  installmentNo: number;
  dueOn: string;
  amountCents: number;
}
export interface NonMonetaryTerm {
  kind: 'training' | 'notice_posting' | 'monitoring' | 'anti_retaliation' | 'other';
  description: string;
  dueOn?: string;
}
export interface Offer {
  offerId: string;
  offeredBy: 'agency' | 'debtor';
  offeredOn: string;
  amountCents: number;
  installments: Installment[];
  nonMonetaryTerms: NonMonetaryTerm[];
  inResponseTo?: string;
}
export interface WorkerShare {
  workerId: string;
  amountCents: number;
}
export interface Payment {
  paymentId: string;
  debtorId: string;
  amountCents: number;
  receivedOn: string;
  method: string;
  reference?: string;
  planId?: string;
  allocations: WorkerShare[];
  reversed: boolean;
}
export interface Plan {
  planId: string;
  basis: string;
  sourceId?: string;
  establishedOn: string;
  installments: Installment[];
  paidCents: number;
  missed: number[];
  status: 'active' | 'defaulted';
}

/**
 * GET /api/v1/collections/{caseId}: the documented fields, and the rest of the case the service
 * sends with them (its state: offers, agreement, orders, plan, payments...), typed here as the
 * collections domain's CollectionCase has them (services/collections/domain/src/state.ts).
 */
export type CollectionCase = Json<'/api/v1/collections/{caseId}', 'get'> & {
  offers: Offer[];
  settlement?: {
    settlementId: string;
    acceptedOfferId?: string;
    agreedOn: string;
    amountCents: number;
    installments: Installment[];
    nonMonetaryTerms: NonMonetaryTerm[];
    approvedBy: string;
  };
  orders: Array<{
    orderId: string;
    kind: string;
    issuedOn: string;
    amountCents: number;
    dueOn: string;
    issuer?: string;
  }>;
  judgment?: {
    judgmentId: string;
    court: string;
    docketNumber: string;
    enteredOn: string;
    amountCents: number;
    interestRateBasisPoints: number;
  };
  plan?: Plan;
  pastPlans: Plan[];
  payments: Payment[];
  escalations: Array<{
    escalationId: string;
    kind: string;
    debtorId: string;
    takenOn: string;
    reference?: string;
    details?: string;
  }>;
  defaults: Array<{
    planId: string;
    declaredOn: string;
    missedInstallments: number[];
    balanceDueCents: number;
  }>;
  unlocatedSince: Record<string, string>;
  closed?: { closedOn: string; reason: string; note?: string };
};

export type Ledger = Json<'/api/v1/collections/{caseId}/ledger', 'get'>;
export type CommandResult = Json<'/api/v1/collections/{caseId}/payments', 'post'>;

// Not ['collection', caseId]: the case file keeps a 404 there as null ("not in collections").
export const collectionKey = (caseId: string) => ['collection-case', caseId] as const;

export function useCollection(caseId: string) {
  return useQuery({
    queryKey: collectionKey(caseId),
    queryFn: async () =>
      ok(await api.GET('/api/v1/collections/{caseId}', { params: { path: { caseId } } })) as CollectionCase,
    retry: false,
  });
}

export function useLedger(caseId: string, asOf?: string) {
  return useQuery({
    queryKey: ['collection-ledger', caseId, asOf ?? null],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/collections/{caseId}/ledger', {
          params: { path: { caseId }, query: asOf ? { asOf } : {} },
        }),
      ),
    retry: false,
  });
}

/** The collection commands a screen sends: POST /api/v1/collections/{caseId}/<action>. */
type ActionPath = {
  [P in keyof paths]: P extends `/api/v1/collections/{caseId}/${string}`
    ? paths[P] extends { post: { requestBody?: unknown } }
      ? P
      : never
    : never;
}[keyof paths];
export type ActionBody<P extends ActionPath> = paths[P]['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/**
 * One action on the collection case, at the version the page shows (If-Match: a 409 if someone
 * changed it meanwhile), retried safely (Idempotency-Key); afterwards the case, its ledger and the
 * receivables lists are read again.
 */
export function useCollectionAction<P extends ActionPath>(caseId: string, path: P, version: number) {
  const refresh = useCollectionRefresh(caseId);
  return useMutation({
    mutationFn: async (body: ActionBody<P>): Promise<CommandResult> => {
      const post = api.POST as unknown as (
        p: string,
        init: { params: unknown; body: unknown },
      ) => Promise<{ data?: CommandResult }>;
      return ok(
        await post(path, {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(version) },
          },
          body,
        }),
      );
    },
    onSuccess: refresh,
  });
}

export function useCollectionRefresh(caseId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: collectionKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['collection', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['collection-ledger', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['collection-statement', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['collection-reports'] });
  }, [caseId, queryClient]);
}

/** Today in the agency's calendar (UTC dates, as the service dates what it records). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
