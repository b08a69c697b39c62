import { randomUUID } from 'node:crypto';
import { InvestigationClosed, investigationStreamId } from '@lse/contracts';
import { PostgresEventStore } from '@lse/event-store';

/**
 * Investigations closed years ago, appended straight to the running system's store: no route can
 * backdate a closing, and a retention period runs from it. A closing carries no personal field,
 * so appending it unsealed stores what the sealed store would.
 */
export async function appendOldClosings(
  databaseUrl: string,
  closings: ReadonlyArray<readonly [caseId: string, closedAt: string]>,
): Promise<void> {
  const investigation = new PostgresEventStore({
    connectionString: databaseUrl,
    schema: 'event_store',
    service: 'investigation',
    categories: ['investigation'],
  });
  try {
    for (const [caseId, closedAt] of closings)
      await investigation.append(
        investigationStreamId(caseId),
        [
          InvestigationClosed.create({
            eventId: randomUUID(),
            data: { reason: 'no_violation_found', closedAt },
            metadata: {
              caseId,
              actor: { id: 'sup-2019', role: 'supervisor' },
              correlationId: randomUUID(),
              sourceService: 'investigation',
              occurredAt: closedAt,
            },
          }),
        ],
        'no_stream',
      );
  } finally {
    await investigation.close();
  }
}
