/**
 * Public records beyond cases, through HTTP with every service its own process: a partner with
 * point people signs an agreement and refers workers who consent to status sharing; a case opens
 * and its status is disclosed to the partner. A FOIA officer then asks for the agreement, the
 * partner's referral statistics and its disclosure ledger (no case), compiles and releases: the
 * point people's contacts and the workers are withheld with a log line each, the clauses and the
 * statistics that identify nobody are released.
 */
import { randomUUID } from 'node:crypto';
import { addDays, utcDateOf } from '@lse/domain';
import { eventually as until } from '@lse/testing';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const POINT_PHONE = '+1 415 555 0177';
const POINT_EMAIL = 'marta.planted@mission-center.example';
const POINT_NAME = 'Marta Planted-Point';
const WORKER_NAME = 'Ana Planted-Worker';
const CLAUSE = 'The agency tells the center whether each referred case was opened.';

type Entry = {
  n: number;
  record?: { section: string; id: string };
  eventId?: string;
  path: string;
  exemptions: string[];
};
type Pkg = {
  records: {
    agreements: Array<{
      agreementId: string;
      records: Array<{ type: string; data: Record<string, unknown> }>;
    }>;
    referralStatistics: Array<Record<string, unknown> & { byStatus: Record<string, unknown> }>;
    disclosureLedger: Array<{
      organization: string;
      entries: Array<{ eventId: string; type: string; data: Record<string, unknown> }>;
    }>;
  };
  redactionLog: Entry[];
};

