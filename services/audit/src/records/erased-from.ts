import { RECORDS_CATEGORY } from '@lse/contracts';
import type { EventStore } from '@lse/event-store';

/**
 * Whether any person was erased from one of these cases: a PersonErased naming it
 * (docs/architecture.md#erasing-a-person). Erasures are few: the records category's erasure
 * events are read whole, a page at a time.
 */
export async function erasedFrom(
  store: Pick<EventStore, 'readAll'>,
  caseIds: readonly string[],
): Promise<boolean> {
  const wanted = new Set(caseIds);
  let fromPosition: number | null | undefined;
  do {
    const page = await store.readAll({
      categories: [RECORDS_CATEGORY],
      types: ['PersonErased'],
      limit: 500,
      ...(fromPosition != null ? { fromPosition } : {}),
    });
    for (const e of page.events)
      if ((e.data as { caseIds?: string[] }).caseIds?.some((c) => wanted.has(c))) return true;
    fromPosition = page.nextPosition;
  } while (fromPosition != null);
  return false;
}
