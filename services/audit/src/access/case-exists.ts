import {
  COLLECTION_CATEGORY,
  COMPLAINT_CATEGORY,
  INVESTIGATION_CATEGORY,
  REFERRAL_CATEGORY,
} from '@lse/contracts';
import type { EventStore } from '@lse/event-store';
import { NotFoundError } from '@lse/domain';

/**
 * The streams that make a case: a complaint (intake), or a referral about to become one, and
 * what investigation and collections add. Access records are not among them: a read of an id
 * is not a case, or a first read of a made-up id would make it one.
 */
const CASE_CATEGORIES = [COMPLAINT_CATEGORY, REFERRAL_CATEGORY, INVESTIGATION_CATEGORY, COLLECTION_CATEGORY];

/** True once any service has recorded something of the case (from the store, no read-model lag). */
export async function caseExists(store: EventStore, caseId: string): Promise<boolean> {
  const page = await store.readAll({ caseId, categories: CASE_CATEGORIES, limit: 1 });
  return page.events.length > 0;
}

/**
 * Refuses a read of a case that does not exist with 404 before anything is recorded: recording
 * it would create `access-<caseId>` and the case would then seem to exist.
 */
export async function requireCase(store: EventStore, caseId: string): Promise<void> {
  if (!(await caseExists(store, caseId)))
    throw new NotFoundError('No case with this id.', { reason: 'case_not_found' });
}
