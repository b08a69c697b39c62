import { CaseOpened, INVESTIGATION_EVENTS, investigationStreamId } from '@lse/contracts';
import { PostgresEventStore, WrongExpectedVersionError, type RecordedEvent } from '@lse/event-store';
import { reactionEvent } from '@lse/messaging';
import type { InvestigationCommands } from '../handling/investigation-commands.service';

/** The reaction's name: with the cause's id it derives the InvestigationOpened id (`reactionEventId`). */
export const OPEN_ON_CASE_OPENED = 'investigation:open-on-case-opened';

/**
 * complaint CaseOpened -> InvestigationOpened. Idempotent: the event id derives from the cause,
 * the append expects no stream, and a case already under investigation is left as it is, so a
 * redelivered CaseOpened changes nothing.
 */
export async function openOnCaseOpened(
  cause: RecordedEvent,
  store: PostgresEventStore,
  commands: InvestigationCommands,
  now: string,
): Promise<'opened' | 'already_open'> {
  const caseId = cause.metadata.caseId ?? cause.streamId.slice('complaint-'.length);
  const opened = CaseOpened.parse(cause.schemaVersion, cause.data);
  const { state } = await commands.load(caseId);
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
    state,
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
    await store.append(investigationStreamId(caseId), [next], 'no_stream');
    return 'opened';
  } catch (err) {
    // Two replicas raced on the same delivery: the other one opened it.
    if (err instanceof WrongExpectedVersionError) return 'already_open';
    throw err;
  }
}
