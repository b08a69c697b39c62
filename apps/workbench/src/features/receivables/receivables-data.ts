import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type ReceivableItem = Ok<'/api/v1/collection-reports/receivables'>['items'][number];
export type InstallmentItem = Ok<'/api/v1/collection-reports/installments-due'>['items'][number];
export type DefaultItem = Ok<'/api/v1/collection-reports/defaults'>['items'][number];
export type RateGroup = Ok<'/api/v1/collection-reports/collection-rate'>['groups'][number];
export type AgingBucket = ReceivableItem['bucket'];

export const AGING_BUCKETS: readonly AgingBucket[] = ['0-30', '31-60', '61-90', '90+'];

/** The filters of the receivables screen, as the query string holds them. */
export interface ReceivablesFilters {
  office?: string;
  /** A NAICS sector, two digits. */
  industry?: string;
  bucket?: AgingBucket;
}

const PAGE = 25;

export function useReceivables(filters: ReceivablesFilters, cursor: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['receivables', filters, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/collection-reports/receivables', {
          params: { query: { ...filters, cursor, limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Installments due in the next 7 days, or those recorded missed (still unpaid). */
export function useInstallments(
  status: 'due' | 'missed',
  filters: ReceivablesFilters,
  cursor: string | undefined,
) {
  const { office, industry } = filters;
  return useQuery({
    queryKey: ['installments', status, office, industry, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/collection-reports/installments-due', {
          params: { query: { office, industry, status, days: 7, cursor, limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDefaults(filters: ReceivablesFilters, cursor: string | undefined) {
  const { office, industry } = filters;
  return useQuery({
    queryKey: ['defaults', office, industry, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/collection-reports/defaults', {
          params: { query: { office, industry, cursor, limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Collected / assessed by the month collection cases opened, within the office and sector. */
export function useCollectionRateByMonth(filters: ReceivablesFilters) {
  const { office, industry } = filters;
  return useQuery({
    queryKey: ['collection-rate', 'period', office, industry],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/collection-reports/collection-rate', {
          params: { query: { groupBy: 'period', office, industry } },
        }),
      ),
  });
}
