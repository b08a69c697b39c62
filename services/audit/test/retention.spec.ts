/**
 * Legal holds and the retention review on the real PostgreSQL: closing events of every service
 * projected into retention_records, the review splitting held from due, the Disposer recording
 * each disposition once, and a hold placed meanwhile refusing it.
 */
import { randomUUID } from 'node:crypto';
import { recordsStreamId, RETENTION_STREAM_ID } from '@lse/contracts';
import { PostgresEventStore, type NewEvent } from '@lse/event-store';
import { RETENTION_SCHEDULE, scheduleEntryFor, type PastRetention } from '@lse/audit-domain';
import { rebuildTimeline } from '../src/read-models/projector';
import { legalHoldStatus } from '../src/records/legal-holds';
import { RecordingDisposer, type Disposer } from '../src/records/disposer';
import { RetentionReview } from '../src/records/retention-review';
import { appendComplaint, auditHarness, type AuditHarness } from './harness';

jest.setTimeout(60_000);

const event = (
  type: string,
  data: Record<string, unknown>,
  caseId?: string,
  occurredAt = '2019-01-01T12:00:00.000Z',
): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    ...(caseId ? { caseId } : {}),
    actor: { id: 'someone', role: 'supervisor' },
    correlationId: randomUUID(),
    sourceService: 'test',
    occurredAt,
  },
});

