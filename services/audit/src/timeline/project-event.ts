import { FOIA_CATEGORY, type FoiaRequestReceived, type FoiaResponseReleased } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { historyEntryOf } from '../history/history-entry';
import { FoiaRequestRow } from './foia-request.entity';
import { TimelineRow } from './timeline.entity';

/** Applies one event of any category to audit's read models (idempotent: keyed by position). */
export async function projectEvent(em: EntityManager, event: RecordedEvent): Promise<void> {
  const caseId = event.metadata.caseId;
  if (caseId) {
    const h = historyEntryOf(event);
    await em
      .createQueryBuilder()
      .insert()
      .into(TimelineRow)
      .values({
        position: String(h.position),
        caseId,
        eventId: h.eventId,
        streamId: h.streamId,
        category: h.category,
        streamVersion: h.streamVersion,
        type: h.type,
        actorId: h.actor.id,
        actorRole: h.actor.role,
        actorOrg: h.actor.org ?? null,
        occurredAt: h.occurredAt,
        recordedAt: h.recordedAt,
        correlationId: h.correlationId,
        causationId: h.causationId ?? null,
        sourceService: h.sourceService,
      })
      .orIgnore()
      .execute();
  }
  if (event.streamId.startsWith(`${FOIA_CATEGORY}-`)) await projectFoia(em, event);
}

async function projectFoia(em: EntityManager, event: RecordedEvent): Promise<void> {
  const repo = em.getRepository(FoiaRequestRow);
  const requestId = event.streamId.slice(FOIA_CATEGORY.length + 1);
  if (event.type === 'FoiaRequestReceived') {
    const data = event.data as FoiaRequestReceived;
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        requestId,
        status: 'received',
        caseIds: data.caseIds,
        requesterOrganization: data.requester.organization ?? null,
        receivedAt: data.receivedAt,
        overrides: 0,
        packageSha256: null,
        version: event.streamVersion,
      })
      .orIgnore()
      .execute();
    return;
  }
  const row = await repo.findOneBy({ requestId });
  if (!row || row.version >= event.streamVersion) return;
  row.version = event.streamVersion;
  if (event.type === 'RedactionOverridden') row.overrides += 1;
  if (event.type === 'FoiaResponseReleased') {
    row.status = 'released';
    row.packageSha256 = (event.data as FoiaResponseReleased).packageSha256;
  }
  await repo.save(row);
}
