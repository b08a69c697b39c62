/**
 * Partner coordination as production runs it: every service its own process, HTTP through the
 * gateway. A partner refers with consent to share status only; intake turns the referral into a
 * complaint; the case opens; a determination is issued; the partner sees the status and no
 * amounts; another partner sees nothing; a revoked consent and an expired agreement each stop
 * what goes out; the liaison's ledger lists every decision.
 */
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { CollectionCaseClosed, DeterminationIssued, InvestigationClosed } from '@lse/contracts';
import { utcDateOf, addDays } from '@lse/domain';
import { migrateMessaging, EventRelay, ensureStreams } from '@lse/messaging';
import { PostgresEventStore } from '@lse/event-store';
import { eventually as until } from '@lse/testing';
import { SERVICES } from '../../scripts/lib/services';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

/** With the investigation service running, CaseOpened also opens an investigation: one more milestone. */
const INVESTIGATION_RUNS = SERVICES.some((s) => s.name === 'investigation');
const opening = INVESTIGATION_RUNS ? ['case_opened', 'investigation_opened'] : ['case_opened'];

let logsOf: () => string = () => '';

/*
 * Cross-process delivery waits for every older transaction on the PostgreSQL server to end (the
 * no-skip horizon), and other suites share that server: allow a minute, and on a timeout show what
 * the services logged.
 */
const eventually = <T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 60_000) =>
  until(probe, ok, { what, timeoutMs, intervalMs: 150, details: (v) => `${JSON.stringify(v)}\n${logsOf()}` });

type Disclosure = {
  milestone: string;
  kind?: string;
  reason?: string;
  fields?: Record<string, unknown>;
  withheldFields?: string[];
};
const milestones = (items: Array<{ milestone: string }>) => items.map((d) => d.milestone).sort();
type ReferralView = {
  status: string;
  version: number;
  disclosures: Disclosure[];
  consents: Array<{ workerId: string; version: number; scopes: string[] }>;
};

