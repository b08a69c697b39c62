import type { paths } from '../../api/schema';
import type { InvestigationView } from './case-file-tab';

/*
 * What the back-wages, findings, violations and determination tabs read of the investigation
 * view (typed by the OpenAPI document) and send back (request bodies from the same document).
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

export type Computation = InvestigationView['computations'][number];
export type Amounts = Computation['totals'];
export type Violation = InvestigationView['violations'][number];
export type CivilPenalty = InvestigationView['civilPenalties'][number];
export type Determination = NonNullable<InvestigationView['determination']>;

/** Where the determination stands. */
export type DeterminationStatus = 'none' | 'proposed' | 'approved' | 'issued';
export function determinationStatus(d: Determination | null): DeterminationStatus {
  if (!d) return 'none';
  if (d.issuedAt) return 'issued';
  return d.approvedBy ? 'approved' : 'proposed';
}

/**
 * Whether findings may still be recorded: the investigation is open and no determination is
 * approved (it rests on the findings as they are; the API refuses anything new).
 */
export function takesFindings(view: InvestigationView): boolean {
  return view.status === 'open' && !view.determination?.approvedBy;
}

/** `a1b2c3d4`: a short, stable handle for an id in a table. */
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
export function employerNames(view: InvestigationView, ids: readonly string[]): string {
  return ids.map((id) => view.employers.find((e) => e.employerId === id)?.name ?? shortId(id)).join('; ');
}
