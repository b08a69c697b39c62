import { collectionStreamId, complaintStreamId, DeterminationIssued } from '@lse/contracts';
import { reactionEventId, replay } from '@lse/domain';
import {
  DuplicateEventIdError,
  WrongExpectedVersionError,
  type EventStore,
  type RecordedEvent,
} from '@lse/event-store';
import { reactionMetadata } from '@lse/messaging';
import type { CollectionDecider } from '@lse/collections-domain';
import { collectionEventOf, toNewEvent } from '../../commands/collection-events';
import { complaintFacts, openingFor } from './opening-from-determination';

export const OPEN_CASE_REACTION = 'collections:open-collection-case';

/**
 * `investigation` DeterminationIssued with amounts owed -> CollectionCaseOpened. Idempotent: the
 * event id derives from the cause, the append expects no stream, and the decider answers a
 * redelivery of the same determination with nothing.
 */
export async function reactToDetermination(
  cause: RecordedEvent,
  deps: { store: EventStore; decider: CollectionDecider; now: () => Date },
): Promise<'opened' | 'already_open' | 'nothing_owed'> {
  if (cause.type !== DeterminationIssued.type) return 'nothing_owed';
  const caseId = (cause.data as { caseId?: string }).caseId ?? cause.metadata.caseId;
  if (!caseId) throw new Error('DeterminationIssued without a caseId');
  const facts = complaintFacts(await deps.store.readStream(complaintStreamId(caseId)));
  const opening = openingFor(cause, facts);
  if (!opening) return 'nothing_owed';
  const streamId = collectionStreamId(caseId);
  const recorded = await deps.store.readStream(streamId);
  const state = replay(deps.decider, recorded.map(collectionEventOf));
  const now = deps.now().toISOString();
  const decided = deps.decider.decide(
    {
      type: 'OpenCollectionCase',
      caseId,
      now,
      actor: { id: 'service:collections', role: 'system' },
      opening,
    },
    state,
  );
  if (decided.length === 0) return 'already_open';
  const metadata = { ...reactionMetadata(cause, 'collections', now), caseId };
  const events = decided.map((e, i) =>
    toNewEvent(e, reactionEventId(cause.eventId, `${OPEN_CASE_REACTION}/${i}`), metadata),
  );
  try {
    const appended = await deps.store.append(
      streamId,
      events,
      recorded.length === 0 ? 'no_stream' : recorded.length,
    );
    // A concurrent delivery that committed the same events while this one waited for the stream
    // lock: the store answers with the stored result, and this delivery opened nothing.
    return appended.alreadyStored ? 'already_open' : 'opened';
  } catch (err) {
    // A concurrent delivery appended the same reaction first: nothing more to do.
    if (err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError) {
      const again = replay(deps.decider, (await deps.store.readStream(streamId)).map(collectionEventOf));
      if (again.status !== 'none' && again.determinationId === opening.determinationId) return 'already_open';
    }
    throw err;
  }
}
