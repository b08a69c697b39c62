import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { InvestigationView } from './case-file-tab';

export const investigationKey = (caseId: string) => ['investigation', caseId] as const;

/**
 * GET /cases/{caseId}/investigation. A case opened a moment ago answers 404 until the
 * investigation service has caught up (about a second), so a 404 is asked again a few times.
 */
export function useInvestigation(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: investigationKey(caseId),
    queryFn: async () =>
      ok(await api.GET('/api/v1/cases/{caseId}/investigation', { params: { path: { caseId } } })),
    enabled,
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.status === 404 && query.state.errorUpdateCount < 10
        ? 3000
        : false,
  });
}

/** The parts of the investigation view the case file reads, as the OpenAPI document types them. */
export type Employer = InvestigationView['employers'][number];
export type Interview = InvestigationView['interviews'][number];
export type RetaliationConcern = InvestigationView['retaliationConcerns'][number];
export type Letter = InvestigationView['letters'][number];
export type Evidence = InvestigationView['evidence'][number];
export type RecordSet = InvestigationView['recordSets'][number];
export type Computation = InvestigationView['computations'][number];

/**
 * What the case is assessed at: the computation the determination rests on once there is one,
 * else the latest computation (the view names it; computations are listed oldest first).
 */
export function assessed(
  view: Pick<InvestigationView, 'determination' | 'computations' | 'latestComputationId'>,
): { cents: number; basis: 'determination' | 'computation' } | null {
  const { determination, computations, latestComputationId } = view;
  const byId = (id: string | null | undefined) => computations.find((x) => x.computationId === id);
  const proposed = determination && byId(determination.proposal.computationId);
  if (proposed) return { cents: proposed.totals.totalCents, basis: 'determination' };
  const latest = byId(latestComputationId) ?? computations[computations.length - 1];
  return latest ? { cents: latest.totals.totalCents, basis: 'computation' } : null;
}
