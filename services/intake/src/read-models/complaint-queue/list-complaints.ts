import type {
  ComplaintStatus,
  ListComplaintsQuery,
  ListPosition,
  Priority,
  QueueItemReply,
} from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { ComplaintQueueRow } from './complaint-queue.entity';

/** A row of the complaint queue, as intake answers it. */
export type QueueItem = QueueItemReply;

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
  return rows.map((r) => ({
    ...r,
    status: r.status as ComplaintStatus,
    priority: r.priority as Priority | null,
    receivedAt: r.receivedAt.toISOString(),
  }));
}
