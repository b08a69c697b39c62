import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { accessStreamId, complaintStreamId } from '@lse/contracts';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import { AuditMessages } from '../../services/audit/src/commands/audit.messages';
import { startGateway, type TestGateway } from '../../services/gateway/test/support/gateway-harness';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { startIntake, type RunningIntake } from '../../services/intake/test/intake-harness';
import { startAudit, type RunningAudit } from '../../services/audit/test/audit-harness';

/** The complaint routes as clients use them: HTTP -> real gateway -> NATS -> real intake -> PostgreSQL. */
describe('complaint routes through the gateway and intake', () => {
  let intake: RunningIntake;
  // Reads of a complaint are recorded by audit (RecordAccessed) before the gateway answers.
  let audit: RunningAudit;
  let gw: TestGateway;
  let officer: string;
  let supervisor: string;
  let investigator: string;

  beforeAll(async () => {
    intake = await startIntake();
    audit = await startAudit({ prefix: intake.prefix, eventSchema: intake.eventSchema });
    gw = await startGateway({ SERVICE_TIMEOUT_MS: '5000', NATS_SUBJECT_PREFIX: intake.prefix }, []);
    officer = await gw.token('intake_officer', 'officer-1');
    supervisor = await gw.token('supervisor', 'super-1');
    investigator = await gw.token('investigator', 'inv-1');
  });
  afterAll(async () => {
    await gw?.close();
    await audit?.close();
    await intake?.close();
  });

  const http = () => request(gw.server as never);
  const post = (path: string, token: string, body: unknown) =>
    http()
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  const get = (path: string, token: string) =>
    http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const eventCount = async () => (await intake.store.readAll({ limit: 10_000 })).events.length;

  async function receive(): Promise<string> {
    const res = await post('/complaints', officer, receiveInput()).expect(201);
    return res.body.caseId as string;
  }

  it('receives a complaint with two workers, triages it with explanations and opens the case', async () => {
    const received = await post('/complaints', officer, receiveInput())
      .set('x-correlation-id', 'corr-http-1')
      .expect(201);
    const caseId = received.body.caseId as string;
    expect(received.headers.etag).toBe('"1"');
    expect(received.headers.location).toBe(`/api/v1/complaints/${caseId}`);

    await post(`/complaints/${caseId}/jurisdiction-assessment`, officer, {
      inJurisdiction: true,
      statutes: ['FLSA'],
      reason: 'SF car wash.',
    })
      .set('If-Match', '"1"')
      .expect(200)
      .expect('ETag', '"2"');
    const limitations = await post(`/complaints/${caseId}/limitations-assessment`, officer, {
      statute: 'FLSA',
      willful: false,
    })
      .set('If-Match', '"2"')
      .expect(200);
    expect(limitations.body.limitations).toMatchObject({ statute: 'FLSA', periodYears: 2 });
    const triage = await post(`/complaints/${caseId}/triage`, officer, {}).set('If-Match', '"3"').expect(200);
    expect(triage.body.triage).toMatchObject({
      score: expect.any(Number),
      priority: expect.stringMatching(/^P[1-4]$/),
    });
    expect(triage.body.triage.factors).toHaveLength(8);
    expect(triage.body.triage.factors[0]).toEqual({
      factor: 'workers_affected',
      points: 20,
      explanation: '12 workers affected.',
    });

    const opened = await post(`/complaints/${caseId}/open`, officer, {}).set('If-Match', '"4"').expect(200);
    expect(opened.body.case.caseNumber).toMatch(/^LSE-\d{4}-\d{6}$/);
    expect(opened.headers.etag).toBe('"5"');

    const view = await get(`/complaints/${caseId}`, investigator).expect(200);
    const [access] = await intake.store.readStream(`access-${caseId}`);
    expect(access).toMatchObject({
      type: 'RecordAccessed',
      data: { resource: 'complaint', caseId },
      metadata: { actor: { id: 'inv-1', role: 'investigator' } },
    });
    expect(view.headers.etag).toBe('"5"');
    expect(view.body).toMatchObject({ caseId, status: 'opened', caseNumber: opened.body.case.caseNumber });
    expect(view.body.complaint.complainants).toHaveLength(2);

    const events = await intake.store.readStream(complaintStreamId(caseId));
    expect(events[0].metadata).toMatchObject({
      actor: { id: 'officer-1', role: 'intake_officer' },
      correlationId: 'corr-http-1',
    });
    expect(await intake.store.verifyStream(complaintStreamId(caseId))).toMatchObject({ ok: true });

    await intake.runtime.projector.waitFor([{ caseId, version: 5 }]);
    const cases = await get(`/cases?caseNumber=${opened.body.case.caseNumber}`, investigator).expect(200);
    expect(cases.body).toEqual({
      items: [expect.objectContaining({ caseId, status: 'opened' })],
      nextCursor: null,
    });
    const employers = await get('/employers?name=golden%20gate%20car%20wash%20inc', officer).expect(200);
    const matches = (employers.body as { employers: Array<{ priorCases: number }> }).employers;
    expect(matches.some((e) => e.priorCases >= 1)).toBe(true);
    const opened2 = await get('/complaints?status=opened&industry=car_washes', supervisor).expect(200);
    expect((opened2.body as { items: Array<{ caseId: string }> }).items.map((i) => i.caseId)).toContain(
      caseId,
    );
  });

  it('pages the queue with a cursor', async () => {
    const ids = [await receive(), await receive(), await receive()];
    await intake.runtime.projector.waitFor(ids.map((caseId) => ({ caseId, version: 1 })));
    const first = await get('/complaints?status=received&limit=2', officer).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(
      `/complaints?status=received&limit=2&cursor=${first.body.nextCursor}`,
      officer,
    ).expect(200);
    const seen = [...first.body.items, ...second.body.items].map((i: { caseId: string }) => i.caseId);
    expect(new Set(seen).size).toBe(seen.length);
    await get('/complaints?cursor=not-a-cursor!', officer).expect(400);
  });

  it('refuses a role that may not act with 403 and writes nothing', async () => {
    const before = await eventCount();
    const res = await post('/complaints', investigator, receiveInput()).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const caseId = await receive();
    // Declining is a supervisor's decision.
    await post(`/complaints/${caseId}/decline`, officer, { reasonCode: 'no_jurisdiction' }).expect(403);
    await post(`/complaints/${caseId}/decline`, supervisor, { reasonCode: 'no_jurisdiction' }).expect(200);
    expect(await eventCount()).toBe(before + 2);
  });

  it('answers a malformed body with 400 problem+json naming the fields, and writes no event', async () => {
    const before = await eventCount();
    const bad = await post('/complaints', officer, {
      ...receiveInput(),
      channel: 'fax',
      allegations: [],
    }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.type).toBe('https://lse.example/problems/validation');
    expect((bad.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['channel', 'allegations']),
    );
    // A rule of the event contract, checked by intake: still a 400 naming the field.
    const referral = await post(
      '/complaints',
      officer,
      receiveInput({ referralId: '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d' }),
    ).expect(400);
    expect(referral.body.errors).toEqual([expect.objectContaining({ path: 'referralId' })]);
    await post('/complaints/not-a-uuid/triage', officer, {}).expect(400);
    await post(`/complaints/${'8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d'}/triage`, officer, {})
      .set('If-Match', 'W/"1"')
      .expect(400);
    expect(await eventCount()).toBe(before);
  });

  it('gives exactly one 409 for two concurrent conflicting updates with the same If-Match', async () => {
    const caseId = await receive();
    const [a, b] = await Promise.all([
      post(`/complaints/${caseId}/withdraw`, officer, { reason: 'Found another job.' }).set(
        'If-Match',
        '"1"',
      ),
      post(`/complaints/${caseId}/referral-out`, officer, {
        receivingAgency: 'OSHA',
        crossFiled: false,
        reason: 'Safety.',
      }).set('If-Match', '"1"'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body.type).toBe('https://lse.example/problems/concurrency-conflict');
    expect(await intake.store.streamVersion(complaintStreamId(caseId))).toBe(2);
    // And a refused transition is a 422: nothing more after withdrawal or referral.
    const after = await post(`/complaints/${caseId}/triage`, officer, {}).expect(422);
    expect(after.body.type).toBe('https://lse.example/problems/invalid-transition');
  });

  it('writes one event for the same Idempotency-Key sent twice', async () => {
    const before = await eventCount();
    const key = `idem-${Date.now()}`;
    const first = await post('/complaints', officer, receiveInput()).set('Idempotency-Key', key).expect(201);
    const second = await post('/complaints', officer, receiveInput()).set('Idempotency-Key', key).expect(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(second.headers.etag).toBe('"1"');
    expect(await eventCount()).toBe(before + 1);

    const triageKey = `${key}-triage`;
    await post(`/complaints/${first.body.caseId}/triage`, officer, {})
      .set('Idempotency-Key', triageKey)
      .expect(200);
    await post(`/complaints/${first.body.caseId}/triage`, officer, {})
      .set('Idempotency-Key', triageKey)
      .expect(200);
    expect(await intake.store.streamVersion(complaintStreamId(first.body.caseId))).toBe(2);
  });

  it('answers 404 for a read of a case that does not exist and records nothing for it (no access stream)', async () => {
    const auditor = await gw.token('auditor', 'ig-404');
    const foia = await gw.token('foia_officer', 'records-404');
    const unknown = '6f1c2a8e-0000-4000-8000-00000000f404';
    for (const path of [`/cases/${unknown}/state`, `/cases/${unknown}/history`, `/complaints/${unknown}`]) {
      const res = await get(path, path.startsWith('/complaints') ? investigator : auditor);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // Asked twice: a first read must not make the second find "events" of its own making.
    expect((await get(`/cases/${unknown}/state`, auditor)).status).toBe(404);
    expect(await intake.store.readStream(`access-${unknown}`)).toEqual([]);
    expect((await intake.store.readAll({ caseId: unknown })).events).toEqual([]);

    // A case that exists is read and the read recorded, as before.
    const caseId = await receive();
    expect((await get(`/cases/${caseId}/state`, auditor)).status).toBe(200);
    const [access] = await intake.store.readStream(`access-${caseId}`);
    expect(access).toMatchObject({ type: 'RecordAccessed', data: { resource: 'case-state', caseId } });

    const pkg = await get(`/foia-requests/${unknown}/package`, foia);
    expect(pkg.status).toBe(404);
    expect(pkg.body.type).toBe('https://lse.example/problems/not-found');
  });

  it('records a read that names an unknown case id (a list filtered by it) on the reader’s own stream, not on the id', async () => {
    const unknown = '6f1c2a8e-0000-4000-8000-00000000f405';
    // A read that names the id without reading a case (a list filtered by it) is recorded on the
    // reader's own stream, never on access-<id>.
    const reader = { id: 'liaison-404', role: 'partner_liaison' };
    const reply = await audit.app.get(AuditMessages).recordAccess({
      actor: reader,
      correlationId: 'corr-404',
      data: {
        accessId: randomUUID(),
        resource: 'disclosure-ledger',
        caseId: unknown,
        operation: 'GET /disclosures',
      },
    });
    expect(reply).toMatchObject({ ok: true });
    expect(await intake.store.readStream(`access-${unknown}`)).toEqual([]);
    const own = await intake.store.readStream(accessStreamId(uuidV5(`reader:${reader.id}`, NAMESPACE_LSE)));
    expect(own.map((e) => e.data)).toEqual([
      expect.objectContaining({
        resource: 'disclosure-ledger',
        operation: `GET /disclosures (no case ${unknown})`,
      }),
    ]);
    expect(own[0].data).not.toHaveProperty('caseId');
  });
});