describe('legal holds and the retention review (agency policy schedule)', () => {
  let h: AuditHarness;
  const held = randomUUID();
  const due = randomUUID();
  const collected = randomUUID();
  const reopened = randomUUID();
  const declined = randomUUID();
  const request = randomUUID();
  const ctx = (id = 'ig-1') => ({
    actor: { id, role: 'auditor' as const },
    correlationId: randomUUID(),
    now: new Date(),
  });
  const order = { matterId: 'Doe v. Acme, No. 3:26-cv-00412', reason: 'Suit filed.', orderedBy: 'Counsel' };

  beforeAll(async () => {
    h = await auditHarness();
    const others = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'others',
      categories: ['investigation', 'collection', 'foia'],
    });
    const closed = (caseId: string, closedAt: string) =>
      event('InvestigationClosed', { reason: 'no_violation', closedAt }, caseId, closedAt);
    await others.append(`investigation-${held}`, [closed(held, '2019-03-01T15:00:00.000Z')], 'no_stream');
    await others.append(`investigation-${due}`, [closed(due, '2019-03-02T15:00:00.000Z')], 'no_stream');
    // Closed in 2019, but collections took over and closed in 2024: due in 2030, not now.
    await others.append(
      `investigation-${collected}`,
      [closed(collected, '2019-01-01T15:00:00.000Z')],
      'no_stream',
    );
    await others.append(
      `collection-${collected}`,
      [
        event('CollectionCaseOpened', {}, collected),
        event('CollectionCaseClosed', { closedOn: '2024-01-01', reason: 'paid_in_full' }, collected),
      ],
      'no_stream',
    );
    // Closed, then reopened: no period runs.
    await others.append(
      `investigation-${reopened}`,
      [
        closed(reopened, '2018-01-01T15:00:00.000Z'),
        event('InvestigationReopened', { reopenedAt: '2019-01-01T00:00:00.000Z' }, reopened),
      ],
      'no_stream',
    );
    // A complaint declined on a February 29: due March 1, three years on (agency policy).
    await appendComplaint(h, declined, 2);
    await h.intake.append(
      `complaint-${declined}`,
      [event('ComplaintDeclined', { reasonCode: 'no_jurisdiction' }, declined, '2020-02-29T18:00:00.000Z')],
      2,
    );
    await others.append(
      `foia-${request}`,
      [event('FoiaResponseReleased', { releasedAt: '2018-06-01T10:00:00.000Z' }, undefined)],
      'no_stream',
    );
    await rebuildTimeline(h.core.dataSource, h.core.store);
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('projects each closing, hand-on and reopening into retention_records', async () => {
    const rows: Array<Record<string, unknown>> = await h.core.dataSource.query(
      `SELECT record_type, record_id, closed_on, closed_by, superseded FROM "${h.audit.schema}".retention_records`,
    );
    const byId = (id: string, type: string) => rows.find((r) => r.record_id === id && r.record_type === type);
    expect(byId(declined, 'complaint_without_case')).toMatchObject({
      closed_on: '2020-02-29',
      closed_by: 'ComplaintDeclined',
    });
    expect(byId(held, 'investigation_case')).toMatchObject({ closed_on: '2019-03-01', superseded: false });
    expect(byId(collected, 'investigation_case')).toMatchObject({ superseded: true });
    expect(byId(collected, 'collection_case')).toMatchObject({ closed_on: '2024-01-01' });
    expect(byId(reopened, 'investigation_case')).toMatchObject({ closed_on: null });
    expect(byId(request, 'foia_request')).toMatchObject({ closed_on: '2018-06-01' });
  });

  it('places a hold on a case that exists only, one per matter (agency records policy)', async () => {
    await expect(h.core.holds.place(randomUUID(), order, ctx())).rejects.toMatchObject({
      details: { reason: 'case_not_found' },
    });
    const placed = await h.core.holds.place(held, order, ctx());
    expect(placed).toMatchObject({ caseId: held, version: 1 });
    await expect(h.core.holds.place(held, order, ctx())).rejects.toMatchObject({
      details: { reason: 'hold_exists' },
    });
    expect(await legalHoldStatus(h.core.store, held)).toEqual({
      held: true,
      holdIds: [placed.holdId],
      version: 1,
    });
    expect(await legalHoldStatus(h.core.store, due)).toEqual({ held: false, holdIds: [], version: 0 });
  });

  it('lists the held case as held with its hold and records every other due record once', async () => {
    const [hold] = (await h.core.holds.holds(held)).holds;
    const first = await h.core.retention.run(randomUUID());
    expect(first.counts).toEqual({ pastRetention: 4, due: 3, held: 1, recorded: 3, failed: 0 });
    expect(first.due).toEqual([
      { recordType: 'complaint_without_case', recordId: declined },
      { recordType: 'foia_request', recordId: request },
      { recordType: 'investigation_case', recordId: due },
    ]);
    expect(first.held).toEqual([
      { recordType: 'investigation_case', recordId: held, holdIds: [hold.holdId] },
    ]);
    const dispositions = await h.core.store.readStream(recordsStreamId(due));
    expect(dispositions.map((e) => [e.type, e.data])).toEqual([
      [
        'RetentionDispositionDue',
        expect.objectContaining({
          recordType: 'investigation_case',
          closedOn: '2019-03-02',
          dueOn: '2025-03-02',
        }),
      ],
    ]);
    expect(dispositions[0].metadata.caseId).toBe(due);
    expect((await h.core.store.readStream(recordsStreamId(declined)))[0].data).toMatchObject({
      closedOn: '2020-02-29',
      dueOn: '2023-03-01',
    });
    expect(await h.core.store.readStream(recordsStreamId(held))).toHaveLength(1); // the hold only

    const second = await h.core.retention.run(randomUUID(), undefined, { id: 'ig-1', role: 'auditor' });
    expect(second.counts).toMatchObject({ due: 3, held: 1, recorded: 0 });
    expect(second.version).toBe(first.version + 1);
    expect(await h.core.store.readStream(recordsStreamId(due))).toHaveLength(1);
    expect((await h.core.retention.latest())?.reviewId).toBe(second.reviewId);
    const reports = await h.core.store.readStream(RETENTION_STREAM_ID);
    expect(reports.map((e) => e.metadata.actor)).toEqual([
      { id: 'service:audit', role: 'system' },
      { id: 'ig-1', role: 'auditor' },
    ]);
    expect((await h.core.retention.reports(second.version, 10)).map((r) => r.reviewId)).toEqual([
      second.reviewId,
      first.reviewId,
    ]);
  });

  it('pages the due list in due order, the held record with its hold', async () => {
    const page1 = await h.core.retention.dueList(undefined, 2);
    const page2 = await h.core.retention.dueList(page1[1], 10);
    const all = [...page1, ...page2];
    expect(all.map((i) => [i.recordId, i.status])).toEqual([
      [declined, 'due'],
      [request, 'due'],
      [held, 'held'],
      [due, 'due'],
    ]);
    expect(all[2].holds).toEqual([expect.objectContaining({ matterId: order.matterId })]);
    expect(all[3].schedule).toMatchObject({ retainYears: 6, authority: 'agency policy' });
    expect(all[1].caseId).toBeUndefined();
  });

  it('a hold placed after the review read the holds refuses the disposition (the records stream decides)', async () => {
    const other = randomUUID();
    await appendComplaint(h, other, 2);
    await h.core.holds.place(other, { ...order, matterId: 'EEOC 555' }, ctx());
    const record: PastRetention = {
      recordType: 'complaint_without_case',
      recordId: other,
      caseId: other,
      closedOn: '2020-01-01',
      dueOn: '2023-01-01',
      entry: scheduleEntryFor(RETENTION_SCHEDULE, 'complaint_without_case')!,
    };
    const disposer = new RecordingDisposer(h.core.holds.commands);
    const review = {
      reviewId: randomUUID(),
      asOf: '2026-12-06',
      scheduleVersion: 'v',
      now: new Date().toISOString(),
      correlationId: randomUUID(),
    };
    expect(await disposer.dispose(record, review)).toBe('held');
    expect(await h.core.store.readStream(recordsStreamId(other))).toHaveLength(1);
  });

  it('once the hold is lifted the case comes due on the next review', async () => {
    const [hold] = (await h.core.holds.holds(held)).holds;
    await h.core.holds.lift(held, hold.holdId, { reason: 'Settled.' }, ctx('sup-1'));
    await expect(h.core.holds.lift(held, hold.holdId, { reason: 'Again.' }, ctx())).rejects.toMatchObject({
      details: { reason: 'hold_lifted' },
    });
    const view = await h.core.holds.holds(held);
    expect(view).toMatchObject({
      held: false,
      holds: [{ status: 'lifted', lifted: { reason: 'Settled.' } }],
    });
    const report = await h.core.retention.run(randomUUID());
    expect(report.counts).toMatchObject({ due: 4, held: 0, recorded: 1 });
  });

  it('goes on past a record whose disposition fails, counting it (the Disposer is injected)', async () => {
    const seen: string[] = [];
    const failing: Disposer = {
      dispose: (record) => {
        seen.push(record.recordId);
        return record.recordId === declined
          ? Promise.reject(new Error('key store down'))
          : Promise.resolve('already_recorded');
      },
    };
    const errors: unknown[] = [];
    const review = new RetentionReview({
      store: h.core.store,
      dataSource: h.core.dataSource,
      commands: h.core.holds.commands,
      disposer: failing,
      onError: (e) => errors.push(e),
    });
    const report = await review.run(randomUUID());
    expect(seen).toHaveLength(4);
    expect(report.counts).toMatchObject({ due: 3, failed: 1, recorded: 0 });
    expect(report.due.map((d) => d.recordId)).not.toContain(declined);
    expect(errors).toHaveLength(1);
  });

  it('the scheduled run reports once a day: not again once today is reported', async () => {
    const before = await h.core.store.streamVersion(RETENTION_STREAM_ID);
    expect(await h.core.retention.runIfDue()).toBeUndefined();
    expect(await h.core.store.streamVersion(RETENTION_STREAM_ID)).toBe(before);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const later = new RetentionReview({
      store: h.core.store,
      dataSource: h.core.dataSource,
      commands: h.core.holds.commands,
      disposer: new RecordingDisposer(h.core.holds.commands),
      now: () => tomorrow,
    });
    expect((await later.runIfDue())?.asOf).toBe(tomorrow.toISOString().slice(0, 10));
    expect(await h.core.store.streamVersion(RETENTION_STREAM_ID)).toBe(before + 1);
  });
});
