import type {
  InvestigationListPosition,
  InvestigationNextStep,
  ListInvestigationsQuery,
  InvestigationItemReply,
  Priority,
} from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { InvestigationRow } from './investigation-row.entity';

export type InvestigationItem = InvestigationItemReply;

/** Investigations by urgency: priority (P1 first), then the oldest first; keyset-paged. */
export async function listInvestigations(
  ds: DataSource,
  filters: ListInvestigationsQuery,
  limit: number,
  after: InvestigationListPosition | undefined,
  now: Date,
): Promise<InvestigationItem[]> {
  const q = ds.getRepository(InvestigationRow).createQueryBuilder('i');
  if (filters.status) q.andWhere('i.status = :status', { status: filters.status });
  if (filters.priority) q.andWhere('i.priority = :priority', { priority: filters.priority });
  if (filters.investigatorId) q.andWhere('i.investigatorId = :inv', { inv: filters.investigatorId });
  if (filters.unassigned === true) q.andWhere('i.investigatorId IS NULL');
  if (filters.unassigned === false) q.andWhere('i.investigatorId IS NOT NULL');
  if (filters.determinationStatus === 'none') q.andWhere('i.determinationStatus IS NULL');
  else if (filters.determinationStatus)
    q.andWhere('i.determinationStatus = :determination', { determination: filters.determinationStatus });
  if (after)
    q.andWhere('(i.priority, i.openedAt, i.caseId) > (:p, :at::timestamptz, :caseId::uuid)', {
      p: after.priority,
      at: after.openedAt,
      caseId: after.caseId,
    });
  const rows = await q
    .orderBy('i.priority', 'ASC')
    .addOrderBy('i.openedAt', 'ASC')
    .addOrderBy('i.caseId', 'ASC')
    .limit(limit)
    .getMany();
  return rows.map(({ hoursVersion: _h, computedVersion: _c, ...r }) => ({
    ...r,
    priority: r.priority as Priority,
    status: r.status as InvestigationItem['status'],
    determinationStatus: r.determinationStatus as InvestigationItem['determinationStatus'],
    openedAt: r.openedAt.toISOString(),
    ageDays: Math.floor((now.getTime() - r.openedAt.getTime()) / 86_400_000),
    determinedCents: r.determinedCents === null ? null : Number(r.determinedCents),
    nextStep: r.nextStep as InvestigationNextStep,
  }));
}
