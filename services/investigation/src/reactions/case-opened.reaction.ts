import { CaseOpened, investigationStreamId } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import { investigationDecider, type InvestigationCommand } from '@lse/investigation-domain';
import { appendReaction, type Metrics } from '@lse/service-kit';

/** The reaction's name: with the cause's id it derives the InvestigationOpened id (`reactionEventId`). */
export const OPEN_ON_CASE_OPENED = 'investigation:open-on-case-opened';

/**
 * complaint CaseOpened -> InvestigationOpened. Idempotent (appendReaction): the event id derives
 * from the cause, the append expects no stream, and a case already under investigation is left as
 * it is, so a redelivered CaseOpened changes nothing.
 *
 * An investigation stream exists only once opened (InvestigationOpened starts it), so the
 * decision is taken on the empty state without reading the stream (`startsStream`), and the
 * append's `no_stream` is the check: one round trip instead of two. A stream that exists refuses
 * it (already open); the same InvestigationOpened stored before is answered as stored (a redelivery).
 */
export async function openOnCaseOpened(
  cause: RecordedEvent,
  store: Parameters<typeof appendReaction>[0]['store'],
  now: string,
  metrics?: Pick<Metrics, 'eventsAppended'>,
): Promise<'opened' | 'already_open'> {
  const caseId = cause.metadata.caseId ?? cause.streamId.slice('complaint-'.length);
  const opened = CaseOpened.parse(cause.schemaVersion, cause.data);
  const { outcome } = await appendReaction({
    store,
    decider: investigationDecider,
    metrics,
    cause,
    name: OPEN_ON_CASE_OPENED,
    singleEvent: true,
    streamId: investigationStreamId(caseId),
    startsStream: true,
    sourceService: 'investigation',
    now,
    caseId,
    command: (): InvestigationCommand => ({
      type: 'OpenInvestigation',
      caseId,
      now,
      actor: { id: 'service:investigation', role: 'system' },
      caseNumber: opened.caseNumber,
      priority: opened.priority,
      office: opened.office,
      openedAt: opened.openedAt,
    }),
  });
  return outcome === 'appended' ? 'opened' : 'already_open';
}
