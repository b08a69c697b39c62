import { randomUUID } from 'node:crypto';
import { INVESTIGATION_EVENTS, investigationStreamId } from '@lse/contracts';
import { SealedValueError } from '@lse/crypto-shred';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { CheckpointedProjection, HealthRegistry, Metrics, watchProjection } from '@lse/service-kit';
import { createTestSchema, eventually, type TestSchema } from '@lse/testing';
import type { DataSource } from 'typeorm';
import { opened } from '@lse/investigation-domain/test/fixtures';
import { migrateInvestigation } from '../src/migrate';
import { createInvestigationDataSource } from '../src/read-models/data-source';
import { InvestigationRow } from '../src/read-models/investigations/investigation-row.entity';
import { INVESTIGATION_PROJECTION } from '../src/read-models/projector';

const NAME = INVESTIGATION_PROJECTION.name;
const CHECK = `projection:${NAME}`;

const openedEvent = (caseId: string): NewEvent =>
  (INVESTIGATION_EVENTS.InvestigationOpened as { create(input: unknown): NewEvent }).create({
    eventId: randomUUID(),
    data: { ...(opened.data as object), caseId },
    metadata: {
      caseId,
      actor: { id: 'sue@agency.gov', role: 'supervisor' },
      correlationId: randomUUID(),
      sourceService: 'investigation',
      occurredAt: '2026-02-01T09:00:00.000Z',
    },
  });

/** The gauge's value for this projection, as a scrape reads it. */
async function failingSeconds(metrics: Metrics): Promise<number | undefined> {
  const { body } = await metrics.exposition();
  const line = body
    .split('\n')
    .find((l) => l.startsWith('projection_failing_seconds{') && l.includes(`projection="${NAME}"`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('a projection that cannot apply an event', () => {
  let events: TestSchema;
  let schema: TestSchema;
  let store: PostgresEventStore;
  let ds: DataSource;
  let projection: CheckpointedProjection;

  beforeAll(async () => {
    events = await createTestSchema('pses');
    await migrate(events.pool, events.schema);
    schema = await createTestSchema('psinv');
    await migrateInvestigation({ connectionString: schema.url, schema: schema.schema });
    store = new PostgresEventStore({
      pool: events.pool,
      schema: events.schema,
      service: 'investigation',
      categories: ['investigation'],
    });
    ds = await createInvestigationDataSource({
      connectionString: schema.url,
      schema: schema.schema,
      poolMax: 4,
    }).initialize();
  });
  afterAll(async () => {
    await projection?.stop();
    await ds.destroy();
    await schema.drop();
    await events.drop();
  });

  it('shows as failing (since when, how many, the class) in readiness and the gauge, fails readiness past the threshold, and recovers by itself', async () => {
    const [planted, after] = [randomUUID(), randomUUID()];
    let poisoned = true;
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    const health = new HealthRegistry();
    const metrics = new Metrics('investigation', { defaultMetrics: false });
    const recovered: string[] = [];
    const watched = watchProjection(NAME, {
      health,
      metrics,
      unreadyAfterMs: 60_000,
      now: () => clock,
      onRecovered: (watch) => recovered.push(watch.name),
    });
    projection = new CheckpointedProjection(
      {
        ...INVESTIGATION_PROJECTION,
        // What a sealed event that does not open does to the real apply.
        async apply(em, batch, st) {
          if (poisoned && batch.some((e) => e.metadata.caseId === planted))
            throw new SealedValueError(`case ${planted}`);
          await INVESTIGATION_PROJECTION.apply(em, batch, st);
        },
      },
      { dataSource: ds, store, pollIntervalMs: 20, onError: watched.onError, onHandled: watched.onHandled },
    );
    await projection.start();
    expect((await health.run()).checks[CHECK]).toEqual({ status: 'ok', durationMs: 0 });

    await store.append(investigationStreamId(planted), [openedEvent(planted)], 'no_stream');
    await store.append(investigationStreamId(after), [openedEvent(after)], 'no_stream');

    // Failing now, retried (two failures in a row at least), not yet fatal to readiness.
    const early = await eventually(
      () => health.run(),
      (r) => Number(r.checks[CHECK]?.detail?.consecutiveFailures ?? 0) >= 2,
      { what: 'the projection to fail twice' },
    );
    expect(early.status).toBe('ok');
    expect(early.checks[CHECK]).toEqual({
      status: 'failing',
      durationMs: 0,
      error: 'SealedValueError',
      failsReadiness: false,
      detail: {
        failingSince: '2026-03-01T12:00:00.000Z',
        consecutiveFailures: expect.any(Number) as number,
        errorClass: 'SealedValueError',
        failsReadinessAfterMs: 60_000,
      },
    });
    // The class only: never the error's message (it names the case here).
    expect(JSON.stringify(early)).not.toContain(planted);
    expect(await failingSeconds(metrics)).toBe(0);
    // Stuck: the event behind the planted one is not applied either.
    expect(await ds.getRepository(InvestigationRow).countBy({ caseId: after })).toBe(0);

    clock += 61_000;
    const late = await health.run();
    expect(late.status).toBe('failing');
    expect(late.checks[CHECK]).toMatchObject({ status: 'failing', failsReadiness: true });
    expect(await failingSeconds(metrics)).toBe(61);
    expect(recovered).toEqual([]);

    // The cause removed (a fixed build, a restored key): the same batch applies on its next retry.
    poisoned = false;
    const ok = await eventually(
      () => health.run(),
      (r) => r.checks[CHECK]?.status === 'ok',
      { what: 'the projection to recover', timeoutMs: 15_000 },
    );
    expect(ok.status).toBe('ok');
    expect(ok.checks[CHECK]).toEqual({ status: 'ok', durationMs: 0 });
    expect(await failingSeconds(metrics)).toBe(0);
    expect(recovered).toEqual([NAME]);
    expect(await ds.getRepository(InvestigationRow).countBy({ caseId: after })).toBe(1);
    expect(await ds.getRepository(InvestigationRow).countBy({ caseId: planted })).toBe(1);
  });
});
