import type { paths } from '../../api/schema';
import type { InvestigationView } from './case-file-tab';

/*
 * The parts of GET /cases/{caseId}/investigation that the back-wages, findings, violations and
 * determination tabs read. The OpenAPI schema leaves the view open past its first fields, so
 * their shapes are stated here as the investigation service writes them (services/investigation/
 * src/handling/view.ts); request bodies come from the generated schema.
 */

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type FindViolationBody = Body<'/api/v1/cases/{caseId}/investigation/violations'>;
export type AssessPenaltyBody = Body<'/api/v1/cases/{caseId}/investigation/civil-penalties'>;
export type ComputeBody = Body<'/api/v1/cases/{caseId}/investigation/back-wage-computations'>;
export type ProposeBody = Body<'/api/v1/cases/{caseId}/investigation/determination/proposal'>;
export type ViolationType = FindViolationBody['type'];

/** Who recorded it and when (null from a service that does not say). */
interface RecordedBy {
  recordedAt?: string | null;
  recordedBy?: string | null;
}

export interface Amounts {
  minimumWageCents: number;
  overtimeCents: number;
  unpaidWagesCents: number;
  liquidatedDamagesCents: number;
  totalCents: number;
}

export interface Computation extends RecordedBy {
  computationId: string;
  ruleSets: { id: string; version: string }[];
  recordSetIds?: string[];
  rerunOf?: string | null;
  filingDate: string;
  willful?: boolean;
  excludedWorkweeks?: number;
  totals: Amounts;
}

export type Violation = Required<Omit<FindViolationBody, 'violationId'>> & {
  violationId: string;
} & RecordedBy;
export type CivilPenalty = Required<Omit<AssessPenaltyBody, 'penaltyId'>> & {
  penaltyId: string;
} & RecordedBy;

export interface Employer {
  employerId: string;
  name: string;
  fein?: string;
  role: string;
  basis?: string;
}

export interface RecordSet {
  recordSetId: string;
  source: string;
  employerId: string | null;
  workers: number;
  records: number;
}

export interface Determination {
  proposal: {
    determinationId: string;
    proposedBy: string;
    computationId: string;
    violationIds: string[];
    penaltyIds: string[];
    employerIds: string[];
    summary: string;
  };
  approvedBy?: string;
  issuedAt?: string;
  proposedAt?: string | null;
  approvedAt?: string | null;
  issuedBy?: string | null;
}

export interface InvestigationParts {
  version: number;
  open: boolean;
  investigatorId: string | null;
  openedAt: string | null;
  employers: Employer[];
  recordSets: RecordSet[];
  computations: Computation[];
  latestComputationId: string | null;
  violations: Violation[];
  civilPenalties: CivilPenalty[];
  determination: Determination | null;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The view's parts, empty where the view has none. */
export function partsOf(view: InvestigationView): InvestigationParts {
  const computations = list<Computation>(view.computations);
  return {
    version: view.version,
    open: view.status === 'open',
    investigatorId: view.investigatorId,
    openedAt: typeof view.openedAt === 'string' ? view.openedAt : null,
    employers: list<Employer>(view.employers),
    recordSets: list<RecordSet>(view.recordSets),
    computations,
    latestComputationId:
      typeof view.latestComputationId === 'string'
        ? view.latestComputationId
        : (computations.at(-1)?.computationId ?? null),
    violations: list<Violation>(view.violations),
    civilPenalties: list<CivilPenalty>(view.civilPenalties),
    determination: (view.determination as Determination | null | undefined) ?? null,
  };
}

/** Where the determination stands. */
export type DeterminationStatus = 'none' | 'proposed' | 'approved' | 'issued';
export function determinationStatus(d: Determination | null): DeterminationStatus {
  if (!d) return 'none';
  if (d.issuedAt) return 'issued';
  return d.approvedBy ? 'approved' : 'proposed';
}

/** `a1b2c3d4`: a short, stable handle for an id in a table (the full id is in its title). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The field error for a form field: its own path or one inside it (`ruleSetIds[0]`). */
export function errorFor(errors: Record<string, string>, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const key = Object.keys(errors).find((p) => p.startsWith(`${name}[`) || p.startsWith(`${name}.`));
  return key ? errors[key] : undefined;
}

/** Dollars as typed ("1,250.50", "$80") in integer cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const s = text.trim().replace(/^\$/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', fraction = ''] = s.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The employers' names, in the order given (an id the view does not know is shown short). */
export function employerNames(parts: InvestigationParts, ids: readonly string[]): string {
  return ids.map((id) => parts.employers.find((e) => e.employerId === id)?.name ?? shortId(id)).join('; ');
}
