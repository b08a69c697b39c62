import type { ListCasesQuery, ListPosition } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { CaseIndexRow } from './case-index.entity';

export interface CaseItem {
  caseId: string;
  caseNumber: string;
  employerName: string;
  status: string;
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
  if (filters.status) q.andWhere('c.status = :status', { status: filters.status });
  if (filters.priority) q.andWhere('c.priority = :priority', { priority: filters.priority });
  if (filters.office) q.andWhere('c.office = :office', { office: filters.office });
  if (filters.caseNumber) q.andWhere('c.caseNumber = :caseNumber', { caseNumber: filters.caseNumber });
  if (after)
    q.andWhere('(c.openedAt, c.caseId) > (:at::timestamptz, :caseId::uuid)', {
      at: after.at,
      caseId: after.caseId,
    });
  const rows = await q.orderBy('c.openedAt', 'ASC').addOrderBy('c.caseId', 'ASC').limit(limit).getMany();
  return rows.map(({ employerFein: _fein, openedAt, ...r }) => ({ ...r, openedAt: openedAt.toISOString() }));
}