describe('FOIA requests for agreements, referral statistics and the disclosure ledger', () => {
  let system: RunningSystem;
  let api: Api;
  const today = utcDateOf(new Date());
  const liaison = { as: 'partner_liaison' as const, sub: 'liaison-1' };
  const officer = { as: 'foia_officer' as const, sub: 'records-1' };
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
  const eventually = <T>(probe: () => Promise<T>, done: (v: T) => boolean, what: string) =>
    until(probe, done, {
      what,
      timeoutMs: 60_000,
      intervalMs: 150,
      details: (v) =>
        `${JSON.stringify(v)}\n${['partners', 'intake'].map((n) => (system.logs.get(n) ?? []).slice(-10).join('\n')).join('\n')}`,
    });

  let partnerId: string;
  let agreementId: string;
  let workerId: string;
  let cutoff: string;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    partnerId = (
      await ok<{ id: string }>(
        'POST',
        '/partners',
        {
          ...liaison,
          body: {
            name: 'Mission Worker Center',
            type: 'worker_center',
            languages: ['es'],
            industries: ['car_washes'],
            region: 'San Francisco',
            office: 'SF-01',
            contacts: [
              { name: POINT_NAME, role: 'organizer', phone: POINT_PHONE, email: POINT_EMAIL },
              { name: 'Second Point', role: 'director' },
            ],
          },
        },
        201,
      )
    ).body.id;
    agreementId = (
      await ok<{ id: string }>(
        'POST',
        '/agreements',
        {
          ...liaison,
          body: {
            type: 'letter_of_arrangement',
            title: 'Letter of arrangement with the Mission Worker Center',
            partnerIds: [partnerId],
            agencyParty: 'Office of Labor Standards Enforcement',
            scope: ['referrals'],
            sharingLevel: 'status',
            effectiveOn: addDays(today, -30),
            expiresOn: addDays(today, 300),
            clauses: [{ clauseId: 'sharing', title: 'Sharing', text: CLAUSE }],
          },
        },
        201,
      )
    ).body.id;
    await ok('POST', `/agreements/${agreementId}/signature`, {
      ...liaison,
      body: { signatories: ['Labor Commissioner'] },
      headers: { 'if-match': '"1"' },
    });

    // Five referrals of one consenting worker each (five: the total is a releasable count).
    const referrals: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = i === 0 ? randomUUID() : undefined;
      if (id) workerId = id;
      const submitted = await ok<{ id: string }>(
        'POST',
        '/referrals',
        {
          as: 'partner',
          sub: 'organizer-1',
          org: partnerId,
          headers: { 'idempotency-key': randomUUID() },
          body: {
            office: 'SF-01',
            agreementId,
            workers: [
              {
                ...(id ? { workerId: id } : {}),
                name: i === 0 ? WORKER_NAME : `Worker ${i}`,
                phone: '+1 415 555 0100',
                preferredLanguage: 'es',
                interpreterNeeded: false,
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
              { type: 'overtime', periodStart: addDays(today, -100), ongoing: true, workersAffected: 3 },
            ],
          },
        },
        201,
      );
      referrals.push(submitted.body.id);
    }

    // The first referral's case opens: its status goes to the partner (a disclosure).
    const caseId = referrals[0];
    await eventually(
      () => api.request('GET', `/complaints/${caseId}`, { as: 'intake_officer' }),
      (r) => r.status === 200,
      'the complaint from the referral',
    );
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }],
      ['limitations-assessment', { statute: 'FLSA', willful: false }],
      ['triage', {}],
      ['open', {}],
    ];
    for (const [i, [path, body]] of steps.entries())
      await ok('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        body,
        headers: { 'if-match': `"${i + 1}"` },
      });
    await eventually(
      () =>
        ok<{ items: Array<{ milestone: string; kind?: string }> }>(
          'GET',
          `/disclosures?partnerId=${partnerId}`,
          liaison,
        ),
      (r) => r.body.items.some((d) => d.milestone === 'case_opened'),
      'the case_opened disclosure',
    );
    await eventually(
      () => ok<{ status: string }>('GET', `/referrals/${caseId}`, liaison),
      (r) => r.body.status === 'accepted',
      'the accepted referral',
    );
    cutoff = new Date().toISOString();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('compiles and releases the records: contacts and workers withheld with log lines, clauses and statistics released', async () => {
    const period = { from: addDays(today, -1), to: addDays(today, 1) };
    const created = await ok<{ requestId: string }>(
      'POST',
      '/foia-requests',
      {
        ...officer,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
          description: "The center's agreement, referrals and what the agency told it.",
          records: [
            { kind: 'agreement', agreementId },
            { kind: 'referral_statistics', partnerId, ...period },
            { kind: 'disclosure_ledger', partnerId, ...period },
          ],
        },
      },
      201,
    );
    const { requestId } = created.body;
    const view = await ok<{ request: { caseIds: string[]; records: unknown[] } }>(
      'GET',
      `/foia-requests/${requestId}`,
      officer,
    );
    expect(view.body.request.caseIds).toEqual([]);
    expect(view.body.request.records.map((r) => (r as { kind: string }).kind)).toEqual([
      'agreement',
      'referral_statistics',
      'disclosure_ledger',
    ]);

    const compiled = await ok<{ sha256: string; package: Pkg }>(
      'POST',
      `/foia-requests/${requestId}/compilations`,
      { ...officer, body: { cutoff }, headers: { 'idempotency-key': randomUUID() } },
    );
    const pkg = compiled.body.package;
    const log = (section: string, path: string) =>
      pkg.redactionLog.filter((e) => e.record?.section === section && e.path === path);

    // The agreement: its clause and signatory released; the point person's contacts withheld.
    const [agreement] = pkg.records.agreements;
    expect(agreement.agreementId).toBe(agreementId);
    const drafted = agreement.records.find((r) => r.type === 'AgreementDrafted')!;
    expect(drafted.data.clauses).toEqual([{ clauseId: 'sharing', title: 'Sharing', text: CLAUSE }]);
    expect(agreement.records.find((r) => r.type === 'AgreementSigned')!.data.signatories).toEqual([
      'Labor Commissioner',
    ]);
    for (const field of ['phone', 'email', 'name'])
      expect(log('agreements', `data.contact.${field}`).length).toBeGreaterThanOrEqual(1);
    expect(log('agreements', 'data.contact.phone')[0].exemptions).toEqual(['(b)(6)', '(b)(7)(C)']);

    // Statistics: five referrals, five workers (released); accepted 1 and submitted 4 withheld.
    const [stats] = pkg.records.referralStatistics;
    expect(stats).toMatchObject({
      referrals: 5,
      workersReferred: 5,
      byChannel: { partner_referral: 5, consulate_referral: 0 },
    });
    expect(stats.byStatus).toMatchObject({ declined: 0, closed: 0 });
    expect(stats.byStatus.accepted).toMatch(/^\[WITHHELD \(b\)\(6\), \(b\)\(7\)\(C\) #\d+\]$/);
    expect(log('referral_statistics', 'byStatus.accepted')).toHaveLength(1);
    expect(log('referral_statistics', 'byStatus.submitted')).toHaveLength(1);

    // The ledger: recipient, clause version, consent version and fields sent; the worker withheld.
    const [ledger] = pkg.records.disclosureLedger;
    expect(ledger.organization).toBe('Mission Worker Center');
    // The partners service may share investigation_opened before case_opened: find by milestone.
    const shared = ledger.entries.find(
      (e) => e.type === 'StatusSharedWithPartner' && e.data.milestone === 'case_opened',
    )!;
    expect(shared.data).toMatchObject({ partnerId, agreementId, clauseVersion: 1, milestone: 'case_opened' });
    expect(Object.keys(shared.data.fields as object)).toContain('status');
    const consent = (shared.data.consents as Array<Record<string, unknown>>)[0];
    expect(consent.version).toBe(1);
    expect(consent.workerId).toMatch(/^\[WITHHELD/);
    // One log line per ledger entry (case_opened, and investigation_opened when investigation runs).
    expect(log('disclosure_ledger', 'data.consents.0.workerId').map((e) => e.eventId)).toEqual(
      ledger.entries.map((e) => e.eventId),
    );

    const released = await ok<{ sha256: string }>('POST', `/foia-requests/${requestId}/release`, {
      ...officer,
      body: { cutoff },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(released.body.sha256).toBe(compiled.body.sha256);
    const html = await ok<string>('GET', `/foia-requests/${requestId}/package?format=html`, officer);
    expect(html.body).toContain('Referral statistics');
    expect(html.body).toContain(CLAUSE);
    const json = await ok('GET', `/foia-requests/${requestId}/package`, officer);
    for (const text of [JSON.stringify(pkg), html.body, JSON.stringify(json.body)])
      for (const planted of [POINT_PHONE, POINT_EMAIL, POINT_NAME, WORKER_NAME, workerId])
        expect(text).not.toContain(planted);
  });

  it('refuses a request naming neither cases nor records with problem+json, writing nothing', async () => {
    const count = async () =>
      (await ok<{ items: unknown[] }>('GET', '/foia-requests?limit=200', officer)).body.items.length;
    const before = await count();
    for (const body of [
      { requester: { name: 'A. Reporter' }, description: 'Nothing named.' },
      { requester: { name: 'A. Reporter' }, description: 'Nothing named.', caseIds: [], records: [] },
      {
        requester: { name: 'A. Reporter' },
        description: 'A record named twice.',
        records: [
          { kind: 'agreement', agreementId },
          { kind: 'agreement', agreementId },
        ],
      },
      {
        requester: { name: 'A. Reporter' },
        description: 'A period backwards.',
        records: [{ kind: 'disclosure_ledger', partnerId, from: today, to: addDays(today, -1) }],
      },
    ]) {
      const res = await api.request<{ title: string; errors?: Array<{ path: string; message: string }> }>(
        'POST',
        '/foia-requests',
        { ...officer, body, headers: { 'idempotency-key': randomUUID() } },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors?.length).toBeGreaterThan(0);
    }
    const refused = await api.request<{ errors: Array<{ path: string; message: string }> }>(
      'POST',
      '/foia-requests',
      {
        ...officer,
        body: { requester: { name: 'A. Reporter' }, description: 'Nothing named.' },
      },
    );
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: 'caseIds',
        message: expect.stringContaining('name at least one case'),
      }),
    ]);
    expect(await count()).toBe(before);
  });
});
