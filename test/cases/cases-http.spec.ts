import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { PostgresEventStore, type NewEvent } from '@lse/event-store';
import { EventRelay, ensureStreams } from '@lse/messaging';
import { natsUrl } from '@lse/testing';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { startGateway, type TestGateway } from '../../services/gateway/test/support/gateway-harness';
import { startIntake, type RunningIntake } from '../../services/intake/test/intake-harness';
import { startAudit, type RunningAudit } from '../../services/audit/test/audit-harness';

/**
 * Cases, employers and public-records requests as staff use them (issue 17, items 8-11):
 * HTTP -> real gateway -> NATS -> real intake and audit -> PostgreSQL.
 */
describe('cases, employers and FOIA requests through the gateway', () => {
  let intake: RunningIntake;
  let audit: RunningAudit;
  let gw: TestGateway;
  let foiaOfficer: string;
  let officer: string;
  /** Investigation events appended here and relayed to JetStream as the investigation service does. */
  let investigation: PostgresEventStore;
  let nc: NatsConnection;
  let relay: EventRelay;

  beforeAll(async () => {
    intake = await startIntake();
    audit = await startAudit({ prefix: intake.prefix, eventSchema: intake.eventSchema });
    gw = await startGateway({ SERVICE_TIMEOUT_MS: '5000', NATS_SUBJECT_PREFIX: intake.prefix }, []);
    foiaOfficer = await gw.token('foia_officer', 'records-1');
    officer = await gw.token('intake_officer', 'officer-1');
    investigation = new PostgresEventStore({
      pool: intake.eventSchema.pool,
      schema: intake.eventSchema.schema,
      service: 'investigation-test',
      categories: ['investigation'],
    });
    nc = await connect({ servers: natsUrl() });
    await ensureStreams(nc);
    relay = new EventRelay({
      name: `investigation-test-${intake.intakeSchema.schema}`,
      store: investigation,
      nc,
      connectionString: intake.intakeSchema.url,
      schema: intake.intakeSchema.schema,
      categories: ['investigation'],
      pollIntervalMs: 50,
    });
    relay.start();
  });
  afterAll(async () => {
    await relay?.stop();
    await nc?.close();
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
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await sleep(100);
    }
  }

  type Employer = ReturnType<typeof receiveInput>['employer'];

  /** A complaint received through HTTP; opened (triaged first) when asked. */
  async function complaintAgainst(
    employer: Employer,
    open: boolean,
  ): Promise<{ caseId: string; caseNumber?: string }> {
    const received = await post('/complaints', officer, receiveInput({ employer })).expect(201);
    const caseId = received.body.caseId as string;
    if (!open) return { caseId };
    await post(`/complaints/${caseId}/triage`, officer, {}).set('If-Match', '"1"').expect(200);
    const opened = await post(`/complaints/${caseId}/open`, officer, {}).set('If-Match', '"2"').expect(200);
    await intake.runtime.projector.waitFor([{ caseId, version: 3 }]);
    return { caseId, caseNumber: opened.body.case.caseNumber as string };
  }

  /** What the investigation service would record on the case, published over JetStream. */
  async function investigationRecords(caseId: string, events: Array<{ type: string; data: unknown }>) {
    const stream = `investigation-${caseId}`;
    const version = await investigation.streamVersion(stream);
    await investigation.append(
      stream,
      events.map((e): NewEvent => ({
        eventId: randomUUID(),
        type: e.type,
        schemaVersion: 1,
        data: e.data as Record<string, unknown>,
        metadata: {
          caseId,
          actor: { id: 'ivan', role: 'investigator' },
          correlationId: randomUUID(),
          sourceService: 'investigation',
          occurredAt: new Date().toISOString(),
        },
      })),
      version === 0 ? 'no_stream' : version,
    );
  }

  describe('the case index (issue 17 item 7)', () => {
    type Indexed = {
      caseId: string;
      caseNumber: string | null;
      status: string;
      statusChangedAt: string;
      statusHistory: Array<{ status: string; at: string }>;
      priority: string | null;
      openedAt: string | null;
      listedAt: string;
    };
    type IndexPage = { items: Indexed[]; nextCursor: string | null };
    const indexed = async (query: string) =>
      (await get(`/cases?${query}`, officer).expect(200)).body as IndexPage;

    it('lists complaints declined, referred out, linked as a duplicate or merged at intake under that status, with the date of the change', async () => {
      const supervisor = await gw.token('supervisor', 'sup-1');
      const survivor = await complaintAgainst(receiveInput().employer, true);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await complaintAgainst(receiveInput().employer, false)).caseId);
      const [declined, referred, crossFiled, duplicate, merged] = ids;
      /** Each outcome through HTTP, with the instants around it: its date in the index lies between. */
      const ended = new Map<string, { from: number; to: number }>();
      const end = async (caseId: string, action: () => Promise<unknown>) => {
        const from = Date.now();
        await action();
        ended.set(caseId, { from, to: Date.now() });
        await intake.runtime.projector.waitFor([{ caseId, version: 2 }]);
      };
      await end(declined, () =>
        post(`/complaints/${declined}/decline`, supervisor, { reasonCode: 'no_violation_alleged' }).expect(
          200,
        ),
      );
      await end(referred, () =>
        post(`/complaints/${referred}/referral-out`, officer, {
          receivingAgency: 'OSHA',
          crossFiled: false,
          reason: 'A safety complaint.',
        }).expect(200),
      );
      await post(`/complaints/${crossFiled}/referral-out`, officer, {
        receivingAgency: 'OSHA',
        crossFiled: true,
        reason: 'Also a safety complaint.',
      }).expect(200);
      await intake.runtime.projector.waitFor([{ caseId: crossFiled, version: 2 }]);
      await end(duplicate, () =>
        post(`/complaints/${duplicate}/duplicate-link`, officer, {
          duplicateOfCaseId: survivor.caseId,
          reason: 'The same claim.',
        }).expect(200),
      );
      await end(merged, () =>
        post(`/complaints/${merged}/merge`, officer, {
          intoCaseId: survivor.caseId,
          reason: 'Same workers, same period.',
        }).expect(200),
      );

      for (const [caseId, status] of [
        [declined, 'declined'],
        [referred, 'referred_out'],
        [duplicate, 'duplicate'],
        [merged, 'merged'],
      ] as const) {
        const { items } = await indexed(`status=${status}&limit=200`);
        expect(items.every((c) => c.status === status)).toBe(true);
        const item = items.find((c) => c.caseId === caseId)!;
        expect(item).toMatchObject({ caseNumber: null, status, openedAt: null, priority: null });
        expect(item.statusHistory).toEqual([{ status, at: item.statusChangedAt }]);
        expect(item.listedAt).toBe(item.statusChangedAt);
        const at = Date.parse(item.statusChangedAt);
        expect(at).toBeGreaterThanOrEqual(ended.get(caseId)!.from - 1);
        expect(at).toBeLessThanOrEqual(ended.get(caseId)!.to);
      }
      // Still being worked: the opened case, not the complaints that ended at intake; a cross-filed
      // complaint stays in intake (received) and is not in the index.
      const open = (await indexed('status=open&limit=200')).items.map((c) => c.caseId);
      expect(open).toContain(survivor.caseId);
      for (const caseId of ids) expect(open).not.toContain(caseId);
      const all = (await indexed('limit=200')).items;
      expect(all.map((c) => c.caseId)).not.toContain(crossFiled);
      // One page at a time: every entry once, in order of listedAt then caseId.
      const paged: Indexed[] = [];
      for (let cursor = ''; ;) {
        const page = await indexed(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(paged.map((c) => c.caseId)).toEqual(all.map((c) => c.caseId));
      expect(all.map((c) => c.caseId).slice(-4)).toEqual([declined, referred, duplicate, merged]);
    });
  });

  describe('duplicates, related cases and merges (issue 17 item 9)', () => {
    type View = {
      status: string;
      version: number;
      complaint: {
        complainants: unknown[];
        allegations: unknown[];
        links?: Array<{ kind: string; caseId: string; reason: string }>;
      };
    };
    const view = async (caseId: string) =>
      (await get(`/complaints/${caseId}`, officer).expect(200)).body as View;

    it('refuses a duplicate link to a case that does not exist (400 naming the field) and writes nothing', async () => {
      const { caseId } = await complaintAgainst(receiveInput().employer, false);
      const before = await eventCount();
      const res = await post(`/complaints/${caseId}/duplicate-link`, officer, {
        duplicateOfCaseId: randomUUID(),
        reason: 'Same employer and period.',
      }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'duplicateOfCaseId' })]);
      expect(await eventCount()).toBe(before);
      expect((await view(caseId)).status).toBe('received');
    });

    it('records a duplicate link on both cases; a duplicate of a duplicate is refused', async () => {
      const survivor = await complaintAgainst(receiveInput().employer, true);
      const duplicate = await complaintAgainst(receiveInput().employer, false);
      const linked = await post(`/complaints/${duplicate.caseId}/duplicate-link`, officer, {
        duplicateOfCaseId: survivor.caseId,
        reason: 'A coworker filed the same overtime claim first.',
      }).expect(200);
      expect(linked.body).toMatchObject({ status: 'duplicate', events: ['DuplicateLinked'] });
      const surviving = await view(survivor.caseId);
      expect(surviving.status).toBe('opened');
      expect(surviving.complaint.links).toEqual([
        {
          kind: 'duplicate',
          caseId: duplicate.caseId,
          reason: 'A coworker filed the same overtime claim first.',
        },
      ]);
      const another = await complaintAgainst(receiveInput().employer, false);
      await post(`/complaints/${another.caseId}/duplicate-link`, officer, {
        duplicateOfCaseId: duplicate.caseId,
        reason: 'x',
      }).expect(422);
    });

    it('links a related case on both, leaving both open', async () => {
      const a = await complaintAgainst(receiveInput().employer, false);
      const b = await complaintAgainst(receiveInput().employer, true);
      await post(`/complaints/${a.caseId}/related-links`, officer, {
        relatedCaseId: b.caseId,
        reason: 'Same owner, another site.',
      }).expect(200);
      const [va, vb] = [await view(a.caseId), await view(b.caseId)];
      expect(va.status).toBe('received');
      expect(vb.status).toBe('opened');
      expect(va.complaint.links).toEqual([
        { kind: 'related', caseId: b.caseId, reason: 'Same owner, another site.' },
      ]);
      expect(vb.complaint.links).toEqual([
        { kind: 'related', caseId: a.caseId, reason: 'Same owner, another site.' },
      ]);
      await post(`/complaints/${a.caseId}/related-links`, officer, {
        relatedCaseId: b.caseId,
        reason: 'again',
      }).expect(409);
      await post(`/complaints/${a.caseId}/related-links`, officer, {
        relatedCaseId: randomUUID(),
        reason: 'x',
      }).expect(400);
    });

    it('merges a complaint into the surviving case: its complainants and allegations move, recorded on both', async () => {
      const survivor = await complaintAgainst(receiveInput().employer, true);
      const merged = await complaintAgainst(receiveInput().employer, false);
      const [before, moving] = [await view(survivor.caseId), await view(merged.caseId)];
      await post(`/complaints/${merged.caseId}/merge`, officer, {
        intoCaseId: survivor.caseId,
        reason: 'Same workers, same period.',
      }).expect(200);
      const [after, gone] = [await view(survivor.caseId), await view(merged.caseId)];
      expect(gone).toMatchObject({ status: 'merged', mergedIntoCaseId: survivor.caseId });
      expect(after.status).toBe('opened');
      expect(after.complaint.complainants).toEqual([
        ...before.complaint.complainants,
        ...moving.complaint.complainants,
      ]);
      expect(after.complaint.allegations).toEqual([
        ...before.complaint.allegations,
        ...moving.complaint.allegations,
      ]);
      expect(after.complaint.links).toEqual([
        { kind: 'merged_in', caseId: merged.caseId, reason: 'Same workers, same period.' },
      ]);
      // Nothing more on the merged complaint.
      await post(`/complaints/${merged.caseId}/triage`, officer, {}).expect(422);
    });
  });

  describe('employer index (issue 17 item 10)', () => {
    const address = { street: '77 Harbor Blvd', city: 'Oakland', state: 'CA', postalCode: '94607' };
    const staffing = { name: 'Sparkle Staffing, Inc.', address, naics: '561320' };

    it('indexes an employer added during the investigation and counts it a repeat violator only once violations are found', async () => {
      // Case A names only the car wash; the investigation adds the staffing agency as a joint employer.
      const a = await complaintAgainst({ ...receiveInput().employer, fein: undefined }, true);
      const agencyId = randomUUID();
      await investigationRecords(a.caseId, [
        {
          type: 'EmployerAdded',
          data: {
            employerId: agencyId,
            name: 'Sparkle Staffing Inc',
            address,
            role: 'joint',
            basis: 'Schedules the washers.',
          },
        },
      ]);
      const lookup = () =>
        get(`/employers?name=${encodeURIComponent('Sparkel Staffing')}`, officer).then(
          (r) =>
            r.body as {
              employers: Array<{
                names: string[];
                score: number;
                reasons: Array<{ kind: string; score: number; detail: string }>;
                priorCases: number;
                casesWithViolations: number;
                complaints: Array<{
                  caseId: string;
                  roles: string[];
                  violationFound: boolean;
                  caseNumber: string | null;
                }>;
              }>;
            },
        );
      // Found by a misspelt name, with its score and why; opened against it, but no violation yet.
      const before = await eventually(lookup, (b) => b.employers?.length === 1, 'the added employer indexed');
      const [agency] = before.employers;
      expect(agency.names).toEqual(['Sparkle Staffing Inc']);
      expect(agency.score).toBeGreaterThan(0.5);
      expect(agency.score).toBeLessThan(1);
      expect(agency.reasons).toEqual([
        {
          kind: 'name',
          score: agency.score,
          detail: expect.stringMatching(/^name "sparkle staffing" is 0\.\d\d similar to "sparkel staffing"$/),
        },
      ]);
      expect(agency.complaints).toEqual([
        expect.objectContaining({
          caseId: a.caseId,
          caseNumber: a.caseNumber,
          roles: ['joint'],
          violationFound: false,
        }),
      ]);
      expect(agency).toMatchObject({ priorCases: 1, casesWithViolations: 0 });
      // A new complaint against the agency: an opened case is not yet a violation.
      const b = await complaintAgainst(staffing, false);
      const first = await post(`/complaints/${b.caseId}/triage`, officer, {})
        .set('If-Match', '"1"')
        .expect(200);
      expect(first.body.triage.factors).toContainEqual(
        expect.objectContaining({ factor: 'repeat_violator', points: 0 }),
      );

      await investigationRecords(a.caseId, [
        {
          type: 'ViolationFound',
          data: {
            violationId: randomUUID(),
            type: 'overtime',
            statute: 'FLSA',
            employerIds: [agencyId],
            periodStart: '2025-03-01',
            periodEnd: '2025-06-30',
            workersAffected: 12,
            willful: false,
            basis: 'Overtime hours paid at straight time.',
          },
        },
      ]);
      // Two projections race here: the violation (investigation -> intake's follower) and complaint
      // b (intake's own read model); wait for both before checking what the index says of each.
      const after = await eventually(
        lookup,
        (r) =>
          r.employers?.[0]?.casesWithViolations === 1 &&
          r.employers[0].complaints?.some((c: { caseId: string }) => c.caseId === b.caseId),
        'the violation counted and complaint b indexed',
      );
      expect(after.employers[0].complaints).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ caseId: a.caseId, roles: ['joint'], violationFound: true }),
          expect.objectContaining({ caseId: b.caseId, roles: ['named_in_complaint'], violationFound: false }),
        ]),
      );
      const again = await post(`/complaints/${b.caseId}/triage`, officer, {})
        .set('If-Match', '"2"')
        .expect(200);
      expect(again.body.triage.factors).toContainEqual({
        factor: 'repeat_violator',
        points: 15,
        explanation: `1 earlier case with violations found against this employer: ${a.caseNumber}.`,
      });
    });

    it('matches an employer by address similarity and shows the reason; a namesake with another FEIN is left out', async () => {
      const bakery = {
        name: 'Quiet Hours Bakery LLC',
        fein: '12-3456789',
        address: {
          street: '450 Valencia Street, Suite 2',
          city: 'San Francisco',
          state: 'CA',
          postalCode: '94110',
        },
      };
      const c = await complaintAgainst(bakery, true);
      await complaintAgainst({ ...bakery, fein: '98-7654321', address }, false);
      const res = await get(
        `/employers?address=${encodeURIComponent('450 Valencia St, San Francisco CA 94110-1234')}&fein=12-3456789`,
        officer,
      ).expect(200);
      const employers = res.body.employers as Array<{
        score: number;
        reasons: Array<{ kind: string; score: number; detail: string }>;
        complaints: Array<{ caseId: string }>;
      }>;
      expect(employers).toHaveLength(1);
      expect(employers[0].score).toBe(1);
      expect(employers[0].reasons.map((r) => r.kind)).toEqual(['fein', 'address']);
      expect(employers[0].reasons[1]).toMatchObject({
        kind: 'address',
        detail: expect.stringContaining('similar to "450 valencia st san francisco ca 94110"'),
      });
      expect(employers[0].complaints.map((x) => x.caseId)).toEqual([c.caseId]);
      await get('/employers', officer).expect(400);
    });
  });

  describe('FOIA jurisdiction (issue 17 item 11)', () => {
    const request = (jurisdiction?: string) => ({
      requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
      description: 'The car wash case file.',
      caseIds: ['8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d'],
      ...(jurisdiction === undefined ? {} : { jurisdiction }),
    });

    it('refuses a jurisdiction without an exemption catalog when the request is made (400 naming the field), writing nothing', async () => {
      const before = await eventCount();
      const res = await post('/foia-requests', foiaOfficer, request('atlantis')).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body as { errors: Array<{ path: string }> }).errors).toEqual([
        expect.objectContaining({ path: 'jurisdiction' }),
      ]);
      expect(await eventCount()).toBe(before);
    });

    it('receives a request under a known jurisdiction, federal by default', async () => {
      await post('/foia-requests', foiaOfficer, request('federal')).expect(201);
      await post('/foia-requests', foiaOfficer, request()).expect(201);
    });
  });
});
