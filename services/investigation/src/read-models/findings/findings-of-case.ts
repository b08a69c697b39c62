import type { FindingItemReply } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { FindingRow } from './finding-row.entity';

export type FindingItem = FindingItemReply;

/** A case's findings in the order they were recorded. */
export async function findingsOfCase(ds: DataSource, caseId: string): Promise<FindingItem[]> {
  const rows = await ds
    .getRepository(FindingRow)
    .createQueryBuilder('f')
    .where('f.caseId = :caseId', { caseId })
    .orderBy('f.version', 'ASC')
    .addOrderBy('f.findingId', 'ASC')
    .getMany();
  return rows.map(({ caseId: _c, recordedAt, amountCents, ...r }) => ({
    ...r,
    amountCents: amountCents === null ? null : Number(amountCents),
    recordedAt: recordedAt.toISOString(),
  }));
}
