import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../port';

/** A plausible event for store tests: the store does not care what the data means. */
export function anEvent(overrides: Partial<NewEvent> & { caseId?: string } = {}): NewEvent {
  const { caseId, ...rest } = overrides;
  return {
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    schemaVersion: 1,
    data: {
      channel: 'hotline',
      workersAffected: 2,
      note: 'Pagó menos del mínimo — “overtime” ✓',
      amountCents: 123456,
    },
    metadata: {
      caseId,
      actor: { id: 'u-1', role: 'intake_officer' },
      correlationId: randomUUID(),
      sourceService: 'intake',
      occurredAt: '2026-11-20T10:00:00.000Z',
    },
    ...rest,
  };
}

export function events(n: number, caseId?: string): NewEvent[] {
  return Array.from({ length: n }, () => anEvent({ caseId }));
}
