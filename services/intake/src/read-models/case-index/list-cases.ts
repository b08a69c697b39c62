import type { CaseStatus, ListCasesQuery, ListPosition } from '@lse/contracts';
import type { CaseStatusChange } from '@lse/intake-domain';
import type { DataSource } from 'typeorm';
import { CaseIndexRow } from './case-index.entity';
import { statusTimelines } from './case-status';

export interface CaseItem {
  caseId: string;
  caseNumber: string;
  employerName: string;
  status: CaseStatus;
  /** When the case took its current status. */
  statusChangedAt: string;
  /** Every change of status with its date, oldest first. */
  statusHistory: CaseStatusChange[];
  priority: string;
  office: string;
  openedAt: string;
}

/** Opened cases in the order they were opened. The FEIN stays inside intake. */
export async function listCases(
  ds: DataSource,
  filters: ListCasesQuery,
  limit: number,
  after?: ListPosition,
): Promise<CaseItem[]> {
  const q = ds.getRepository(CaseIndexRow).createQueryBuilder('c');
  if (filters.status === 'open') q.andWhere(`c.status <> 'closed'`);
  else if (filters.status) q.andWhere('c.status = :status', { status: filters.status });
  if (filters.priority) q.andWhere('c.priority = :priority', { priority: filters.priority });
  if (filters.office) q.andWhere('c.office = :office', { office: filters.office });
  if (filters.caseNumber) q.andWhere('c.caseNumber = :caseNumber', { caseNumber: filters.caseNumber });
  if (after)
    q.andWhere('(c.openedAt, c.caseId) > (:at::timestamptz, :caseId::uuid)', {
      at: after.at,
      caseId: after.caseId,
    });
  const rows = await q.orderBy('c.openedAt', 'ASC').addOrderBy('c.caseId', 'ASC').limit(limit).getMany();
  const schema = (ds.options as { schema?: string }).schema as string;
  const timelines = await statusTimelines(
    (text, params) => ds.query(text, params),
    schema,
    rows.map((r) => r.caseId),
  );
  return rows.map(({ employerFein: _fein, openedAt, statusChangedAt, status, ...r }) => ({
    ...r,
    status: status as CaseStatus,
    statusChangedAt: statusChangedAt.toISOString(),
    statusHistory: timelines.get(r.caseId) ?? [{ status: 'opened', at: openedAt.toISOString() }],
    openedAt: openedAt.toISOString(),
  }));
}
