import { randomUUID } from 'node:crypto';
import { INVESTIGATION_EVENTS, investigationStreamId, type InvestigationEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import type { DataSource } from 'typeorm';
import {
  approved,
  assigned,
  computed,
  employerAdded,
  hoursRecorded,
  opened,
  penaltyAssessed,
  proposed,
  violationFound,
} from '@lse/investigation-domain/test/fixtures';
import { migrateInvestigation } from '../src/migrate';
import { createInvestigationDataSource } from '../src/read-models/data-source';
import { findingsOfCase } from '../src/read-models/findings/findings-of-case';
import { listInvestigations } from '../src/read-models/investigations/list-investigations';
import { investigatorWorkload } from '../src/read-models/investigations/workload';
import { InvestigationRow } from '../src/read-models/investigations/investigation-row.entity';
import { projectEvent } from '../src/read-models/project-event';
import {
  INVESTIGATION_PROJECTION,
  InvestigationProjector,
  rebuildInvestigationReadModels,
} from '../src/read-models/projector';

const stored = (caseId: string, event: InvestigationEvent): NewEvent =>
  (INVESTIGATION_EVENTS[event.type] as { create(input: unknown): NewEvent }).create({
    eventId: randomUUID(),
    data: event.type === 'InvestigationOpened' ? { ...event.data, caseId } : event.data,
    metadata: {
      caseId,
      actor: { id: 'ivan@agency.gov', role: 'investigator' },
      correlationId: randomUUID(),
      sourceService: 'investigation',
      occurredAt: '2026-02-01T09:00:00.000Z',
    },
  });

const openedWith = (priority: 'P1' | 'P2' | 'P3', openedAt: string): InvestigationEvent => ({
  type: 'InvestigationOpened',
  data: { ...(opened.data as object), priority, openedAt } as never,
});

describe('investigation read models', () => {
  let events: TestSchema;
  let schema: TestSchema;
  let store: PostgresEventStore;
  let ds: DataSource;
  let projector: InvestigationProjector;
  const written = new Map<string, number>();

  beforeAll(async () => {
    events = await createTestSchema('ies');
    await migrate(events.pool, events.schema);
    schema = await createTestSchema('inv');
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
    projector = new InvestigationProjector({ dataSource: ds, store, pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await projector.stop();
    await ds.destroy();
    await schema.drop();
    await events.drop();
  });

  async function append(caseId: string, list: InvestigationEvent[]) {
    const version = written.get(caseId) ?? 0;
    await store.append(
      investigationStreamId(caseId),
      list.map((e) => stored(caseId, e)),
      version === 0 ? 'no_stream' : version,
    );
    written.set(caseId, version + list.length);
  }

  it('lists by priority then age, counts workload, keeps findings per case; a rebuild from 0 gives the same rows', async () => {
    const [old, recent, urgent, unassigned] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await append(old, [openedWith('P2', '2025-11-01T09:00:00Z'), assigned]);
    await append(recent, [openedWith('P2', '2026-01-20T09:00:00Z'), assigned]);
    await append(urgent, [
      openedWith('P1', '2026-01-25T09:00:00Z'),
      assigned,
      employerAdded,
      hoursRecorded,
      computed,
      violationFound,
      penaltyAssessed,
      proposed,
      approved,
    ]);
    await append(unassigned, [openedWith('P3', '2026-01-01T09:00:00Z')]);
    await projector.start();
    await projector.waitFor([...written].map(([caseId, version]) => ({ caseId, version })));

    const now = new Date('2026-02-01T09:00:00Z');
    const all = await listInvestigations(ds, {}, 10, undefined, now);
    expect(all.map((i) => i.caseId)).toEqual([urgent, old, recent, unassigned]);
    expect(all[1]).toMatchObject({ priority: 'P2', ageDays: 92, investigatorId: 'ivan@agency.gov' });
    const page2 = await listInvestigations(
      ds,
      {},
      2,
      { priority: 'P2', openedAt: all[1].openedAt, caseId: old },
      now,
    );
    expect(page2.map((i) => i.caseId)).toEqual([recent, unassigned]);
    expect(
      (await listInvestigations(ds, { unassigned: true }, 10, undefined, now)).map((i) => i.caseId),
    ).toEqual([unassigned]);

    expect(await investigatorWorkload(ds, 10)).toEqual([
      {
        investigatorId: 'ivan@agency.gov',
        openInvestigations: 3,
        byPriority: { P1: 1, P2: 2, P3: 0, P4: 0 },
        oldestOpenedAt: '2025-11-01T09:00:00.000Z',
        awaitingApproval: 0,
      },
    ]);
    const findings = await findingsOfCase(ds, urgent);
    expect(findings.map((f) => [f.kind, f.label, f.amountCents])).toEqual([
      ['back_wages', 'US-FLSA@2009-07-24', 10_000],
      ['violation', 'overtime', null],
      ['civil_penalty', 'civil_penalty', 250_000],
      ['determination', 'approved', null],
    ]);

    const before = { list: all, findings };
    await projector.stop();
    const progress = await rebuildInvestigationReadModels(ds, store);
    expect(progress.events).toBe([...written.values()].reduce((a, b) => a + b, 0));
    expect(await listInvestigations(ds, {}, 10, undefined, now)).toEqual(before.list);
    expect(await findingsOfCase(ds, urgent)).toEqual(before.findings);
  });

  it('applies a run of InvestigationOpened in one statement with the same rows as event by event', async () => {
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [a, b, c, d] = ids;
    for (const caseId of [a, b, c]) await append(caseId, [openedWith('P2', '2026-01-10T09:00:00Z')]);
    await append(b, [assigned]);
    await append(d, [openedWith('P1', '2026-01-12T09:00:00Z')]);
    // The batch as the subscription hands it over: three opened, one assigned, one more opened.
    const batch = (await Promise.all(ids.map((id) => store.readStream(investigationStreamId(id)))))
      .flat()
      .sort((x, y) => x.globalPosition - y.globalPosition);
    expect(batch.map((e) => e.type)).toEqual([
      'InvestigationOpened',
      'InvestigationOpened',
      'InvestigationOpened',
      'InvestigatorAssigned',
      'InvestigationOpened',
    ]);
    const rows = async () =>
      (await ds.getRepository(InvestigationRow).find({ order: { caseId: 'ASC' } })).filter((r) =>
        ids.includes(r.caseId),
      );
    const statements: string[] = [];
    await ds.transaction(async (em) => {
      const query = em.queryRunner!.query.bind(em.queryRunner!);
      em.queryRunner!.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql);
        return query(sql, ...(rest as []));
      }) as typeof query;
      await INVESTIGATION_PROJECTION.apply(em, batch, store);
    });
    const batched = await rows();
    expect(statements.filter((q) => q.startsWith('INSERT INTO')).length).toBe(2);

    await ds.getRepository(InvestigationRow).delete(ids);
    await ds.transaction(async (em) => {
      for (const event of batch) await projectEvent(em, event);
    });
    const oneByOne = await rows();
    expect(batched).toHaveLength(4);
    expect(batched.find((r) => r.caseId === b)).toMatchObject({
      investigatorId: 'ivan@agency.gov',
      version: 2,
    });
    expect(batched).toEqual(oneByOne);
  });
});
