import type { ListComplaintsQuery, ListPosition } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { ComplaintQueueRow } from './complaint-queue.entity';

export interface QueueItem {
  caseId: string;
  status: string;
  priority: string | null;
  score: number | null;
  office: string;
  channel: string;
  naics: string | null;
  industry: string | null;
  employerName: string;
  workersAffected: number;
  ongoing: boolean;
  limitationsExpiresOn: string | null;
  limitationsWarning: string | null;
  caseNumber: string | null;
  receivedAt: string;
  version: number;
}

/** Oldest first (first come, first triaged), after `after`, with the filters given. */
export async function listComplaints(
  ds: DataSource,
  filters: ListComplaintsQuery,
  limit: number,
  after?: ListPosition,
): Promise<QueueItem[]> {
  const q = ds.getRepository(ComplaintQueueRow).createQueryBuilder('c');
  if (filters.status) q.andWhere('c.status = :status', { status: filters.status });
  if (filters.priority) q.andWhere('c.priority = :priority', { priority: filters.priority });
  if (filters.office) q.andWhere('c.office = :office', { office: filters.office });
  if (filters.industry) {
    if (/^\d+$/.test(filters.industry)) q.andWhere('c.naics LIKE :naics', { naics: `${filters.industry}%` });
    else q.andWhere('c.industry = :industry', { industry: filters.industry });
  }
  if (after) {
    q.andWhere('(c.receivedAt, c.caseId) > (:at::timestamptz, :caseId::uuid)', {
      at: after.at,
      caseId: after.caseId,
    });
  }
  const rows = await q.orderBy('c.receivedAt', 'ASC').addOrderBy('c.caseId', 'ASC').limit(limit).getMany();
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
