import type { WorkloadItemReply } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { InvestigationRow } from './investigation-row.entity';

export type WorkloadItem = WorkloadItemReply;

/** Each investigator's open caseload, from the investigations table; ordered and paged by investigator id. */
export async function investigatorWorkload(
  ds: DataSource,
  limit: number,
  after?: { investigatorId: string },
): Promise<WorkloadItem[]> {
  const q = ds
    .getRepository(InvestigationRow)
    .createQueryBuilder('i')
    .select('i.investigatorId', 'investigatorId')
    .addSelect('count(*)::int', 'open')
    .addSelect(`count(*) FILTER (WHERE i.priority = 'P1')::int`, 'p1')
    .addSelect(`count(*) FILTER (WHERE i.priority = 'P2')::int`, 'p2')
    .addSelect(`count(*) FILTER (WHERE i.priority = 'P3')::int`, 'p3')
    .addSelect(`count(*) FILTER (WHERE i.priority = 'P4')::int`, 'p4')
    .addSelect(`count(*) FILTER (WHERE i.determinationStatus = 'proposed')::int`, 'awaiting')
    .addSelect('min(i.openedAt)', 'oldest')
    .where(`i.status = 'open'`)
    .andWhere('i.investigatorId IS NOT NULL');
  if (after) q.andWhere('i.investigatorId > :after', { after: after.investigatorId });
  const rows = await q
    .groupBy('i.investigatorId')
    .orderBy('i.investigatorId', 'ASC')
    .limit(limit)
    .getRawMany<{
      investigatorId: string;
      open: number;
      p1: number;
      p2: number;
      p3: number;
      p4: number;
      awaiting: number;
      oldest: Date;
    }>();
  return rows.map((r) => ({
    investigatorId: r.investigatorId,
    openInvestigations: r.open,
    byPriority: { P1: r.p1, P2: r.p2, P3: r.p3, P4: r.p4 },
    oldestOpenedAt: new Date(r.oldest).toISOString(),
    awaitingApproval: r.awaiting,
  }));
}
