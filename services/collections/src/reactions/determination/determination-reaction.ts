import { collectionStreamId, complaintStreamId, DeterminationIssued } from '@lse/contracts';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import { appendReaction, type Metrics } from '@lse/service-kit';
import type { CollectionCommand, CollectionDecider } from '@lse/collections-domain';
import { complaintFacts, openingFor } from './opening-from-determination';

export const OPEN_CASE_REACTION = 'collections:open-collection-case';

/**
 * `investigation` DeterminationIssued with amounts owed -> CollectionCaseOpened. Idempotent
 * (appendReaction): the event id derives from the cause, the append expects the version it
 * decided on, and the decider answers a redelivery of the same determination with nothing.
 */
export async function reactToDetermination(
  cause: RecordedEvent,
  deps: {
    store: Pick<EventStore, 'readStream' | 'append'>;
    decider: CollectionDecider;
    now: () => Date;
    metrics?: Pick<Metrics, 'eventsAppended'>;
  },
): Promise<'opened' | 'already_open' | 'nothing_owed'> {
  if (cause.type !== DeterminationIssued.type) return 'nothing_owed';
  const caseId = (cause.data as { caseId?: string }).caseId ?? cause.metadata.caseId;
  if (!caseId) throw new Error('DeterminationIssued without a caseId');
  const facts = complaintFacts(await deps.store.readStream(complaintStreamId(caseId)));
  const opening = openingFor(cause, facts);
  if (!opening) return 'nothing_owed';
  const now = deps.now().toISOString();
  const { outcome } = await appendReaction({
    store: deps.store,
    decider: deps.decider,
    metrics: deps.metrics,
    cause,
    name: OPEN_CASE_REACTION,
    streamId: collectionStreamId(caseId),
    sourceService: 'collections',
    now,
    caseId,
    command: (): CollectionCommand => ({
      type: 'OpenCollectionCase',
      caseId,
      now,
      actor: { id: 'service:collections', role: 'system' },
      opening,
    }),
  });
  // Anything but this delivery's append: the case was open already (this determination's, by a
  // redelivery or a concurrent delivery that committed first).
  return outcome === 'appended' ? 'opened' : 'already_open';
}
