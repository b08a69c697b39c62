import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

import type {
  AgreementEntry,
  AgreementView,
  Disclosure,
  Meeting,
  PartnerEntry,
  PartnerView,
  ReferralEntry,
  ReferralView,
} from './partner-types';

export * from './partner-types';

/** The partners service's reads, as every screen of the area makes them (types: partner-types.ts). */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const LIMIT = 25;

export type PartnerQuery = NonNullable<paths['/api/v1/partners']['get']['parameters']['query']>;
export type AgreementQuery = NonNullable<paths['/api/v1/agreements']['get']['parameters']['query']>;
export type ReferralQuery = NonNullable<paths['/api/v1/referrals']['get']['parameters']['query']>;
export type DisclosureQuery = NonNullable<paths['/api/v1/disclosures']['get']['parameters']['query']>;

export function usePartners(filters: PartnerQuery, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['partners', filters, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/partners', { params: { query: { ...filters, cursor, limit: LIMIT } } }),
      ) as unknown as Page<PartnerEntry>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(id: string, enabled = true) {
  return useQuery({
    queryKey: ['partner', id],
    queryFn: async () =>
      ok(await api.GET('/api/v1/partners/{id}', { params: { path: { id } } })) as unknown as PartnerView,
    enabled,
  });
}

export function useMeetings(id: string, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['partner-meetings', id, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/partners/{id}/meetings', {
          params: { path: { id }, query: { cursor, limit: LIMIT } },
        }),
      ) as unknown as Page<Meeting>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgreements(filters: AgreementQuery, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['agreements', filters, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/agreements', { params: { query: { ...filters, cursor, limit: LIMIT } } }),
      ) as unknown as Page<AgreementEntry>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgreement(id: string, enabled = true) {
  return useQuery({
    queryKey: ['agreement', id],
    queryFn: async () =>
      ok(await api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })) as unknown as AgreementView,
    enabled,
  });
}

export function useReferrals(filters: ReferralQuery, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['referrals', filters, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/referrals', { params: { query: { ...filters, cursor, limit: LIMIT } } }),
      ) as unknown as Page<ReferralEntry>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReferral(id: string, enabled = true) {
  return useQuery({
    queryKey: ['referral', id],
    queryFn: async () =>
      ok(await api.GET('/api/v1/referrals/{id}', { params: { path: { id } } })) as unknown as ReferralView,
    enabled,
  });
}

export function useDisclosures(filters: DisclosureQuery, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: ['disclosures', filters, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/disclosures', { params: { query: { ...filters, cursor, limit: LIMIT } } }),
      ) as unknown as Page<Disclosure>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Partner names by id, for lists that carry only ids (agreements, referrals, the ledger), and the
 * partners to choose from in a filter: the directory's first 200 entries, read once. Only for
 * roles that may read the directory.
 */
export function usePartnerNames(enabled: boolean) {
  const query = useQuery({
    queryKey: ['partner-names'],
    queryFn: async () =>
      (
        ok(
          await api.GET('/api/v1/partners', { params: { query: { limit: 200 } } }),
        ) as unknown as Page<PartnerEntry>
      ).items,
    enabled,
    staleTime: 60_000,
  });
  const partners = query.data ?? [];
  const names = new Map(partners.map((p) => [p.id, p.name]));
  return { partners, nameOf: (id: string) => names.get(id) ?? id.slice(0, 8) };
}
