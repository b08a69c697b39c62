import { randomUUID } from 'node:crypto';
import { COMPLAINT_EVENTS, complaintStreamId, type ComplaintEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import type { DataSource } from 'typeorm';
import { migrateIntake } from '../src/migrate';
import { createIntakeDataSource } from '../src/read-models/data-source';

export interface StoreHarness {
  eventSchema: TestSchema;
  intakeSchema: TestSchema;
  store: PostgresEventStore;
  dataSource: DataSource;
  cleanup(): Promise<void>;
}

/** An event store and a migrated intake schema of this suite's own, in the test database. */
export async function storeHarness(): Promise<StoreHarness> {
  const eventSchema = await createTestSchema('ies');
  await migrate(eventSchema.pool, eventSchema.schema);
  const intakeSchema = await createTestSchema('intake');
  await migrateIntake({ connectionString: intakeSchema.url, schema: intakeSchema.schema });
  const store = new PostgresEventStore({
    pool: eventSchema.pool,
    schema: eventSchema.schema,
    service: 'intake',
    categories: ['complaint'],
  });
  const dataSource = createIntakeDataSource({
    connectionString: intakeSchema.url,
    schema: intakeSchema.schema,
    poolMax: 4,
  });
  await dataSource.initialize();
  return {
    eventSchema,
    intakeSchema,
    store,
    dataSource,
    async cleanup() {
      await dataSource.destroy();
      await intakeSchema.drop();
      await eventSchema.drop();
    },
  };
}

/** A complaint event as intake would append it (validated by its contract). */
export function stored(caseId: string, event: ComplaintEvent): NewEvent {
  const definition = COMPLAINT_EVENTS[event.type] as { create(input: unknown): NewEvent };
  return definition.create({
    eventId: randomUUID(),
    data: event.data as never,
    metadata: {
      caseId,
      actor: { id: 'officer-1', role: 'intake_officer' },
      correlationId: randomUUID(),
      sourceService: 'intake',
      occurredAt: '2026-01-16T09:00:00.000Z',
    },
  });
}

export async function appendAll(
  store: PostgresEventStore,
  caseId: string,
  events: ComplaintEvent[],
): Promise<void> {
  const version = await store.streamVersion(complaintStreamId(caseId));
  await store.append(
    complaintStreamId(caseId),
    events.map((e) => stored(caseId, e)),
    version,
  );
}
