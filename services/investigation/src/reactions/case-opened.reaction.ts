import { CaseOpened, INVESTIGATION_EVENTS, investigationStreamId } from '@lse/contracts';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { reactionEvent } from '@lse/messaging';
import type { InvestigationCommands } from '../commands/investigation-commands.service';

/** The reaction's name: with the cause's id it derives the InvestigationOpened id (`reactionEventId`). */
export const OPEN_ON_CASE_OPENED = 'investigation:open-on-case-opened';

/**
 * complaint CaseOpened -> InvestigationOpened. Idempotent: the event id derives from the cause,
 * the append expects no stream, and a case already under investigation is left as it is, so a
 * redelivered CaseOpened changes nothing.
 *
 * An investigation stream exists only once opened (InvestigationOpened starts it), so the
 * decision is taken on the empty state without reading the stream, and the append's `no_stream`
 * is the check: one round trip instead of two. A stream that exists refuses it (already open);
 * the same InvestigationOpened stored before is answered as stored (a redelivery).
 */
export async function openOnCaseOpened(
  cause: RecordedEvent,
  store: PostgresEventStore,
  commands: InvestigationCommands,
  now: string,
): Promise<'opened' | 'already_open'> {
  const caseId = cause.metadata.caseId ?? cause.streamId.slice('complaint-'.length);
  const opened = CaseOpened.parse(cause.schemaVersion, cause.data);
  const decided = commands.decider.decide(
    {
      type: 'OpenInvestigation',
      caseId,
      now,
      actor: { id: 'service:investigation', role: 'system' },
      caseNumber: opened.caseNumber,
      priority: opened.priority,
      office: opened.office,
      openedAt: opened.openedAt,
    },
    commands.decider.initialState,
  );
  if (decided.length === 0) return 'already_open';
  const [event] = decided;
  // Validated by its contract before the append.
  const data = INVESTIGATION_EVENTS.InvestigationOpened.parse(1, event.data);
  const next = reactionEvent(cause, OPEN_ON_CASE_OPENED, 'investigation', now, {
    type: event.type,
    schemaVersion: INVESTIGATION_EVENTS.InvestigationOpened.version,
    data,
  });
  try {
    const appended = await store.append(investigationStreamId(caseId), [next], 'no_stream');
    return appended.alreadyStored ? 'already_open' : 'opened';
  } catch (err) {
    // Opened before: by a redelivery of this cause (with other data, had its contract changed
    // since), or by another replica racing on the same delivery.
    if (err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)
      return 'already_open';
    throw err;
  }
}
