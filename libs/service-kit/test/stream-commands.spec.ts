import { randomUUID } from 'node:crypto';
import { complaintStreamId, type ComplaintEvent } from '@lse/contracts';
import { reactionEventId } from '@lse/domain';
import { migrate, PostgresEventStore, WrongExpectedVersionError, type RecordedEvent } from '@lse/event-store';
import { complaintDecider, type ComplaintCommand, type ComplaintState } from '@lse/intake-domain';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { createTestSchema, type TestSchema } from '@lse/testing';
import {
  appendReaction,
  appendScheduled,
  eventIdFor,
  Metrics,
  StreamCommands,
  toServiceError,
  type CommandContext,
} from '../src';

/**
 * The shared command path (StreamCommands), reaction append (appendReaction) and scheduled append
 * (appendScheduled) on the real
 * PostgreSQL event store, with intake's complaint decider as the example domain.
 */
describe('the shared command path against PostgreSQL', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  let metrics: Metrics;
  let commands: StreamCommands;
  const decider = complaintDecider();
  const now = '2026-03-02T10:00:00.000Z';
  const actor = { id: 'ana@agency.gov', role: 'intake_officer' };

  beforeAll(async () => {
    db = await createTestSchema('kitcmd');
    await migrate(db.pool, db.schema);
    store = new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'intake',
      categories: ['complaint'],
    });
    metrics = new Metrics('service-kit-test', { defaultMetrics: false });
    commands = new StreamCommands({ store, metrics, sourceService: 'intake' });
  });
  afterAll(async () => db?.drop());

  const context = (caseId: string, commandId: string, extra: Partial<CommandContext> = {}) => ({
    streamId: complaintStreamId(caseId),
    caseId,
    commandId,
    actor,
    correlationId: `corr-${commandId}`,
    now,
    ...extra,
  });
  const receive = (caseId: string, commandId = randomUUID()) =>
    commands.run(decider, context(caseId, commandId, { startsStream: true }), () => ({
      type: 'ReceiveComplaint' as const,
      caseId,
      now,
      complaint: receivedComplaint(),
    }));
  const assess = (caseId: string, commandId: string, expectedVersion?: number) =>
    commands.run(decider, context(caseId, commandId, { expectedVersion }), async () => ({
      type: 'AssessLimitations' as const,
      caseId,
      now,
      statute: 'FLSA',
      willful: false,
    }));
  const counted = async (name: string) =>
    (await metrics.registry.getSingleMetric(name)?.get())?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;

  it('appends a new command under ids derived from it, with its metadata, and answers the next version', async () => {
    const caseId = randomUUID();
    const commandId = randomUUID();
    const before = await counted('events_appended_total');
    const outcome = await receive(caseId, commandId);
    expect(outcome).toMatchObject({ version: 1, replayed: false, state: { status: 'received' } });
    expect(outcome.events.map((e) => e.type)).toEqual(['ComplaintReceived']);
    const [stored] = await store.readStream(complaintStreamId(caseId));
    expect(stored.eventId).toBe(eventIdFor(commandId, 0));
    expect(stored.metadata).toEqual({
      caseId,
      actor,
      correlationId: `corr-${commandId}`,
      causationId: commandId,
      sourceService: 'intake',
      occurredAt: now,
    });
    expect(await counted('events_appended_total')).toBe(before + 1);
  });

  it('answers a retry of an applied command with its first result, replayed, and writes nothing', async () => {
    const caseId = randomUUID();
    const received = randomUUID();
    const first = await receive(caseId, received);
    // A retry of a command that started the stream meets the stream it started.
    const again = await receive(caseId, received);
    expect(again).toEqual({ ...first, replayed: true });

    const assessed = randomUUID();
    const applied = await assess(caseId, assessed, 1);
    // Retried with the If-Match the first attempt carried: answered as it was, not refused as stale.
    const retried = await assess(caseId, assessed, 1);
    expect(retried).toEqual({ ...applied, replayed: true });
    expect(retried.version).toBe(2);
    expect((await store.readStream(complaintStreamId(caseId))).map((e) => e.eventId)).toEqual([
      eventIdFor(received, 0),
      eventIdFor(assessed, 0),
    ]);
  });

  it('refuses a stale expected version with a 409, counted, before deciding', async () => {
    const caseId = randomUUID();
    await receive(caseId);
    const conflicts = await counted('concurrency_conflicts_total');
    let built = false;
    const stale = commands.run(
      decider,
      context(caseId, randomUUID(), { expectedVersion: 0 }),
      (): ComplaintCommand => {
        built = true;
        return { type: 'AssessLimitations', caseId, now, statute: 'FLSA', willful: false };
      },
    );
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await stale.catch((err: unknown) => expect(toServiceError(err).code).toBe('wrong_expected_version'));
    expect(built).toBe(false);
    expect(await counted('concurrency_conflicts_total')).toBe(conflicts + 1);
    expect(await store.readStream(complaintStreamId(caseId))).toHaveLength(1);
  });

  it('answers two concurrent runs of one command both, with one append', async () => {
    const caseId = randomUUID();
    await receive(caseId);
    const commandId = randomUUID();
    const both = await Promise.all([assess(caseId, commandId, 1), assess(caseId, commandId, 1)]);
    expect(both.map((o) => o.version)).toEqual([2, 2]);
    expect(both.map((o) => o.events.map((e) => e.type))).toEqual([
      ['LimitationsAssessed'],
      ['LimitationsAssessed'],
    ]);
    expect(both.filter((o) => !o.replayed)).toHaveLength(1);
    expect(await store.readStream(complaintStreamId(caseId))).toHaveLength(2);
  });

  describe('appendReaction', () => {
    const react = (
      cause: RecordedEvent,
      caseId: string,
      extra: Partial<
        Parameters<typeof appendReaction<ComplaintCommand, ComplaintEvent, ComplaintState>>[0]
      > = {},
    ) =>
      appendReaction<ComplaintCommand, ComplaintEvent, ComplaintState>({
        store,
        decider,
        metrics,
        cause,
        name: 'test.related-link',
        streamId: complaintStreamId(caseId),
        sourceService: 'intake',
        now,
        caseId,
        command: () => ({
          type: 'RecordRelatedLink',
          caseId,
          now,
          relatedCaseId: cause.metadata.caseId!,
          reason: 'same employer, same weeks',
        }),
        ...extra,
      });
    const receivedCase = async () => {
      const caseId = randomUUID();
      await receive(caseId);
      return { caseId, cause: (await store.readStream(complaintStreamId(caseId)))[0] };
    };

    it('appends under ids derived from the cause and writes nothing on a redelivery', async () => {
      const { cause, caseId: causeCase } = await receivedCase();
      const { caseId } = await receivedCase();
      const first = await react(cause, caseId);
      expect(first.outcome).toBe('appended');
      expect(await react(cause, caseId)).toEqual({ outcome: 'stored_before' });
      const stored = await store.readStream(complaintStreamId(caseId));
      expect(stored.map((e) => [e.type, e.eventId])).toEqual([
        ['ComplaintReceived', expect.any(String)],
        ['RelatedCaseLinked', reactionEventId(cause.eventId, 'test.related-link/0')],
      ]);
      expect(stored[1].metadata).toEqual({
        caseId,
        actor: { id: 'service:intake', role: 'system' },
        correlationId: cause.metadata.correlationId,
        causationId: cause.eventId,
        sourceService: 'intake',
        occurredAt: now,
      });
      expect(stored[1].data).toMatchObject({ relatedCaseId: causeCase, reciprocal: true });
    });

    it('treats a concurrent delivery that appended the same events first as done', async () => {
      const { cause } = await receivedCase();
      const { caseId } = await receivedCase();
      const outcomes = await Promise.all([react(cause, caseId), react(cause, caseId)]);
      // The other replica either lost the append (stored before) or read after it (nothing due).
      expect(outcomes.filter((o) => o.outcome === 'appended')).toHaveLength(1);
      expect(await store.readStream(complaintStreamId(caseId))).toHaveLength(2);
    });

    it('starts a stream without reading it: a redelivery is stored before, another cause finds it started', async () => {
      const { cause } = await receivedCase();
      const { cause: other } = await receivedCase();
      const caseId = randomUUID();
      const start = (c: RecordedEvent) =>
        react(c, caseId, {
          startsStream: true,
          singleEvent: true,
          command: () => ({ type: 'ReceiveComplaint', caseId, now, complaint: receivedComplaint() }),
        });
      expect((await start(cause)).outcome).toBe('appended');
      expect(await start(cause)).toEqual({ outcome: 'stored_before' });
      expect(await start(other)).toEqual({ outcome: 'stream_exists' });
      const stored = await store.readStream(complaintStreamId(caseId));
      expect(stored.map((e) => e.eventId)).toEqual([reactionEventId(cause.eventId, 'test.related-link')]);
    });
  });

  describe('appendScheduled', () => {
    const linkId = (caseId: string) => `00000000-0000-4000-8000-${caseId.slice(-12)}`;
    const schedule = (caseId: string, relatedCaseId: string, on = store) =>
      appendScheduled<ComplaintCommand, ComplaintEvent, ComplaintState>({
        store: on,
        decider,
        streamId: complaintStreamId(caseId),
        sourceService: 'intake',
        now,
        caseId,
        correlationId: `check:${caseId}`,
        command: () => ({ type: 'RecordRelatedLink', caseId, now, relatedCaseId, reason: 'nightly check' }),
        // From what the event is about, never the run: every replica derives the same id.
        eventId: () => linkId(relatedCaseId),
      });

    it('records once however many replicas run it at once, as the service, and then finds nothing due', async () => {
      const caseId = randomUUID();
      const related = randomUUID();
      await receive(caseId);
      const outcomes = await Promise.all([schedule(caseId, related), schedule(caseId, related)]);
      // The other replica either lost the append (stored before) or read after it (nothing due).
      expect(outcomes.filter((o) => o.outcome === 'appended')).toHaveLength(1);
      expect(await schedule(caseId, related)).toEqual({ outcome: 'nothing_to_do' });
      const stored = await store.readStream(complaintStreamId(caseId));
      expect(stored.map((e) => [e.type, e.eventId])).toEqual([
        ['ComplaintReceived', expect.any(String)],
        ['RelatedCaseLinked', linkId(related)],
      ]);
      expect(stored[1].metadata).toEqual({
        caseId,
        actor: { id: 'service:intake', role: 'system' },
        correlationId: `check:${caseId}`,
        sourceService: 'intake',
        occurredAt: now,
      });
    });

    /** The store as a run sees it when `meanwhile` runs between its read and its append. */
    const interleaving = (meanwhile: () => Promise<unknown>) => {
      let done = false;
      return Object.assign(Object.create(store) as PostgresEventStore, {
        append: async (...args: Parameters<PostgresEventStore['append']>) => {
          if (!done) {
            done = true;
            await meanwhile();
          }
          return store.append(...args);
        },
      });
    };

    it('is done when another replica recorded the same event between its read and its append', async () => {
      const caseId = randomUUID();
      const related = randomUUID();
      await receive(caseId);
      const racing = interleaving(() => schedule(caseId, related));
      expect(await schedule(caseId, related, racing)).toEqual({ outcome: 'stored_before' });
      expect(await store.readStream(complaintStreamId(caseId))).toHaveLength(2);
    });

    it('decides again on the stream as it is when another append got in between its read and its append', async () => {
      const caseId = randomUUID();
      const related = randomUUID();
      await receive(caseId);
      const racing = interleaving(() => assess(caseId, randomUUID()));
      expect((await schedule(caseId, related, racing)).outcome).toBe('appended');
      const stored = await store.readStream(complaintStreamId(caseId));
      expect(stored.map((e) => e.type)).toEqual([
        'ComplaintReceived',
        'LimitationsAssessed',
        'RelatedCaseLinked',
      ]);
    });
  });
});
