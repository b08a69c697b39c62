import { dueOnReceipt, NoClockRuleError, OutsideHolidayCalendarError } from '@lse/audit-domain';
import {
  FOIA_CATEGORY,
  type FoiaAppealDecided,
  type FoiaAppealReceived,
  type FoiaFeeEstimated,
  type FoiaFeePaid,
  type FoiaFeeWaiverDecided,
  type FoiaRequestAcknowledged,
  type FoiaClockResumed,
  type FoiaClockTolled,
  type FoiaDeadlineExtended,
  type FoiaRequestReceived,
  type FoiaResponseReleased,
  type RecordsCompiled,
} from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import type { EntityManager } from 'typeorm';
import { historyEntryOf } from '../history/history-entry';
import { FoiaRequestRow } from './foia-request.entity';
import { queueKeyOf } from './queue-key';
import { projectRetention } from './project-retention';
import { TimelineRow } from './timeline.entity';

/** Applies one event of any category to audit's read models (idempotent: keyed by position). */
export async function projectEvent(em: EntityManager, event: RecordedEvent): Promise<void> {
  await projectEvents(em, [event]);
}

/**
 * Applies events of any category, in order, to audit's read models (idempotent: timeline rows are
 * keyed by position, FOIA rows by stream version). The timeline rows of the whole batch go in one
 * statement: a rebuild of 100k events is then 100 statements, not 100k.
 */
export async function projectEvents(em: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
  await insertTimelineRows(em, events);
  for (const event of events) {
    if (event.streamId.startsWith(`${FOIA_CATEGORY}-`)) await projectFoia(em, event);
    await projectRetention(em, event);
  }
}

const TIMELINE_COLUMNS: ReadonlyArray<[column: string, type: string]> = [
  ['position', 'bigint'],
  ['case_id', 'uuid'],
  ['event_id', 'uuid'],
  ['stream_id', 'text'],
  ['category', 'text'],
  ['stream_version', 'int'],
  ['type', 'text'],
  ['actor_id', 'text'],
  ['actor_role', 'text'],
  ['actor_org', 'text'],
  ['occurred_at', 'text'],
  ['recorded_at', 'text'],
  ['correlation_id', 'text'],
  ['causation_id', 'text'],
  ['source_service', 'text'],
];

/** One INSERT .. SELECT FROM unnest(column arrays) for every event that belongs to a case. */
async function insertTimelineRows(em: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
  const columns: unknown[][] = TIMELINE_COLUMNS.map(() => []);
  for (const event of events) {
    const caseId = event.metadata.caseId;
    if (!caseId) continue;
    const h = historyEntryOf(event);
    const values = [
      String(h.position),
      caseId,
      h.eventId,
      h.streamId,
      h.category,
      h.streamVersion,
      h.type,
      h.actor.id,
      h.actor.role,
      h.actor.org ?? null,
      h.occurredAt,
      h.recordedAt,
      h.correlationId,
      h.causationId ?? null,
      h.sourceService,
    ];
    values.forEach((v, i) => columns[i].push(v));
  }
  if (columns[0].length === 0) return;
  const table = em
    .getRepository(TimelineRow)
    .metadata.tablePath.split('.')
    .map((p) => `"${p}"`)
    .join('.');
  const names = TIMELINE_COLUMNS.map(([c]) => c).join(', ');
  const arrays = TIMELINE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await em.query(
    `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`,
    columns,
  );
}

async function projectFoia(em: EntityManager, event: RecordedEvent): Promise<void> {
  const repo = em.getRepository(FoiaRequestRow);
  const requestId = event.streamId.slice(FOIA_CATEGORY.length + 1);
  if (event.type === 'FoiaRequestReceived') {
    const data = event.data as FoiaRequestReceived;
    const dueOn = dueOnOf(data);
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
        cutoff: null,
        packageSha256: null,
        version: event.streamVersion,
        jurisdiction: data.jurisdiction ?? null,
        dueOn,
        tolledDaysLeft: null,
        trackingNumber: null,
        feeOwedCents: null,
        releases: 0,
        appealDueOn: null,
        queueKey: queueKeyOf({
          status: 'received',
          dueOn,
          tolledDaysLeft: null,
          receivedAt: data.receivedAt,
        }),
      })
      .orIgnore()
      .execute();
    return;
  }
  const row = await repo.findOneBy({ requestId });
  if (!row || row.version >= event.streamVersion) return;
  row.version = event.streamVersion;
  if (event.type === 'RedactionOverridden') row.overrides += 1;
  if (event.type === 'RecordsCompiled') row.cutoff = (event.data as RecordsCompiled).cutoff;
  if (event.type === 'FoiaResponseReleased') {
    const released = event.data as FoiaResponseReleased;
    // An installment keeps the request open; the final release (or one before installments) closes it.
    if (released.final !== false) row.status = 'released';
    row.releases += 1;
    row.cutoff = released.cutoff;
    row.packageSha256 = released.packageSha256;
  }
  projectLifecycle(row, event);
  if (event.type === 'FoiaDeadlineExtended') row.dueOn = (event.data as FoiaDeadlineExtended).dueOn;
  if (event.type === 'FoiaClockTolled') {
    row.dueOn = null;
    row.tolledDaysLeft = (event.data as FoiaClockTolled).daysLeft;
  }
  if (event.type === 'FoiaClockResumed') {
    row.dueOn = (event.data as FoiaClockResumed).dueOn;
    row.tolledDaysLeft = null;
  }
  row.queueKey = queueKeyOf(row);
  await repo.save(row);
}

/** The request's life after receipt: tracking number, fee owed, final response, appeal. */
function projectLifecycle(row: FoiaRequestRow, event: RecordedEvent): void {
  switch (event.type) {
    case 'FoiaRequestAcknowledged':
      row.trackingNumber = (event.data as FoiaRequestAcknowledged).trackingNumber;
      return;
    case 'FoiaFeeEstimated':
      row.feeOwedCents = (event.data as FoiaFeeEstimated).amountCents;
      return;
    case 'FoiaFeeWaiverDecided':
      if ((event.data as FoiaFeeWaiverDecided).granted) row.feeOwedCents = 0;
      return;
    case 'FoiaFeePaid':
      row.feeOwedCents = Math.max(0, (row.feeOwedCents ?? 0) - (event.data as FoiaFeePaid).amountCents);
      return;
    case 'FoiaRequestDenied':
    case 'FoiaNoRecordsFound':
    case 'FoiaRequestReferred':
      row.status = 'responded';
      return;
    case 'FoiaAppealReceived':
      row.status = 'appealed';
      row.appealDueOn = (event.data as FoiaAppealReceived).dueOn;
      return;
    case 'FoiaAppealDecided': {
      // Reversed, partly reversed or remanded (recorded with a due date): processed again, the
      // clock running to that date (agency policy); upheld, closed.
      const { reprocessDueOn } = event.data as FoiaAppealDecided;
      row.status = reprocessDueOn ? 'reprocessing' : 'appeal_decided';
      row.appealDueOn = null;
      if (reprocessDueOn) {
        row.dueOn = reprocessDueOn;
        row.tolledDaysLeft = null;
      }
      return;
    }
  }
}

/**
 * The due date on receipt; null when the rule's holiday calendar does not list the year yet, or the
 * event names no jurisdiction with a rule: the request is still listed, without a due date, rather
 * than stalling the projection.
 */
function dueOnOf(request: FoiaRequestReceived): string | null {
  try {
    return dueOnReceipt(request);
  } catch (error) {
    if (error instanceof OutsideHolidayCalendarError || error instanceof NoClockRuleError) return null;
    throw error;
  }
}
