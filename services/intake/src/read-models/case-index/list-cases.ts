import {
  OPEN_CASE_STATUSES,
  type CaseStatus,
  type ListCasesQuery,
  type ListPosition,
  type CaseItemReply,
  type Priority,
} from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { CaseIndexRow } from './case-index.entity';
import { statusTimelines } from './case-status';

/** An entry of the case index, as intake answers it. */
export type CaseItem = CaseItemReply;

/**
 * The case index in the order entries entered it (listedAt, then caseId): a case by its opening
 * date, as before complaints that ended at intake were listed, so cursors made then still hold;
 * those complaints by the date they ended, so a newly listed one always comes after a page read
 * earlier. The FEIN stays inside intake.
 */
export async function listCases(
  ds: DataSource,
  filters: ListCasesQuery,
  limit: number,
  after?: ListPosition,
): Promise<CaseItem[]> {
  const q = ds.getRepository(CaseIndexRow).createQueryBuilder('c');
  if (filters.status === 'open') q.andWhere('c.status IN (:...open)', { open: [...OPEN_CASE_STATUSES] });
  else if (filters.status) q.andWhere('c.status = :status', { status: filters.status });
  if (filters.priority) q.andWhere('c.priority = :priority', { priority: filters.priority });
  if (filters.office) q.andWhere('c.office = :office', { office: filters.office });
  if (filters.caseNumber) q.andWhere('c.caseNumber = :caseNumber', { caseNumber: filters.caseNumber });
  if (after)
    q.andWhere('(c.listedAt, c.caseId) > (:at::timestamptz, :caseId::uuid)', {
      at: after.at,
      caseId: after.caseId,
    });
  const rows = await q.orderBy('c.listedAt', 'ASC').addOrderBy('c.caseId', 'ASC').limit(limit).getMany();
  const schema = (ds.options as { schema?: string }).schema as string;
  const timelines = await statusTimelines(
    (text, params) => ds.query(text, params),
    schema,
    rows.map((r) => r.caseId),
  );
  return rows.map(({ employerFein: _fein, openedAt, listedAt, statusChangedAt, status, priority, ...r }) => ({
    ...r,
    status: status as CaseStatus,
    priority: priority as Priority | null,
    statusChangedAt: statusChangedAt.toISOString(),
    statusHistory: timelines.get(r.caseId) ?? [
      { status: status as CaseStatus, at: statusChangedAt.toISOString() },
    ],
    openedAt: openedAt ? openedAt.toISOString() : null,
    listedAt: listedAt.toISOString(),
  }));
}
