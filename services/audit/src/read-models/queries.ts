import type { DataSource } from 'typeorm';
import { clockReplyOf } from '../foia/clock-view';
import { isOpenStatus } from './queue-key';
import type { HistoryEntry } from '../history/history-entry';
import { FoiaRequestRow } from './foia-request.entity';
import { TimelineRow } from './timeline.entity';

const toEntry = (r: TimelineRow): HistoryEntry => {
  const entry: HistoryEntry = {
    position: Number(r.position),
    eventId: r.eventId,
    streamId: r.streamId,
    category: r.category,
    streamVersion: r.streamVersion,
    type: r.type,
    actor: r.actorOrg
      ? { id: r.actorId, role: r.actorRole, org: r.actorOrg }
      : { id: r.actorId, role: r.actorRole },
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    correlationId: r.correlationId,
    sourceService: r.sourceService,
  };
  if (r.causationId) entry.causationId = r.causationId;
  return entry;
};

/** Up to `limit` timeline entries of a case after a global position, in global order. */
export async function timelinePage(
  ds: DataSource,
  caseId: string,
  after: number,
  limit: number,
): Promise<{ items: HistoryEntry[] }> {
  const rows = await ds
    .getRepository(TimelineRow)
    .createQueryBuilder('t')
    .where('t.case_id = :caseId AND t.position > :after', { caseId, after: String(after) })
    .orderBy('t.position', 'ASC')
    .limit(limit)
    .getMany();
  return { items: rows.map(toEntry) };
}

/** FOIA requests in the queue's order (`queueKeyOf`): overdue and soonest due first. */
export async function listFoiaRequests(
  ds: DataSource,
  status: string | undefined,
  limit: number,
  now: Date,
  after?: { at: string; requestId: string },
) {
  const q = ds.getRepository(FoiaRequestRow).createQueryBuilder('f');
  if (status) q.andWhere('f.status = :status', { status });
  if (after) q.andWhere('(f.queue_key, f.request_id) > (:at, :id)', { at: after.at, id: after.requestId });
  const rows = await q.orderBy('f.queue_key', 'ASC').addOrderBy('f.request_id', 'ASC').limit(limit).getMany();
  return rows.map((r) => ({
    requestId: r.requestId,
    status: r.status,
    caseIds: r.caseIds,
    requesterOrganization: r.requesterOrganization ?? undefined,
    receivedAt: r.receivedAt,
    overrides: r.overrides,
    cutoff: r.cutoff ?? undefined,
    packageSha256: r.packageSha256 ?? undefined,
    version: r.version,
    queuePosition: r.queueKey,
    ...(r.trackingNumber ? { trackingNumber: r.trackingNumber } : {}),
    ...(r.feeOwedCents !== null ? { feeOwedCents: r.feeOwedCents } : {}),
    releases: r.releases,
    ...(r.appealDueOn ? { appealDueOn: r.appealDueOn } : {}),
    // Rows projected before the clock are federal: no other jurisdiction could be received then.
    ...clockReplyOf(
      r.jurisdiction ?? 'federal',
      { released: !isOpenStatus(r.status), dueOn: r.dueOn, tolledDaysLeft: r.tolledDaysLeft },
      now,
    ),
  }));
}
