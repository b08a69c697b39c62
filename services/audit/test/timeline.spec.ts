/** Audit's timeline projection on the real PostgreSQL: rebuild from 0, batches, redelivery. */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, START, type NewEvent, type RecordedEvent } from '@lse/event-store';
import { eventually } from '@lse/testing';
import { historyEntryOf } from '../src/history/history-entry';
import { rebuildTimeline, TimelineProjector } from '../src/read-models/projector';
import { appendComplaint, auditHarness, type AuditHarness } from './harness';

jest.setTimeout(30_000);

describe('audit timeline projection', () => {
  let h: AuditHarness;
  let all: RecordedEvent[];
  const caseA = randomUUID();
  const caseB = randomUUID();
  const requestId = randomUUID();

  const event = (
    type: string,
    data: Record<string, unknown>,
    metadata: Record<string, unknown>,
  ): NewEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'someone', role: 'supervisor' },
      correlationId: randomUUID(),
      sourceService: 'test',
      occurredAt: '2026-01-16T09:00:00-08:00',
      ...metadata,
    },
  });

  beforeAll(async () => {
    h = await auditHarness();
    await appendComplaint(h, caseA, 3);
    const others = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'others',
      categories: ['investigation', 'partner', 'foia'],
    });
    // A partner's org on the actor and a causation id; an event of no case; a FOIA request's life.
    await others.append(
      `investigation-${caseB}`,
      [
        event(
          'InvestigationOpened',
          {},
          { caseId: caseB, actor: { id: 'p-1', role: 'partner', org: 'org-9' } },
        ),
        event('InvestigatorAssigned', {}, { caseId: caseB, causationId: randomUUID() }),
      ],
      'no_stream',
    );
    await others.append(`partner-${randomUUID()}`, [event('PartnerRegistered', {}, {})], 'no_stream');
    await others.append(
      `foia-${requestId}`,
      [
        event(
          'FoiaRequestReceived',
          {
            caseIds: [caseA],
            requester: { organization: 'Daily Paper' },
            receivedAt: '2026-01-17T10:00:00Z',
          },
          { caseId: caseA },
        ),
        event(
          'RedactionApplied',
          { cutoff: '2026-01-17T12:00:00Z', caseId: caseA, part: 1, parts: 1, redactions: [] },
          { caseId: caseA },
        ),
        event('RecordsCompiled', { cutoff: '2026-01-17T11:00:00Z' }, { caseId: caseA }),
        event('RedactionOverridden', {}, { caseId: caseA }),
        event(
          'FoiaResponseReleased',
          { packageSha256: 'ab'.repeat(32), cutoff: '2026-01-17T12:00:00Z' },
          { caseId: caseA },
        ),
      ],
      'no_stream',
    );
    all = (await h.intake.readAll({ limit: 100 })).events;
    // A rebuild reads below the server-wide transaction horizon: a transaction held open anywhere
    // on the server (another suite's) delays what it sees. Wait until every event is below it.
    await eventually(
      () => h.core.store.readAfter(START, { limit: 100 }),
      (read) => read.events.length >= all.length,
      {
        what: 'the transaction horizon to pass the events',
        timeoutMs: 20_000,
        details: (r) => `${r.events.length} of ${all.length} read`,
      },
    );
  });
  afterAll(() => h.cleanup());

  const timeline = async () =>
    (
      await h.sql(
        `SELECT position::int AS position, case_id, event_id, stream_id, category, stream_version, type, actor_id,
                actor_role, actor_org, occurred_at, recorded_at, correlation_id, causation_id, source_service
           FROM ${h.audit.schema}.case_timeline ORDER BY position`,
      )
    ).rows;

  /** What each event of a case must become: its history entry, column by column. */
  const expected = () =>
    all
      .filter((e) => e.metadata.caseId)
      .map((e) => {
        const x = historyEntryOf(e);
        return {
          position: x.position,
          case_id: e.metadata.caseId,
          event_id: x.eventId,
          stream_id: x.streamId,
          category: x.category,
          stream_version: x.streamVersion,
          type: x.type,
          actor_id: x.actor.id,
          actor_role: x.actor.role,
          actor_org: x.actor.org ?? null,
          occurred_at: x.occurredAt,
          recorded_at: x.recordedAt,
          correlation_id: x.correlationId,
          causation_id: x.causationId ?? null,
          source_service: x.sourceService,
        };
      });

  const foia = async () =>
    (
      await h.sql(
        `SELECT status, overrides, package_sha256, version, requester_organization, cutoff
           FROM ${h.audit.schema}.foia_requests WHERE request_id = $1`,
        [requestId],
      )
    ).rows;

  it('rebuilds every case event as a timeline row, field for field, and the FOIA request; twice the same', async () => {
    expect(all).toHaveLength(11);
    const first = await rebuildTimeline(h.core.dataSource, h.core.store);
    expect(first.events).toBe(11);
    const rows = await timeline();
    expect(rows).toEqual(expected());
    expect(rows).toHaveLength(10); // the partner registration belongs to no case
    expect(await foia()).toEqual([
      {
        status: 'released',
        overrides: 1,
        package_sha256: 'ab'.repeat(32),
        version: 5,
        requester_organization: 'Daily Paper',
        cutoff: '2026-01-17T12:00:00Z',
      },
    ]);

    await rebuildTimeline(h.core.dataSource, h.core.store);
    expect(await timeline()).toEqual(rows);
  });

  it('applies a batch once: a redelivered batch and events at or before the checkpoint change nothing', async () => {
    await h.sql(`TRUNCATE ${h.audit.schema}.case_timeline, ${h.audit.schema}.foia_requests`);
    await h.sql(`DELETE FROM ${h.audit.schema}.projection_checkpoints`);
    const projector = new TimelineProjector({ dataSource: h.core.dataSource, store: h.core.store });
    const last = all.at(-1)!;
    const checkpoint = { txId: last.txId, position: last.globalPosition };
    await projector.handleBatch(all.slice(0, 5), { txId: all[4].txId, position: all[4].globalPosition });
    expect(await timeline()).toEqual(expected().filter((r) => r.position <= all[4].globalPosition));
    await projector.handleBatch(all, checkpoint); // the first five again, then the rest
    await projector.handleBatch(all, checkpoint);
    expect(await timeline()).toEqual(expected());
    expect((await foia())[0]).toMatchObject({ overrides: 1, version: 5, cutoff: '2026-01-17T12:00:00Z' });
  });
});
