import { randomUUID } from 'node:crypto';
import { COMPLAINT_EVENTS, complaintStreamId, type ComplaintEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { openAuditCore, type AuditCore } from '../src/audit-core';
import { migrateAudit } from '../src/migrate';

export interface AuditHarness {
  events: TestSchema;
  audit: TestSchema;
  /** Appends as intake would (complaint category). */
  intake: PostgresEventStore;
  core: AuditCore;
  sql(text: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  cleanup(): Promise<void>;
}

/** An event store and an audit schema of this suite's own, on the real PostgreSQL. */
export async function auditHarness(options: { evidenceDir?: string } = {}): Promise<AuditHarness> {
  const events = await createTestSchema('aes');
  await migrate(events.pool, events.schema);
  const audit = await createTestSchema('audit');
  await migrateAudit({ connectionString: audit.url, schema: audit.schema });
  const core = await openAuditCore({
    connectionString: events.url,
    eventStoreSchema: events.schema,
    auditSchema: audit.schema,
    poolMax: 4,
    evidenceDir: options.evidenceDir,
  });
  const intake = new PostgresEventStore({
    pool: events.pool,
    schema: events.schema,
    service: 'intake',
    categories: ['complaint'],
  });
  return {
    events,
    audit,
    intake,
    core,
    sql: (text, params = []) => events.pool.query(text, params),
    async cleanup() {
      await core.close();
      await audit.drop();
      await events.drop();
    },
  };
}

export function stored(
  caseId: string,
  event: ComplaintEvent,
  actor = { id: 'officer-1', role: 'intake_officer' as const },
): NewEvent {
  const definition = COMPLAINT_EVENTS[event.type] as { create(input: unknown): NewEvent };
  return definition.create({
    eventId: randomUUID(),
    data: event.data as never,
    metadata: {
      caseId,
      actor,
      correlationId: randomUUID(),
      sourceService: 'intake',
      occurredAt: '2026-01-16T09:00:00.000Z',
    },
  });
}

/** A received, assessed and triaged complaint: `n` events (n >= 2) on `complaint-<caseId>`. */
export function complaintEvents(caseId: string, n = 5): NewEvent[] {
  const out: NewEvent[] = [stored(caseId, { type: 'ComplaintReceived', data: receivedComplaint() })];
  for (let i = 1; i < n; i++) {
    out.push(
      stored(caseId, {
        type: 'JurisdictionAssessed',
        data: { inJurisdiction: true, statutes: ['FLSA'], reason: `Assessment ${i}.` },
      }),
    );
  }
  return out;
}

export async function appendComplaint(h: AuditHarness, caseId: string, n = 5): Promise<number[]> {
  return (await h.intake.append(complaintStreamId(caseId), complaintEvents(caseId, n), 'no_stream'))
    .positions;
}
