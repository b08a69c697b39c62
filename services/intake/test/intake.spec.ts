import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { complaintStreamId, INTAKE_PATTERNS as P } from '@lse/contracts';
import { PLANTED_NAME, PLANTED_PHONE, receiveInput } from '@lse/intake-domain/test/fixtures';
import { IntakeClient, OFFICER, startIntake, type RunningIntake } from './intake-harness';
import { publishedIds } from './jetstream-probe';
import type { CommandResult } from '../src/commands/command-result';
import { CaseStatusFollower } from '../src/reactions/case-status/case-status-follower';

type Result = CommandResult;

describe('intake service over NATS', () => {
  let intake: RunningIntake;
  let client: IntakeClient;
  const startedAt = new Date(Date.now() - 1000);

  beforeAll(async () => {
    intake = await startIntake();
    client = new IntakeClient(intake.prefix);
  });
  afterAll(async () => {
    await client.close();
    await intake.close();
  });

  const receive = (options: Parameters<IntakeClient['ok']>[2] = {}, input = receiveInput()) =>
    client.ok<Result>(P.receive, { input }, options);
  const allEvents = async () => (await intake.store.readAll({ limit: 10_000 })).events;

  it('receives, assesses, triages and opens a case; events carry actor and correlation, the chain is intact, JetStream has them', async () => {
    const received = await receive({ correlationId: 'corr-flow-1' });
    expect(received).toMatchObject({
      version: 1,
      status: 'received',
      events: ['ComplaintReceived'],
      replayed: false,
    });
    const { caseId } = received;
    const cmd = (input: unknown, expectedVersion?: number) => ({
      caseId,
      input,
      ...(expectedVersion ? { expectedVersion } : {}),
    });

    await client.ok(
      P.assessJurisdiction,
      cmd({ inJurisdiction: true, statutes: ['FLSA'], reason: 'Car wash.' }, 1),
    );
    const limitations = await client.ok<Result>(
      P.assessLimitations,
      cmd({ statute: 'FLSA', willful: false }, 2),
    );
    expect(limitations.limitations).toMatchObject({ statute: 'FLSA', periodYears: 2 });
    const triage = await client.ok<Result>(P.scoreTriage, cmd({}, 3));
    expect(triage.triage!.factors.map((f) => f.factor)).toEqual([
      'workers_affected',
      'severity',
      'jurisdiction',
      'ongoing',
      'repeat_violator',
      'high_violation_industry',
      'limitations_remaining',
      'resource_intensity',
    ]);
    expect(triage.triage!.factors.every((f) => f.explanation.length > 0)).toBe(true);
    const opened = await client.ok<Result>(P.openCase, cmd({}, 4), { correlationId: 'corr-flow-2' });
    expect(opened.case!.caseNumber).toMatch(new RegExp(`^LSE-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(opened).toMatchObject({
      version: 5,
      status: 'opened',
      case: { priority: triage.triage!.priority, office: 'SF-01' },
    });

    const again = await client.send(P.openCase, cmd({}));
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', details: { reason: 'case_already_opened' } },
    });

    const stream = await intake.store.readStream(complaintStreamId(caseId));
    expect(stream.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'JurisdictionAssessed',
      'LimitationsAssessed',
      'TriageScored',
      'CaseOpened',
    ]);
    for (const e of stream) {
      expect(e.metadata).toMatchObject({ caseId, actor: OFFICER, sourceService: 'intake' });
      expect(e.metadata.causationId).toEqual(expect.any(String));
      expect(Date.parse(e.metadata.occurredAt)).not.toBeNaN();
    }
    expect(stream[0].metadata.correlationId).toBe('corr-flow-1');
    expect(stream[4].metadata.correlationId).toBe('corr-flow-2');
    expect(await intake.store.verifyStream(complaintStreamId(caseId))).toMatchObject({
      ok: true,
      eventsChecked: 5,
    });

    const published = await publishedIds(
      'events.complaint.>',
      startedAt,
      stream.map((e) => e.eventId),
    );
    expect(stream.filter((e) => !published.has(e.eventId))).toEqual([]);

    await intake.runtime.projector.waitFor([{ caseId, version: 5 }]);
    const cases = await client.ok<{ items: Array<Record<string, unknown>> }>(P.listCases, {
      filters: { caseNumber: opened.case!.caseNumber },
      limit: 10,
    });
    expect(cases.items).toEqual([
      expect.objectContaining({ caseId, caseNumber: opened.case!.caseNumber, status: 'opened' }),
    ]);
    const current = await client.ok<Result>(P.getComplaint, { caseId });
    expect(current).toMatchObject({
      caseId,
      version: 5,
      status: 'opened',
      caseNumber: opened.case!.caseNumber,
    });
  });

  it('allocates unique case numbers under concurrent opens', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const { caseId } = await receive();
        await client.ok(P.scoreTriage, { caseId, input: { resourceIntensity: 'low' } });
        return caseId;
      }),
    );
    const numbers = await Promise.all(
      ids.map(
        async (caseId) => (await client.ok<Result>(P.openCase, { caseId, input: {} })).case!.caseNumber,
      ),
    );
    expect(new Set(numbers).size).toBe(6);
  });

  it('refuses a stale expected version with wrong_expected_version and writes nothing', async () => {
    const { caseId } = await receive();
    await client.ok(P.assessJurisdiction, {
      caseId,
      expectedVersion: 1,
      input: { inJurisdiction: true, statutes: ['FLSA'], reason: 'x' },
    });
    const stale = await client.send(P.decline, {
      caseId,
      expectedVersion: 1,
      input: { reasonCode: 'no_jurisdiction' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'wrong_expected_version' } });
    expect(await intake.store.streamVersion(complaintStreamId(caseId))).toBe(2);

    // Two concurrent writers with the same expectation: exactly one wins.
    const both = await Promise.all([
      client.send(P.withdraw, { caseId, expectedVersion: 2, input: { reason: 'Moved away.' } }),
      client.send(P.decline, {
        caseId,
        expectedVersion: 2,
        input: { reasonCode: 'complainant_unreachable' },
      }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['wrong_expected_version']);
    expect(await intake.store.streamVersion(complaintStreamId(caseId))).toBe(3);
  });

  it('answers a retried command (same Idempotency-Key) with the first result and writes nothing new', async () => {
    const key = `key-${randomUUID()}`;
    const first = await receive({ idempotencyKey: key });
    const retry = await receive({ idempotencyKey: key });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await intake.store.streamVersion(complaintStreamId(first.caseId))).toBe(1);

    const amendKey = `key-${randomUUID()}`;
    const amendment = {
      caseId: first.caseId,
      expectedVersion: 1,
      input: { changes: { allegations: receiveInput().allegations.slice(0, 1) }, reason: 'Call back.' },
    };
    const [a, b] = await Promise.all([
      client.ok<Result>(P.amend, amendment, { idempotencyKey: amendKey }),
      client.ok<Result>(P.amend, amendment, { idempotencyKey: amendKey }),
    ]);
    expect(a.version).toBe(2);
    expect(b.version).toBe(2);
    const later = await client.ok<Result>(P.amend, amendment, { idempotencyKey: amendKey });
    expect(later).toMatchObject({ version: 2, replayed: true, events: ['ComplaintAmended'] });
    expect(await intake.store.streamVersion(complaintStreamId(first.caseId))).toBe(2);
  });

  it('refuses bad input with validation errors naming the fields, and writes nothing', async () => {
    const before = (await allEvents()).length;
    const malformed = await client.send(P.receive, {
      input: { ...receiveInput(), office: 'sf office', allegations: [] },
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'validation' } });
    const paths = (
      malformed as { error: { details: { errors: Array<{ path: string }> } } }
    ).error.details.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['input.office', 'input.allegations']));

    // A rule only the event contract knows: a hotline complaint has no referral id.
    const contract = await client.send(P.receive, { input: receiveInput({ referralId: randomUUID() }) });
    expect(contract).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { errors: [{ path: 'referralId' }] } },
    });

    const missing = await client.send(P.amend, {
      caseId: randomUUID(),
      input: { changes: { allegations: receiveInput().allegations }, reason: 'x' },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await allEvents()).length).toBe(before);
  });

  it('scores a repeat violator from the employer index (cases with violations found), and finds the employer', async () => {
    const name = `Repeat ${randomUUID().slice(0, 8)} Car Wash, LLC`;
    const employer = { ...receiveInput().employer, name, fein: undefined };
    const { caseId: first } = await receive({}, receiveInput({ employer }));
    await client.ok(P.scoreTriage, { caseId: first, input: {} });
    const opened = await client.ok<Result>(P.openCase, { caseId: first, input: {} });
    await intake.runtime.projector.waitFor([{ caseId: first, version: opened.version }]);

    const sameEmployer = receiveInput({
      employer: { ...employer, name: name.toUpperCase().replace(', LLC', ' INC') },
    });
    const { caseId: second } = await receive({}, sameEmployer);
    const repeatOf = (r: Result) => r.triage!.factors.find((f) => f.factor === 'repeat_violator');
    // An opened case is not a violation: only a violation found makes a repeat violator.
    expect(repeatOf(await client.ok<Result>(P.scoreTriage, { caseId: second, input: {} }))).toMatchObject({
      points: 0,
    });
    await intake.app.get(CaseStatusFollower).follow({
      eventId: randomUUID(),
      streamId: `investigation-${first}`,
      streamVersion: 2,
      globalPosition: 0,
      txId: '0',
      recordedAt: new Date().toISOString(),
      hash: '',
      prevHash: '',
      type: 'ViolationFound',
      schemaVersion: 1,
      data: {
        violationId: randomUUID(),
        type: 'overtime',
        statute: 'FLSA',
        employerIds: [randomUUID()],
        periodStart: '2025-03-01',
        periodEnd: '2025-03-31',
        workersAffected: 3,
        willful: false,
        basis: 'Overtime at straight time.',
      },
      metadata: {
        caseId: first,
        actor: { id: 'ivan', role: 'investigator' },
        correlationId: randomUUID(),
        sourceService: 'investigation',
        occurredAt: new Date().toISOString(),
      },
    });
    const triage = await client.ok<Result>(P.scoreTriage, { caseId: second, input: {} });
    expect(repeatOf(triage)).toEqual({
      factor: 'repeat_violator',
      points: 15,
      explanation: `1 earlier case with violations found against this employer: ${opened.case!.caseNumber}.`,
    });

    await intake.runtime.projector.waitFor([{ caseId: second, version: triage.version }]);
    const found = await client.ok<{
      employers: Array<{
        priorCases: number;
        casesWithViolations: number;
        complaints: Array<{ caseId: string }>;
      }>;
    }>(P.findEmployer, { name: name.toLowerCase() });
    expect(found.employers).toHaveLength(1);
    expect(found.employers[0]).toMatchObject({ priorCases: 1, casesWithViolations: 1 });
    expect(found.employers[0].complaints.map((c) => c.caseId)).toEqual([first, second]);
  });

  it('serves health and metrics over HTTP and keeps personal data out of its logs', async () => {
    const server = intake.app.getHttpServer();
    await request(server).get('/health/live').expect(200);
    const ready = await request(server).get('/health/ready').expect(200);
    expect(Object.keys(ready.body.checks).sort()).toEqual([
      'nats',
      'postgres',
      'projection:intake_read_models',
    ]);
    expect(ready.body.checks['projection:intake_read_models']).toEqual({ status: 'ok', durationMs: 0 });
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/projection_failing_seconds\{[^}]*projection="intake_read_models"[^}]*\} 0\n/);
    expect(metrics.text).toMatch(
      /command_duration_seconds_count\{[^}]*type="intake.receive",outcome="ok"\} \d+/,
    );
    expect(metrics.text).toMatch(/events_appended_total\{category="complaint",type="ComplaintReceived"/);
    const logs = intake.logs.join('\n');
    expect(logs).not.toContain(PLANTED_NAME);
    expect(logs).not.toContain(PLANTED_PHONE);
  });
});
