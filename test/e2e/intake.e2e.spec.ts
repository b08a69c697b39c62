/**
 * The first vertical slice as production runs it: curl-like HTTP -> gateway process -> NATS ->
 * intake process -> PostgreSQL, then the relay to JetStream. Nothing in-process, nothing mocked.
 */
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { PostgresEventStore } from '@lse/event-store';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(120_000);

describe('intake through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  // Reads as the services do: personal fields opened (docs/architecture.md#crypto-shredding).
  let store: SealedEventStore;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 4 });
    store = sealedStore(new PostgresEventStore({ pool, service: 'e2e-reader' }));
  });
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
  });

  const complaintEvents = async (caseId: string) => store.readStream(`complaint-${caseId}`);
  const allEventCount = async () => Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);

  it('receives a complaint with two workers, triages and opens it; events are chained, attributed and on JetStream', async () => {
    const correlationId = randomUUID();
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: 'officer-7',
      body: receiveInput(),
      headers: { 'x-correlation-id': correlationId },
    });
    expect(received.status).toBe(201);
    const { caseId } = received.body;
    const step = async (path: string, body: unknown, version: number) => {
      const res = await api.request<Record<string, unknown>>('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        sub: 'officer-7',
        body,
        headers: { 'if-match': `"${version}"`, 'x-correlation-id': correlationId },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${version + 1}"`);
      return res.body;
    };
    await step('jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }, 1);
    await step('limitations-assessment', { statute: 'FLSA', willful: false }, 2);
    const triage = (await step('triage', {}, 3)).triage as { score: number; priority: string; factors: unknown[] };
    expect(triage.priority).toMatch(/^P[1-4]$/);
    expect(triage.factors.length).toBeGreaterThan(0);
    const opened = (await step('open', {}, 4)).case as { caseNumber: string };
    expect(opened.caseNumber).toMatch(/^LSE-\d{4}-\d{6}$/);

    const events = await complaintEvents(caseId);
    expect(events.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'JurisdictionAssessed',
      'LimitationsAssessed',
      'TriageScored',
      'CaseOpened',
    ]);
    expect((events[0].data as { complainants: unknown[] }).complainants).toHaveLength(2);
    for (const e of events) {
      expect(e.metadata).toMatchObject({
        actor: { id: 'officer-7', role: 'intake_officer' },
        correlationId,
        sourceService: 'intake',
        caseId,
      });
    }
    expect(await store.verifyStream(`complaint-${caseId}`)).toMatchObject({ ok: true, eventsChecked: 5 });

    // The intake process's relay put every event on JetStream, de-duplicated by event id.
    const nc: NatsConnection = await connect({ servers: system.nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      const deadline = Date.now() + 15_000;
      let relayed: string | undefined;
      while (Date.now() < deadline) {
        const last = await jsm.streams
          .getMessage('CASE_EVENTS', { last_by_subj: 'events.complaint.CaseOpened' })
          .catch(() => null);
        relayed = last?.header.get('Nats-Msg-Id');
        if (relayed === events[4].eventId) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(relayed).toBe(events[4].eventId);
    } finally {
      await nc.close();
    }

    // The handoff completes: investigation opens its stream from CaseOpened. Waited for here too,
    // so the tests below that count every stored event do not count this reaction's append.
    const deadline = Date.now() + 15_000;
    let investigation: string[] = [];
    while (Date.now() < deadline) {
      investigation = (await store.readStream(`investigation-${caseId}`)).map((e) => e.type);
      if (investigation.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(investigation).toEqual(['InvestigationOpened']);
  });

  it('refuses a role that may not act with 403 problem+json and writes nothing', async () => {
    const before = await allEventCount();
    const res = await api.request('POST', '/complaints', { as: 'partner', org: randomUUID(), body: receiveInput() });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await api.request('POST', '/complaints', { body: receiveInput() });
    expect(anonymous.status).toBe(401);
    expect(await allEventCount()).toBe(before);
  });

  it('answers a malformed body with 400 problem+json naming the field, and writes no event', async () => {
    const before = await allEventCount();
    const body = { ...receiveInput(), allegations: [{ type: 'overtime', workersAffected: -3 }] };
    const res = await api.request<{ type: string; errors: Array<{ path: string }> }>('POST', '/complaints', {
      as: 'intake_officer',
      body,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e) => e.path).join(' ')).toContain('allegations');
    const broken = await api.request('POST', '/complaints', { as: 'intake_officer', body: '{"channel":' });
    expect(broken.status).toBe(400);
    expect(await allEventCount()).toBe(before);
  });

  it('gives exactly one 409 for two concurrent conflicting updates', async () => {
    const { caseId } = (await api.request<{ caseId: string }>('POST', '/complaints', { as: 'intake_officer', body: receiveInput() })).body;
    const attempt = (reason: string) =>
      api.request('POST', `/complaints/${caseId}/jurisdiction-assessment`, {
        as: 'intake_officer',
        body: { inJurisdiction: true, statutes: ['FLSA'], reason },
        headers: { 'if-match': '"1"' },
      });
    const results = await Promise.all([attempt('first'), attempt('second')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await complaintEvents(caseId)).length).toBe(2);
  });

  it('writes one event for the same Idempotency-Key sent twice', async () => {
    const key = randomUUID();
    const body = receiveInput();
    const send = () => api.request<{ caseId: string }>('POST', '/complaints', { as: 'intake_officer', body, headers: { 'idempotency-key': key } });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect((await complaintEvents(first.body.caseId)).length).toBe(1);
  });
});