describe('partners through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  let store: PostgresEventStore;
  let nc: NatsConnection;
  let relay: EventRelay;
  const today = utcDateOf(new Date());

  beforeAll(async () => {
    system = await startSystem();
    logsOf = () =>
      ['partners', 'intake']
        .map((n) => `--- ${n}\n${(system.logs.get(n) ?? []).slice(-15).join('\n')}`)
        .join('\n');
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 4 });
    // Investigation and collection events of this case are appended here and relayed by the test
    // (the services that own those streams are not part of this system yet).
    store = new PostgresEventStore({ pool, service: 'e2e', categories: ['investigation', 'collection'] });
    await pool.query('CREATE SCHEMA IF NOT EXISTS e2e_relay');
    await migrateMessaging(pool, 'e2e_relay');
    nc = await connect({ servers: system.nats.url });
    await ensureStreams(nc);
    relay = new EventRelay({
      name: 'e2e-case-events',
      store,
      nc,
      connectionString: system.databaseUrl,
      schema: 'e2e_relay',
      categories: ['investigation', 'collection'],
      pollIntervalMs: 50,
    });
    relay.start();
  });
  afterAll(async () => {
    await relay?.stop();
    await nc?.close();
    await pool?.end();
    await system?.stop();
  });

  const liaison = { as: 'partner_liaison' as const, sub: 'liaison-1' };
  const ok = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: Parameters<Api['request']>[2],
    status = 200,
  ) => {
    const res = await api.request<T>(method, path, options);
    if (res.status !== status)
      throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  async function registerPartner(name: string, type: string, contacts: number): Promise<string> {
    const res = await ok<{ id: string }>(
      'POST',
      '/partners',
      {
        ...liaison,
        body: {
          name,
          type,
          languages: ['es', 'zh'],
          industries: ['car_washes'],
          region: 'San Francisco',
          office: 'SF-01',
          contacts: Array.from({ length: contacts }, (_, i) => ({
            name: `Point Person ${i + 1}`,
            role: 'organizer',
          })),
        },
      },
      201,
    );
    return res.body.id;
  }

  async function signAgreement(partnerId: string, sharingLevel: string): Promise<string> {
    const drafted = await ok<{ id: string }>(
      'POST',
      '/agreements',
      {
        ...liaison,
        body: {
          type: 'letter_of_arrangement',
          title: 'Letter of arrangement',
          partnerIds: [partnerId],
          agencyParty: 'Office of Labor Standards Enforcement',
          scope: ['outreach', 'referrals'],
          sharingLevel,
          effectiveOn: addDays(today, -30),
          expiresOn: addDays(today, 60),
          clauses: [{ clauseId: 'sharing', title: 'Sharing', text: `The agency shares ${sharingLevel}.` }],
        },
      },
      201,
    );
    await ok('POST', `/agreements/${drafted.body.id}/signature`, {
      ...liaison,
      body: { signatories: ['Director'] },
      headers: { 'if-match': '"1"' },
    });
    return drafted.body.id;
  }

  const referralAs = (org: string, id: string) =>
    api.request<ReferralView>('GET', `/referrals/${id}`, { as: 'partner', sub: `staff-${org}`, org });

  it('refers, opens, determines, shares only what agreement and consent allow, and records every decision', async () => {
    const partnerA = await registerPartner('Mission Worker Center', 'worker_center', 2);
    const partnerB = await registerPartner('Bay Legal Aid', 'legal_aid', 1);
    const agreementA = await signAgreement(partnerA, 'status');
    const agreementB = await signAgreement(partnerB, 'full_with_consent');

    // The directory flags B (one point person); the expiring list has both agreements (60 days).
    const flagged = await eventually(
      () => ok<{ items: Array<{ id: string }> }>('GET', '/partners?needsPointPeople=true', liaison),
      (r) => r.body.items.some((p) => p.id === partnerB),
      'the directory',
    );
    expect(flagged.body.items.map((p) => p.id)).not.toContain(partnerA);
    const staffed = await ok<{ items: Array<{ id: string }> }>(
      'GET',
      '/partners?needsPointPeople=false',
      liaison,
    );
    expect(staffed.body.items.map((p) => p.id)).toContain(partnerA);
    expect(staffed.body.items.map((p) => p.id)).not.toContain(partnerB);
    const expiring = await eventually(
      () =>
        ok<{ items: Array<{ id: string; status: string }> }>(
          'GET',
          '/agreements?expiringWithinDays=90',
          liaison,
        ),
      (r) =>
        [agreementA, agreementB].every((id) =>
          r.body.items.some((a) => a.id === id && a.status === 'active'),
        ),
      'agreements expiring',
    );
    expect(expiring.body.items.filter((a) => a.status !== 'active')).toEqual([]);

    // Partner A refers one worker who consents to status only.
    const workerId = randomUUID();
    const submitted = await ok<{ id: string; version: number }>(
      'POST',
      '/referrals',
      {
        as: 'partner',
        sub: 'organizer-a',
        org: partnerA,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          office: 'SF-01',
          workers: [
            {
              workerId,
              name: 'Ana Ruiz',
              preferredLanguage: 'es',
              interpreterNeeded: true,
              confidentialityRequested: false,
              consent: { scopes: ['status'] },
            },
          ],
          employer: {
            name: 'Golden Gate Car Wash LLC',
            naics: '811192',
            address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
          },
          allegations: [
            { type: 'overtime', periodStart: addDays(today, -200), ongoing: true, workersAffected: 8 },
          ],
          prepWork: [{ kind: 'intake_interview', description: 'Interviewed the worker in Spanish.' }],
          documents: [],
        },
      },
      201,
    );
    const caseId = submitted.body.id;

    // Intake received it as a partner_referral complaint under the referral id.
    const complaint = await eventually(
      () =>
        api.request<{ channel: string; complaint?: { channel: string; referralId: string } }>(
          'GET',
          `/complaints/${caseId}`,
          { as: 'intake_officer' },
        ),
      (r) => r.status === 200,
      'the complaint from the referral',
    );
    expect(complaint.body.complaint ?? complaint.body).toMatchObject({
      channel: 'partner_referral',
      referralId: caseId,
    });

    const officer = { as: 'intake_officer' as const, sub: 'officer-7' };
    const step = (path: string, body: unknown, version: number) =>
      ok('POST', `/complaints/${caseId}/${path}`, {
        ...officer,
        body,
        headers: { 'if-match': `"${version}"` },
      });
    await step(
      'jurisdiction-assessment',
      { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' },
      1,
    );
    await step('limitations-assessment', { statute: 'FLSA', willful: false }, 2);
    await step('triage', {}, 3);
    const opened = await step('open', {}, 4);
    const caseNumber = (opened.body.case as { caseNumber: string }).caseNumber;

    const accepted = await eventually(
      () => referralAs(partnerA, caseId),
      (r) =>
        r.status === 200 &&
        r.body.status === 'accepted' &&
        r.body.disclosures.some((d) => d.milestone === 'case_opened'),
      'ReferralAccepted',
    );
    expect(accepted.body.disclosures.find((d) => d.milestone === 'case_opened')).toMatchObject({
      milestone: 'case_opened',
      fields: { status: 'case_opened', caseNumber, stage: 'investigation' },
      agreementId: agreementA,
      clauseVersion: 1,
      consents: [{ workerId, version: 1, scopes: ['status'] }],
    });

    // A determination with amounts is issued.
    const employerId = randomUUID();
    await store.append(
      `investigation-${caseId}`,
      [
        DeterminationIssued.create({
          eventId: randomUUID(),
          data: {
            caseId,
            caseNumber,
            determinationId: randomUUID(),
            issuedAt: new Date().toISOString(),
            computationId: randomUUID(),
            ruleSets: [{ id: 'US-FLSA', version: '2024-01' }],
            workers: [
              {
                workerId,
                name: 'Ana Ruiz',
                unpaidWagesCents: 400_000,
                liquidatedDamagesCents: 400_000,
                totalCents: 800_000,
              },
            ],
            civilPenalties: [{ penaltyId: randomUUID(), employerId, amountCents: 50_000, statute: 'FLSA' }],
            liableEmployers: [{ employerId, name: 'Golden Gate Car Wash LLC', role: 'direct' }],
            violationIds: [randomUUID()],
            totals: {
              unpaidWagesCents: 400_000,
              liquidatedDamagesCents: 400_000,
              civilPenaltiesCents: 50_000,
              totalCents: 850_000,
            },
            proposedBy: 'investigator-1',
            approvedBy: 'supervisor-1',
          },
          metadata: {
            caseId,
            actor: { id: 'supervisor-1', role: 'supervisor' },
            correlationId: randomUUID(),
            sourceService: 'investigation',
            occurredAt: new Date().toISOString(),
          },
        }),
      ],
      'any',
    );
    const determined = await eventually(
      () => referralAs(partnerA, caseId),
      (r) => r.body.disclosures.some((d) => d.milestone === 'determination_issued'),
      'the determination disclosure',
    );
    const determination = determined.body.disclosures.find((d) => d.milestone === 'determination_issued')!;
    expect(determination.fields).toEqual({
      stage: 'determination',
      status: 'determination_issued',
      occurredOn: today,
    });
    expect(determination.withheldFields).toEqual([
      'determinationOutcome',
      'backWagesAssessedCents',
      'civilPenaltiesCents',
    ]);
    expect(JSON.stringify(determined.body)).not.toMatch(/400000|800000|850000|50000/);

    // Partner B sees nothing of it: 404 like a referral that does not exist, nothing listed.
    const asB = await referralAs(partnerB, caseId);
    expect(asB.status).toBe(404);
    expect(JSON.stringify(asB.body)).not.toContain(caseNumber);
    const missing = await referralAs(partnerB, randomUUID());
    expect(missing.status).toBe(404);
    expect((asB.body as unknown as { type: string }).type).toBe(
      (missing.body as unknown as { type: string }).type,
    );
    const bLists = await ok<{ items: unknown[] }>('GET', '/referrals', {
      as: 'partner',
      org: partnerB,
      sub: 'b',
    });
    expect(bLists.body.items).toEqual([]);
    const bLedger = await ok<{ items: unknown[] }>('GET', '/disclosures', {
      as: 'partner',
      org: partnerB,
      sub: 'b',
    });
    expect(bLedger.body.items).toEqual([]);

    // The worker revokes consent: the next milestone is not shared.
    const revoked = await ok<{ version: number; events: string[] }>('POST', `/referrals/${caseId}/consent`, {
      as: 'partner',
      org: partnerA,
      sub: 'organizer-a',
      body: { workerId, scopes: [] },
    });
    expect(revoked.body.events).toEqual(['ConsentRevoked']);
    // The referral list counts the workers by consent (never naming one): now nobody consents.
    const listed = await eventually(
      () =>
        ok<{ items: Array<{ id: string; consent: unknown }> }>('GET', '/referrals', {
          as: 'partner',
          org: partnerA,
          sub: 'organizer-a',
        }),
      (r) => r.body.items.some((i) => i.id === caseId && (i.consent as { none: number }).none === 1),
      'the revocation in the referral list',
    );
    const entry = listed.body.items.find((i) => i.id === caseId)!;
    expect(entry.consent).toEqual({ status: 0, outcome: 0, none: 1 });
    expect(JSON.stringify(entry)).not.toContain(workerId);
    await store.append(
      `investigation-${caseId}`,
      [
        InvestigationClosed.create({
          eventId: randomUUID(),
          data: { reason: 'determination_issued', closedAt: new Date().toISOString() },
          metadata: {
            caseId,
            actor: { id: 'investigator-1', role: 'investigator' },
            correlationId: randomUUID(),
            sourceService: 'investigation',
            occurredAt: new Date().toISOString(),
          },
        }),
      ],
      'any',
    );
    const ledgerOf = () => ok<{ items: Disclosure[] }>('GET', `/disclosures?referralId=${caseId}`, liaison);
    const afterRevocation = await eventually(
      ledgerOf,
      (r) => r.body.items.some((d) => d.milestone === 'investigation_closed'),
      'the withheld milestone',
    );
    expect(afterRevocation.body.items.find((d) => d.milestone === 'investigation_closed')).toMatchObject({
      kind: 'withheld',
      reason: 'consent_revoked',
      fields: {},
    });
    expect(milestones((await referralAs(partnerA, caseId)).body.disclosures)).toEqual(
      [...opening, 'determination_issued'].sort(),
    );

    // Consent given again, but the agreement ends today: the scheduled check expires it, once.
    await ok('POST', `/referrals/${caseId}/consent`, {
      as: 'partner',
      org: partnerA,
      sub: 'organizer-a',
      body: { workerId, scopes: ['status', 'outcome'] },
    });
    const agreement = await ok<{ version: number }>('GET', `/agreements/${agreementA}`, liaison);
    await ok('POST', `/agreements/${agreementA}/amendments`, {
      ...liaison,
      headers: { 'if-match': `"${agreement.body.version}"` },
      body: { changes: { expiresOn: today }, summary: 'The parties end the arrangement today.' },
    });
    await eventually(
      () => ok<{ expired: string[] }>('POST', '/agreements/expiry-check', { ...liaison, body: {} }),
      () => true,
      'an expiry check',
    );
    await eventually(
      () =>
        ok<{ status: string }>('GET', `/agreements/${agreementA}`, liaison).then(async (r) => {
          if (r.body.status !== 'expired')
            await ok('POST', '/agreements/expiry-check', { ...liaison, body: {} });
          return r;
        }),
      (r) => r.body.status === 'expired',
      'the agreement to expire',
    );
    await ok('POST', '/agreements/expiry-check', { ...liaison, body: {} });
    const agreementEvents = await store.readStream(`agreement-${agreementA}`);
    expect(agreementEvents.filter((e) => e.type === 'AgreementExpired')).toHaveLength(1);

    await store.append(
      `collection-${caseId}`,
      [
        CollectionCaseClosed.create({
          eventId: randomUUID(),
          data: { closedOn: today, reason: 'paid_in_full' },
          metadata: {
            caseId,
            actor: { id: 'collector-1', role: 'collections_officer' },
            correlationId: randomUUID(),
            sourceService: 'collections',
            occurredAt: new Date().toISOString(),
          },
        }),
      ],
      'any',
    );
    const closed = await eventually(
      () => referralAs(partnerA, caseId),
      (r) => r.body.status === 'closed',
      'ReferralClosed',
    );
    expect(milestones(closed.body.disclosures)).toEqual([...opening, 'determination_issued'].sort());

    // The liaison's ledger: every decision, shared or withheld, with the reason.
    const ledger = await eventually(
      ledgerOf,
      (r) => r.body.items.length >= 3 + opening.length,
      'the full ledger',
    );
    // (Opening milestones come from two consumers, so their order may vary; the rest is causal.)
    const decisions = ledger.body.items.map((d) => [d.milestone, d.kind, d.reason ?? null]);
    expect(
      decisions
        .slice(0, opening.length + 1)
        .map(String)
        .sort(),
    ).toEqual(
      [...opening.map((m) => [m, 'shared', null]), ['determination_issued', 'shared', null]]
        .map(String)
        .sort(),
    );
    expect(decisions.slice(opening.length + 1)).toEqual([
      ['investigation_closed', 'withheld', 'consent_revoked'],
      ['case_closed', 'withheld', 'no_active_agreement'],
    ]);
    // Partner A's own ledger view: the two disclosures, no withholdings, no amounts.
    const own = await ok<{ items: Disclosure[] }>('GET', '/disclosures', {
      as: 'partner',
      org: partnerA,
      sub: 'organizer-a',
    });
    expect(milestones(own.body.items)).toEqual([...opening, 'determination_issued'].sort());
    expect(JSON.stringify(own.body)).not.toMatch(/Cents"\s*:|withheld|reason/);
  });

  it('refuses a partner referral from staff roles and bad input with problem+json, writing nothing', async () => {
    const before = Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
    const asOfficer = await api.request('POST', '/referrals', { as: 'intake_officer', body: {} });
    expect(asOfficer.status).toBe(403);
    const bad = await api.request<{ errors: Array<{ path: string }> }>('POST', '/referrals', {
      as: 'partner',
      org: randomUUID(),
      body: { office: 'SF-01', workers: [], employer: {}, allegations: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const unknownPartner = await api.request('POST', '/referrals', {
      as: 'partner',
      org: randomUUID(),
      body: {
        office: 'SF-01',
        workers: [
          {
            name: 'X Y',
            preferredLanguage: 'en',
            interpreterNeeded: false,
            confidentialityRequested: false,
            consent: { scopes: [] },
          },
        ],
        employer: { name: 'E', address: { street: '1 A St', city: 'SF', state: 'CA', postalCode: '94103' } },
        allegations: [{ type: 'overtime', periodStart: '2025-01-01', ongoing: false, workersAffected: 1 }],
      },
    });
    expect(unknownPartner.status).toBe(404);
    expect(Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count)).toBe(before);
  });

  let own: string;
  let other: string;
  it('a partner names only an agreement its organization is a party to on a referral (400 agreementId otherwise)', async () => {
    own = await registerPartner('Own Worker Center', 'worker_center', 2);
    other = await registerPartner('Other Legal Aid', 'legal_aid', 2);
    const ownAgreement = await signAgreement(own, 'status');
    const otherAgreement = await signAgreement(other, 'status_and_outcome');
    const referral = (agreementId: string) => ({
      office: 'SF-01',
      agreementId,
      workers: [
        {
          name: 'Rosa Diaz',
          preferredLanguage: 'es',
          interpreterNeeded: true,
          confidentialityRequested: false,
          consent: { scopes: ['status'] },
        },
      ],
      employer: { name: 'E', address: { street: '1 A St', city: 'SF', state: 'CA', postalCode: '94103' } },
      allegations: [{ type: 'overtime', periodStart: '2025-01-01', ongoing: false, workersAffected: 1 }],
    });
    const asOwn = { as: 'partner' as const, sub: 'staff-own', org: own };
    const count = async () =>
      Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);

    const before = await count();
    for (const agreementId of [otherAgreement, randomUUID()]) {
      const refused = await api.request<{ errors: Array<{ path: string }> }>('POST', '/referrals', {
        ...asOwn,
        body: referral(agreementId),
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors.map((e) => e.path)).toEqual(['agreementId']);
    }
    expect(await count()).toBe(before);
    await ok('POST', '/referrals', { ...asOwn, body: referral(ownAgreement) }, 201);
  });

  it('a partner filtering the disclosure ledger or referrals by another organization, or for withholdings, gets 403', async () => {
    const asOwn = { as: 'partner' as const, sub: 'staff-own', org: own };
    for (const query of [`partnerId=${other}`, 'kind=withheld']) {
      const res = await api.request<{ errors: Array<{ path: string }> }>(
        'GET',
        `/disclosures?${query}`,
        asOwn,
      );
      expect([query, res.status]).toEqual([query, 403]);
      expect(res.body.errors.map((e) => e.path)).toEqual([query.split('=')[0]]);
    }
    expect((await api.request('GET', `/referrals?partnerId=${other}`, asOwn)).status).toBe(403);
    // Its own organization, or no filter at all, is fine.
    await ok('GET', `/disclosures?partnerId=${own}`, asOwn);
    await ok('GET', `/referrals?partnerId=${own}`, asOwn);
    await ok('GET', '/disclosures?kind=shared', asOwn);
  });
});
