import type { EventFilter } from '../port';

/** SQL conditions for a filter; pushes their parameters. */
export function filterClauses(filter: EventFilter, params: unknown[]): string[] {
  const clauses: string[] = [];
  if (filter.categories?.length) {
    params.push(filter.categories);
    clauses.push(`category = ANY($${params.length}::text[])`);
  }
  if (filter.types?.length) {
    params.push(filter.types);
    clauses.push(`type = ANY($${params.length}::text[])`);
  }
  if (filter.caseId !== undefined) {
    params.push(filter.caseId);
    clauses.push(`case_id = $${params.length}::uuid`);
  }
  return clauses;
}
