/**
 * Audit and public records as an auditor and a FOIA officer use them: HTTP -> gateway process ->
 * NATS -> audit process -> PostgreSQL, beside intake. Nothing in-process, nothing mocked.
 */
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { addBusinessDays, clockRuleFor, dueAfter, FEDERAL_HOLIDAYS, officeDate } from '@lse/audit-domain';
import { addDays, weekdayOf, type IsoDate } from '@lse/domain';
import { PLANTED_NAME, PLANTED_PHONE, receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('audit through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let caseId: string;
  /** What intake reported (GET complaint) right after each step, and when. */
  const reported: Array<{ at: string; view: Record<string, unknown> }> = [];

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: 'officer-7',
      body: receiveInput(),
    });
    expect(received.status).toBe(201);
    caseId = received.body.caseId;
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }],
      ['triage', {}],
      ['open', {}],
    ];
    const look = async () => {
      const view = await api.request<Record<string, unknown>>('GET', `/complaints/${caseId}`, {
        as: 'investigator',
        sub: 'inv-3',
      });
      expect(view.status).toBe(200);
      await sleep(5);
      reported.push({ at: new Date().toISOString(), view: view.body });
      await sleep(5);
    };
    await look();
    for (const [path, body] of steps) {
      const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        sub: 'officer-7',
        body,
      });
      expect(res.status).toBe(200);
      await look();
    }
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('replays the case as of each instant to exactly what intake reported then', async () => {
    for (const { at, view } of reported) {
      const res = await api.request<{
        streams: Array<{ category: string; version: number; state: unknown }>;
        chain: { ok: boolean };
      }>('GET', `/cases/${caseId}/state?asOf=${encodeURIComponent(at)}`, { as: 'auditor', sub: 'ig-1' });
      expect(res.status).toBe(200);
      expect(res.body.chain.ok).toBe(true);
      const complaint = res.body.streams.find((s) => s.category === 'complaint')!;
      const { caseId: _id, version, ...state } = view;
      expect(complaint.version).toBe(version);
      expect(complaint.state).toEqual(state);
    }
  });

  it('the auditor and the staff who work cases read histories, partners and others never; each read of personal data is on the timeline as RecordAccessed', async () => {
    for (const role of ['partner', 'foia_officer', 'partner_liaison', 'admin'] as const)
      expect([
        role,
        (
          await api.request('GET', `/cases/${caseId}/history`, {
            as: role,
            org: role === 'partner' ? 'org-1' : undefined,
          })
        ).status,
      ]).toEqual([role, 403]);
    expect((await api.request('GET', `/cases/${caseId}/history`)).status).toBe(401);
    for (const role of ['intake_officer', 'investigator', 'supervisor', 'collections_officer'] as const)
      expect([
        role,
        (await api.request('GET', `/cases/${caseId}/history`, { as: role, sub: `${role}-tl` })).status,
      ]).toEqual([role, 200]);
    let types: string[] = [];
    let items: Array<{ type: string; actor: { id: string; role: string } }> = [];
    const staffReads = ['intake_officer', 'investigator', 'supervisor', 'collections_officer'].map(
      (r) => `${r}-tl`,
    );
    // Until the investigator's four complaint reads and the staff's four timeline reads are there.
    const recorded = () => {
      const readers = items.filter((i) => i.type === 'RecordAccessed').map((i) => i.actor.id);
      return readers.length >= 8 && staffReads.every((id) => readers.includes(id));
    };
    for (let tries = 0; tries < 100 && !recorded(); tries++) {
      const res = await api.request<{ items: typeof items; nextCursor: string | null }>(
        'GET',
        `/cases/${caseId}/history?limit=200`,
        { as: 'auditor', sub: 'ig-1' },
      );
      expect(res.status).toBe(200);
      items = res.body.items;
      types = items.map((i) => i.type);
      await sleep(100);
    }
    const intakeTypes = ['ComplaintReceived', 'JurisdictionAssessed', 'TriageScored', 'CaseOpened'];
    expect(types.filter((t) => intakeTypes.includes(t))).toEqual(intakeTypes);
    // Other services' streams of the case are on the same timeline (investigation reacts to CaseOpened).
    expect(types.filter((t) => !intakeTypes.includes(t) && t !== 'RecordAccessed')).toEqual(
      types.includes('InvestigationOpened') ? ['InvestigationOpened'] : [],
    );
    const reads = items.filter((i) => i.type === 'RecordAccessed');
    expect(reads.length).toBeGreaterThanOrEqual(8);
    expect(reads.some((r) => r.actor.id === 'inv-3' && r.actor.role === 'investigator')).toBe(true);
    for (const role of ['intake_officer', 'investigator', 'supervisor', 'collections_officer'])
      expect([role, reads.some((r) => r.actor.id === `${role}-tl` && r.actor.role === role)]).toEqual([
        role,
        true,
      ]);
    // The refused reads recorded nothing.
    expect(
      reads.filter((r) => ['partner', 'foia_officer', 'partner_liaison', 'admin'].includes(r.actor.role)),
    ).toEqual([]);
    // Audit relays its own events to JetStream like every service.
    const nc: NatsConnection = await connect({ servers: system.nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      let relayed: string | undefined;
      for (let tries = 0; tries < 100 && !relayed; tries++) {
        const last = await jsm.streams
          .getMessage('CASE_EVENTS', { last_by_subj: 'events.access.RecordAccessed' })
          .catch(() => null);
        relayed = last?.header.get('Nats-Msg-Id');
        if (!relayed) await sleep(100);
      }
      expect(relayed).toEqual(expect.any(String));
    } finally {
      await nc.close();
    }
    const page = await api.request<{ items: unknown[]; nextCursor: string | null }>(
      'GET',
      `/cases/${caseId}/history?limit=2`,
      { as: 'auditor' },
    );
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('staff signed in through the development sign-in (no token needed to get one) read the timeline', async () => {
    const config = await api.request('GET', '/auth/config');
    expect(config).toMatchObject({ status: 200, body: { mode: 'development' } });
    const minted = await api.request<{ accessToken: string; tokenType: string }>(
      'POST',
      '/auth/development-token',
      {
        body: { role: 'supervisor', subject: 'sue.w@agency', expiresInSeconds: 300 },
      },
    );
    expect(minted.status).toBe(201);
    expect(minted.body.tokenType).toBe('Bearer');
    const authorization = `Bearer ${minted.body.accessToken}`;
    const who = await api.request('GET', '/whoami', { headers: { authorization } });
    expect(who.body).toEqual({ id: 'sue.w@agency', role: 'supervisor' });
    const history = await api.request<{ items: unknown[] }>('GET', `/cases/${caseId}/history?limit=5`, {
      headers: { authorization },
    });
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(5);
    const refused = await api.request<{ errors: Array<{ path: string }> }>(
      'POST',
      '/auth/development-token',
      {
        body: { role: 'partner', subject: 'p-1' },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => e.path)).toEqual(['org']);
  });

  it('verifies the store and exports a signed checkpoint', async () => {
    const taken = await api.request<{ payload: { merkleRoot: string }; signature: { algorithm: string } }>(
      'POST',
      '/integrity/checkpoints',
      { as: 'auditor', headers: { 'idempotency-key': randomUUID() } },
    );
    expect(taken.status).toBe(201);
    expect(taken.body.signature.algorithm).toBe('Ed25519');
    const verified = await api.request<{ ok: boolean; checkpoint: { merkleRoot: string } }>(
      'GET',
      `/integrity/verification?caseId=${caseId}`,
      { as: 'auditor' },
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      ok: true,
      checkpoint: { merkleRoot: taken.body.payload.merkleRoot },
    });
  });

  it('a FOIA officer compiles, overrides one field with a justification and releases; planted data never appears', async () => {
    const cutoff = reported[reported.length - 1].at;
    const created = await api.request<{ requestId: string }>('POST', '/foia-requests', {
      as: 'foia_officer',
      sub: 'records-1',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
        description: 'The car wash case.',
        caseIds: [caseId],
      },
    });
    expect(created.status).toBe(201);
    const { requestId } = created.body;
    expect(
      (
        await api.request('POST', `/foia-requests/${requestId}/compilations`, {
          as: 'auditor',
          body: { cutoff },
        })
      ).status,
    ).toBe(403);
    const compile = () =>
      api.request<{
        sha256: string;
        package: { redactionLog: Array<{ eventId: string; path: string; exemptions: string[] }> };
      }>('POST', `/foia-requests/${requestId}/compilations`, {
        as: 'foia_officer',
        body: { cutoff },
        headers: { 'idempotency-key': randomUUID() },
      });
    const first = await compile();
    expect(first.status).toBe(200);
    expect((await compile()).body.sha256).toBe(first.body.sha256);
    expect(first.body.package.redactionLog.some((e) => e.exemptions.includes('(b)(7)(A)'))).toBe(true); // open case: priority withheld
    const fein = first.body.package.redactionLog.find((e) => e.path === 'data.employer.fein')!;
    const bad = await api.request('POST', `/foia-requests/${requestId}/overrides`, {
      as: 'foia_officer',
      body: { caseId, eventId: fein.eventId, path: 'data.employer.fein' },
    });
    expect(bad.status).toBe(400);
    const override = await api.request('POST', `/foia-requests/${requestId}/overrides`, {
      as: 'foia_officer',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        caseId,
        eventId: fein.eventId,
        path: 'data.employer.fein',
        justification: 'The FEIN is printed in the public court filing.',
      },
    });
    expect(override.status).toBe(201);
    const released = await api.request<{ sha256: string; package: unknown }>(
      'POST',
      `/foia-requests/${requestId}/release`,
      { as: 'foia_officer', body: { cutoff }, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(released.status).toBe(200);
    const html = await api.request<string>('GET', `/foia-requests/${requestId}/package?format=html`, {
      as: 'foia_officer',
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const json = await api.request('GET', `/foia-requests/${requestId}/package`, { as: 'foia_officer' });
    for (const text of [JSON.stringify(released.body.package), html.body, JSON.stringify(json.body)]) {
      for (const planted of [PLANTED_NAME, PLANTED_PHONE, 'officer-7', 'inv-3'])
        expect(text).not.toContain(planted);
      expect(text).toContain('94-1234567');
    }
    const request = await api.request<{ status: string; release: { packageSha256: string } }>(
      'GET',
      `/foia-requests/${requestId}`,
      { as: 'foia_officer' },
    );
    expect(request.body).toMatchObject({
      status: 'released',
      release: { packageSha256: released.body.sha256 },
    });
  });

  it("a FOIA request's clock: due 20 working days after receipt skipping holidays, tolled, resumed and extended once", async () => {
    const received = await api.request<{ requestId: string; version: number }>('POST', '/foia-requests', {
      as: 'foia_officer',
      headers: { 'idempotency-key': randomUUID() },
      body: { requester: { name: 'B. Reporter' }, description: 'Clock test.', caseIds: [caseId] },
    });
    expect(received.status).toBe(201);
    const { requestId } = received.body;
    const rule = clockRuleFor('federal');
    // The services run on the real clock: the test counts from the same day the service does.
    const today = officeDate(rule, new Date().toISOString());
    const dueOn = dueAfter(rule, today, 20);
    // The same date counted by hand: the 20th day after today that is neither a weekend nor a
    // federal holiday (5 U.S.C. § 6103), so a listed holiday in the window moves it.
    let counted: IsoDate = today;
    for (let left = 20; left > 0;) {
      counted = addDays(counted, 1);
      const weekday = weekdayOf(counted);
      if (
        weekday !== 'saturday' &&
        weekday !== 'sunday' &&
        !Object.hasOwn(FEDERAL_HOLIDAYS.holidays, counted)
      )
        left -= 1;
    }
    expect(dueOn).toBe(counted);

    type View = {
      version: number;
      clock: { dueOn?: string; daysLeft?: number; overdue: boolean; tolled: boolean; extended: boolean };
    };
    const view = async () =>
      (await api.request<View>('GET', `/foia-requests/${requestId}`, { as: 'foia_officer' })).body;
    const listed = async () =>
      (
        await api.request<{
          items: Array<{ requestId: string; dueOn?: string; daysLeft?: number; tolled: boolean }>;
        }>('GET', '/foia-requests?limit=200', { as: 'foia_officer' })
      ).body.items.find((i) => i.requestId === requestId);
    expect((await view()).clock).toEqual({
      countedIn: 'business',
      dueOn,
      daysLeft: 20,
      overdue: false,
      tolled: false,
      extended: false,
    });
    // The list is projected: it shows the clock once the projector has caught up.
    for (let i = 0; i < 50 && !(await listed()); i++) await sleep(100);
    expect(await listed()).toMatchObject({ dueOn, daysLeft: 20, overdue: false, tolled: false });

    const post = (path: string, body: unknown, ifMatch?: number) =>
      api.request<{ version: number }>('POST', `/foia-requests/${requestId}/${path}`, {
        as: 'foia_officer',
        body,
        ...(ifMatch !== undefined ? { headers: { 'if-match': `"${ifMatch}"` } } : {}),
      });
    expect((await post('tolling', {})).status).toBe(400); // a reason is required
    expect((await post('resumption', {})).status).toBe(422); // not tolled
    const tolled = await post('tolling', { reason: 'awaiting_fee_payment' }, received.body.version);
    expect(tolled.status).toBe(200);
    expect((await view()).clock).toMatchObject({ tolled: true, daysLeft: 20, overdue: false });
    expect((await view()).clock.dueOn).toBeUndefined();
    expect((await post('tolling', { reason: 'awaiting_clarification' })).status).toBe(422); // already tolled
    expect((await post('extension', { circumstance: 'voluminous_records' })).status).toBe(422); // while tolled
    // A stale If-Match: someone else changed the request since.
    expect((await post('resumption', {}, received.body.version)).status).toBe(409);

    const resumed = await post('resumption', {}, tolled.body.version);
    expect(resumed.status).toBe(200);
    // Resumed the same day with the 20 days it had left: the same due date.
    expect((await view()).clock).toMatchObject({ tolled: false, dueOn, daysLeft: 20 });
    for (let i = 0; i < 50 && (await listed())?.tolled !== false; i++) await sleep(100);
    expect(await listed()).toMatchObject({ dueOn, daysLeft: 20, tolled: false });

    expect((await post('extension', { days: 11, circumstance: 'consultation' })).status).toBe(400);
    const extended = await post('extension', { circumstance: 'consultation' }, resumed.body.version);
    expect(extended.status).toBe(200);
    expect((await view()).clock).toMatchObject({
      extended: true,
      dueOn: addBusinessDays(FEDERAL_HOLIDAYS, dueOn, 10),
      daysLeft: 30,
    });
    expect((await post('extension', { days: 1, circumstance: 'consultation' })).status).toBe(422); // once
    expect((await post('tolling', { reason: 'awaiting_fee_payment' }, received.body.version)).status).toBe(
      409,
    );
  });
});
