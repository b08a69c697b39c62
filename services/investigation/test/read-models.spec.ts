import { randomUUID } from 'node:crypto';
import { INVESTIGATION_EVENTS, investigationStreamId, type InvestigationEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { DataSource, type MigrationInterface } from 'typeorm';
import { closed, issued } from '@lse/investigation-domain/test/events';
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
import { createInvestigationDataSource, INVESTIGATION_ENTITIES } from '../src/read-models/data-source';
import { InvestigationReadModels1768600000000 } from '../src/read-models/migrations/1768600000000-investigation-read-models';
import { backfillNextStep } from '../src/read-models/migrations/1770000000000-investigation-next-step';
import { INVESTIGATION_MIGRATIONS } from '../src/read-models/migrations';
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

const moreHoursOf = (): InvestigationEvent => ({
  ...hoursRecorded,
  data: { ...(hoursRecorded.data as object), recordSetId: randomUUID() } as never,
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

  it('keeps each investigation’s next step from its events, and filters by where the determination stands', async () => {
    const [caseId, waiting]: string[] = [randomUUID(), randomUUID()];
    const live = new InvestigationProjector({ dataSource: ds, store, pollIntervalMs: 20 });
    await live.start();
    try {
      const now = new Date('2026-02-01T09:00:00Z');
      const stepOf = async (id: string) => {
        await live.waitFor([{ caseId: id, version: written.get(id)! }]);
        return (await listInvestigations(ds, {}, 200, undefined, now)).find((i) => i.caseId === id)?.nextStep;
      };
      const moreHours = moreHoursOf();
      const reopened: InvestigationEvent = {
        type: 'InvestigationReopened',
        data: {
          reason: 'new_evidence',
          note: 'Pay stubs found.',
          reopenedAt: '2026-03-02T09:00:00Z',
          reopenedBy: 'sue@agency.gov',
        },
      };
      const journey: Array<[InvestigationEvent[], string]> = [
        [[openedWith('P2', '2026-01-05T09:00:00Z')], 'assign_investigator'],
        [[assigned, employerAdded], 'record_hours'],
        [[hoursRecorded], 'compute_back_wages'],
        [[computed], 'propose_determination'],
        [[moreHours], 'compute_back_wages'], // hours recorded since the last computation
        [[computed, violationFound], 'propose_determination'],
        [[proposed], 'approve_determination'],
        [[approved], 'issue_determination'],
        [[issued], 'close_investigation'],
        [[closed], 'none'],
        [[reopened], 'close_investigation'],
      ];
      const seen: Array<[string, string | undefined]> = [];
      for (const [events] of journey) {
        await append(caseId, events);
        seen.push([events.map((e) => e.type).join('+'), await stepOf(caseId)]);
      }
      expect(seen).toEqual(journey.map(([events, step]) => [events.map((e) => e.type).join('+'), step]));

      await append(waiting, [
        openedWith('P3', '2026-01-06T09:00:00Z'),
        assigned,
        employerAdded,
        hoursRecorded,
        computed,
        proposed,
      ]);
      await stepOf(waiting);
      const ids = (list: Array<{ caseId: string }>) =>
        list.map((i) => i.caseId).filter((id) => [caseId, waiting].includes(id));
      const by = async (determinationStatus: 'proposed' | 'approved' | 'issued' | 'none') =>
        ids(await listInvestigations(ds, { determinationStatus }, 200, undefined, now));
      expect(await by('proposed')).toEqual([waiting]);
      expect(await by('issued')).toEqual([caseId]);
      expect(await by('approved')).toEqual([]);
      expect(await by('none')).toEqual([]);
      const unproposed = randomUUID();
      await append(unproposed, [openedWith('P3', '2026-01-07T09:00:00Z')]);
      await stepOf(unproposed);
      expect(
        (await listInvestigations(ds, { determinationStatus: 'none' }, 200, undefined, now)).map(
          (i) => i.caseId,
        ),
      ).toContain(unproposed);
    } finally {
      await live.stop();
    }
  });

  it('gives investigations projected before the next step one (migration 1770000000000)', async () => {
    const old = await createTestSchema('inv_old');
    const at = (migrations: Array<new () => MigrationInterface>) =>
      new DataSource({
        type: 'postgres',
        url: old.url,
        schema: old.schema,
        entities: INVESTIGATION_ENTITIES,
        migrations,
        migrationsTableName: 'typeorm_migrations',
        migrationsTransactionMode: 'each',
      });
    try {
      const before = await at([InvestigationReadModels1768600000000]).initialize();
      await before.runMigrations();
      const row = (status: string, investigator: string | null, determination: string | null) => ({
        id: randomUUID(),
        sql: `INSERT INTO "${old.schema}".investigations VALUES ($1, 'LSE-2026-000001', 'P2', 'SF-01', now(), $2, $3, $4, NULL, 9)`,
        params: [status, investigator, determination],
      });
      const rows = {
        unassigned: row('open', null, null),
        noHours: row('open', 'ivan', null),
        hoursOnly: row('open', 'ivan', null),
        computed: row('open', 'ivan', null),
        recomputeDue: row('open', 'ivan', null),
        proposed: row('open', 'ivan', 'proposed'),
        issued: row('open', 'ivan', 'issued'),
        closed: row('closed', 'ivan', 'issued'),
      };
      for (const r of Object.values(rows)) await before.query(r.sql, [r.id, ...r.params]);
      const backWages = `INSERT INTO "${old.schema}".findings VALUES ($1, $2, 'back_wages', 'US-FLSA@2009-07-24', NULL, 100, now(), $3)`;
      // At version 4, as the events appended below put them (opened, assigned, hours, computed).
      await before.query(backWages, [rows.computed.id, randomUUID(), 4]);
      await before.query(backWages, [rows.recomputeDue.id, randomUUID(), 4]);
      await before.destroy();

      const after = await at(INVESTIGATION_MIGRATIONS).initialize();
      try {
        expect(await after.runMigrations()).toHaveLength(1);
        const steps = async () => {
          const found = await after.query<Array<{ case_id: string; next_step: string }>>(
            `SELECT case_id, next_step FROM "${old.schema}".investigations`,
          );
          return Object.fromEntries(
            Object.entries(rows).map(([name, r]) => [name, found.find((f) => f.case_id === r.id)?.next_step]),
          );
        };
        // Without the event store in this database, a computation stands for the hours before it.
        expect(await steps()).toEqual({
          unassigned: 'assign_investigator',
          noHours: 'record_hours',
          hoursOnly: 'record_hours',
          computed: 'propose_determination',
          recomputeDue: 'propose_determination',
          proposed: 'approve_determination',
          issued: 'close_investigation',
          closed: 'none',
        });
        // With it (where `npm run migrate` puts it), the hours come from the events.
        await append(rows.hoursOnly.id, [openedWith('P2', '2026-01-05T09:00:00Z'), assigned, hoursRecorded]);
        await append(rows.recomputeDue.id, [
          openedWith('P2', '2026-01-05T09:00:00Z'),
          assigned,
          hoursRecorded,
          computed,
          moreHoursOf(),
        ]);
        await append(rows.computed.id, [
          openedWith('P2', '2026-01-05T09:00:00Z'),
          assigned,
          hoursRecorded,
          computed,
        ]);
        const runner = after.createQueryRunner();
        try {
          await backfillNextStep(runner, old.schema, events.schema);
        } finally {
          await runner.release();
        }
        expect(await steps()).toMatchObject({
          noHours: 'record_hours',
          hoursOnly: 'compute_back_wages',
          computed: 'propose_determination',
          recomputeDue: 'compute_back_wages',
        });
      } finally {
        await after.destroy();
      }
    } finally {
      await old.drop();
    }
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
