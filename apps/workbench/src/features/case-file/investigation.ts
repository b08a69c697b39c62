import { useQuery, type QueryClient } from '@tanstack/react-query';
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
    queryFn: async () => ok(await api.GET('/api/v1/cases/{caseId}/investigation', { params: { path: { caseId } } })),
    enabled,
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.status === 404 && query.state.errorUpdateCount < 10 ? 3000 : false,
  });
}

export function invalidateInvestigation(queryClient: QueryClient, caseId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: investigationKey(caseId) });
}

/*
 * The parts of the investigation view the case file reads. The OpenAPI document declares only the
 * view's head (id, version, status, case number, priority, investigator) and leaves the rest open;
 * services/investigation/src/handling/view.ts builds it, and these types follow that file.
 */
export interface Employer {
  employerId: string;
  name: string;
  role: string;
  fein?: string;
  basis?: string;
}
export interface Evidence {
  evidenceId: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName?: string;
  description?: string;
}
export interface RecordSet {
  recordSetId: string;
  source: string;
  employerId: string | null;
  workers: number;
  records: number;
}
export interface Totals {
  minimumWageCents: number;
  overtimeCents: number;
  unpaidWagesCents: number;
  liquidatedDamagesCents: number;
  totalCents: number;
}
export interface Computation {
  computationId: string;
  ruleSets: { id: string; version: string }[];
  filingDate: string;
  totals: Totals;
}
export interface Determination {
  proposal: { determinationId: string; proposedBy: string; computationId: string };
  approvedBy?: string;
  issuedAt?: string;
}
export interface Closure {
  reason: string;
  closedAt: string;
}

export interface Interview {
  interviewId: string;
  interviewedOn: string;
  role: string;
  workerId: string | null;
  language: string;
  interpreterUsed: boolean;
  traumaInformedProtocol: boolean;
  confidentialSource: boolean;
}
export interface RetaliationConcern {
  concernId: string;
  workerIds: string[];
  kind: string;
  reportedOn: string;
}
export interface Letter {
  letterId: string;
  workerId: string;
  program: string;
  requestedOn: string;
  issued: boolean;
  issuedOn: string | null;
  evidenceId: string | null;
}

export interface InvestigationParts {
  openedAt?: string;
  office?: string;
  employers: Employer[];
  interviews: Interview[];
  retaliationConcerns: RetaliationConcern[];
  letters: Letter[];
  evidence: Evidence[];
  recordSets: RecordSet[];
  computations: Computation[];
  determination: Determination | null;
  closure: Closure | null;
}

export function partsOf(view: InvestigationView): InvestigationParts {
  const v = view as Partial<InvestigationParts> & InvestigationView;
  return {
    openedAt: v.openedAt,
    office: v.office,
    employers: v.employers ?? [],
    interviews: v.interviews ?? [],
    retaliationConcerns: v.retaliationConcerns ?? [],
    letters: v.letters ?? [],
    evidence: v.evidence ?? [],
    recordSets: v.recordSets ?? [],
    computations: v.computations ?? [],
    determination: v.determination ?? null,
    closure: v.closure ?? null,
  };
}

/**
 * What the case is assessed at: the computation the determination rests on once there is one,
 * else the latest computation (computations are listed oldest first).
 */
export function assessed(parts: InvestigationParts): { cents: number; basis: 'determination' | 'computation' } | null {
  const { determination, computations } = parts;
  if (determination) {
    const c = computations.find((x) => x.computationId === determination.proposal.computationId);
    if (c) return { cents: c.totals.totalCents, basis: 'determination' };
  }
  const latest = computations[computations.length - 1];
  return latest ? { cents: latest.totals.totalCents, basis: 'computation' } : null;
}
