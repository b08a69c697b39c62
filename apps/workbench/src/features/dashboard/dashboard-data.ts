import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

type Get = paths['/api/v1/reports/dashboard']['get'];
export type DashboardFilters = NonNullable<Get['parameters']['query']>;
export type Dashboard = Get['responses']['200']['content']['application/json'];
export type OfficeRow = Dashboard['byOffice'][number];
export type IndustryRow = Dashboard['byIndustry'][number];
export type MoneyRow = Dashboard['collections']['byMonth'][number];

export const DASHBOARD_FILTERS = ['office', 'industry', 'from', 'to'] as const;

export function useDashboard(filters: DashboardFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', filters],
    queryFn: async () => ok(await api.GET('/api/v1/reports/dashboard', { params: { query: filters } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
