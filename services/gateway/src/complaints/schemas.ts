import { FindEmployerQuery, ListCasesQuery, ListComplaintsQuery, ListPositionSchema } from '@lse/contracts';
import { PAGE_QUERY, type Keyset } from '../http/pagination';

/* Request shapes of the complaint routes (the replies are intake's contracts in @lse/contracts). */

export const ComplaintQueueQuery = ListComplaintsQuery.extend(PAGE_QUERY);
export const CaseIndexQuery = ListCasesQuery.extend(PAGE_QUERY);
export const EmployerQuery = FindEmployerQuery;

/** Intake's lists are keyset-paged by a time of the row, then caseId. */
export const byTimeAndCase = <T extends { caseId: string }>(timeOf: (row: T) => string): Keyset<T> => ({
  position: ListPositionSchema,
  of: (row) => ({ at: timeOf(row), caseId: row.caseId }),
});
