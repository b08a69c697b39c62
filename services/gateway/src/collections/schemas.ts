import {
  CollectionListPosition,
  CollectionRateQuery as RateQuery,
  type DefaultItemReply,
  type InstallmentDueItemReply,
  type ReceivableItemReply,
  ListDefaultsQuery,
  ListInstallmentsDueQuery,
  ListReceivablesQuery,
  fields,
} from '@lse/contracts';
import { z } from 'zod';
import { PAGE_QUERY, type Keyset } from '../http/pagination';

/* Request shapes of the collection routes (the replies are collections' contracts in @lse/contracts). */

export const DebtorParams = z.strictObject({ caseId: z.uuid(), debtorId: z.uuid() });
export const WorkerParams = z.strictObject({ caseId: z.uuid(), workerId: z.uuid() });

export const AsOfQuery = z.strictObject({ asOf: fields.isoDate().optional() });
export const StatementQuery = z.strictObject({
  asOf: fields.isoDate().optional(),
  format: z.enum(['json', 'html']).optional().describe('html: a printable page (or send Accept: text/html)'),
});

export const ReceivablesQuery = ListReceivablesQuery.extend(PAGE_QUERY);
export const InstallmentsDueQuery = ListInstallmentsDueQuery.extend(PAGE_QUERY);
export const DefaultsQuery = ListDefaultsQuery.extend(PAGE_QUERY);
export const CollectionRateQuery = RateQuery;

/** The printable page of a statement. */
export const HTML_CONTENT = { 'text/html': { schema: { type: 'string' } } };

/** Collections' lists are keyset-paged by a date of the row and caseId (and what else orders it). */
const collectionKeyset = <T>(of: (row: T) => unknown): Keyset<T> => ({
  position: CollectionListPosition,
  of,
});
export const RECEIVABLES = collectionKeyset<ReceivableItemReply>((r) => ({
  at: r.agingFrom,
  caseId: r.caseId,
}));
export const INSTALLMENTS_DUE = collectionKeyset<InstallmentDueItemReply>((r) => ({
  at: r.dueOn,
  caseId: r.caseId,
  n: r.installmentNo,
}));
export const DEFAULTS = collectionKeyset<DefaultItemReply>((r) => ({ at: r.declaredOn, caseId: r.caseId }));
