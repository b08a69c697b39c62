/**
 * A FOIA request's whole life as a FOIA officer leads it: HTTP -> gateway process -> NATS -> audit
 * process -> PostgreSQL. Acknowledgment, clarification (the clock stops and runs again), fee,
 * waiver and payment, releases in installments, the appeal and its decision (upheld: closed;
 * remanded: processed again and released again); and the refusals (a release while the fee is
 * owed, an appeal after the window, a California appeal, a compilation after an appeal upheld),
 * each a 4xx problem that writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { clockRuleFor, dueAfter, officeDate } from '@lse/audit-domain';
import { EXEMPTION_CATALOGS, FoiaRequestDenied, FoiaRequestReceived } from '@lse/contracts';
import { addDays } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface View {
  version: number;
  status: string;
  clock: { dueOn?: string; daysLeft?: number; tolled: boolean; tolling?: { reason: string } };
  lifecycle: {
    acknowledgment?: { trackingNumber: string };
    clarifications: Array<{ question: string; answer?: { answer: string } }>;
    fee?: { estimate: { amountCents: number; source: string }; owedCents: number; paidCents: number };
    releases: Array<{ installment: number; final: boolean }>;
  };
  response?: { kind: string; respondedOn: string; appealClosesOn?: string };
  appeal?: { dueOn: string; source: string };
  appealDecision?: { outcome: string };
  judicialReview?: string;
  reopened?: { dueOn: string; source: string; decision: { outcome: string } };
  release?: { installment: number; packageSha256: string };
}
interface Problem {
  status: number;
  detail: string;
}

describe('the life of a FOIA request, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  let store: PostgresEventStore;
  const rule = clockRuleFor('federal');

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 2 });
    // Requests whose response is months old are recorded here: the services run on the real clock.
    store = new PostgresEventStore({ pool, service: 'e2e', categories: ['foia'] });
  });
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
  });

  const receive = async (body: Record<string, unknown> = {}) => {
    const res = await api.request<{ requestId: string; version: number }>('POST', '/foia-requests', {
      as: 'foia_officer',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        requester: { name: 'C. Reporter' },
        description: 'Lifecycle test.',
        caseIds: [randomUUID()],
        ...body,
      },
    });
    return res;
  };
  const view = async (requestId: string) =>
    (await api.request<View>('GET', `/foia-requests/${requestId}`, { as: 'foia_officer' })).body;
  const post = (requestId: string, path: string, body: unknown, ifMatch?: number) =>
    api.request<{ version: number } & Problem>('POST', `/foia-requests/${requestId}/${path}`, {
      as: 'foia_officer',
      body,
      headers: {
        'idempotency-key': randomUUID(),
        ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}),
      },
    });
  /** A refusal: 4xx problem+json that says why, and the request's stream unchanged. */
  const refused = async (requestId: string, path: string, body: unknown, status: number, says: RegExp) => {
    const before = await view(requestId);
    const res = await post(requestId, path, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toMatch(says);
    expect((await view(requestId)).version).toBe(before.version);
  };
  /** A request already answered on `respondedOn`, recorded directly (the services cannot go back in time). */
  const answeredLongAgo = async (jurisdiction: string, respondedOn: string) => {
    const requestId = randomUUID();
    const metadata = {
      actor: { id: 'records-1', role: 'foia_officer' as const },
      correlationId: randomUUID(),
      sourceService: 'audit',
      occurredAt: new Date().toISOString(),
    };
    await store.append(
      `foia-${requestId}`,
      [
        FoiaRequestReceived.create({
          eventId: randomUUID(),
          data: {
            requester: { name: 'D. Reporter' },
            description: 'An old request.',
            caseIds: [randomUUID()],
            jurisdiction,
            receivedAt: `${addDays(officeDate(rule, new Date().toISOString()), -120)}T15:00:00.000Z`,
          },
          metadata,
        }),
        FoiaRequestDenied.create({
          eventId: randomUUID(),
          data: { exemptions: ['(b)(6)'], reason: 'Personal privacy.', respondedOn },
          metadata,
        }),
      ],
      'any',
    );
    return requestId;
  };

  it('acknowledged, clarified, charged, paid, released in two installments, appealed and upheld', async () => {
    const received = await receive();
    expect(received.status).toBe(201);
    const { requestId } = received.body;
    const today = officeDate(rule, new Date().toISOString());

    // Acknowledgment with the tracking number (5 U.S.C. § 552(a)(7)(A)), at the version seen.
    const acknowledged = await post(requestId, 'acknowledgment', {}, received.body.version);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.headers.get('etag')).toBe(`"${acknowledged.body.version}"`);
    expect((await view(requestId)).lifecycle.acknowledgment).toEqual({
      trackingNumber: `FOIA-${today.slice(0, 4)}-${requestId.slice(0, 8).toUpperCase()}`,
      acknowledgedOn: today,
    });
    await refused(requestId, 'acknowledgment', {}, 409, /already acknowledged/);
    expect((await post(requestId, 'acknowledgment', {}, received.body.version)).status).toBe(409); // stale

    // A clarification stops the clock with the 20 days it had; the answer restarts it.
    expect((await post(requestId, 'clarification-requests', {})).status).toBe(400);
    expect((await post(requestId, 'clarification-requests', { question: 'Which years?' })).status).toBe(200);
    let current = await view(requestId);
    expect(current.clock).toMatchObject({
      tolled: true,
      daysLeft: 20,
      tolling: { reason: 'awaiting_clarification' },
    });
    expect(current.clock.dueOn).toBeUndefined();
    expect((await post(requestId, 'clarification-answers', { answer: '2024 and 2025.' })).status).toBe(200);
    current = await view(requestId);
    expect(current.clock).toMatchObject({ tolled: false, daysLeft: 20, dueOn: dueAfter(rule, today, 20) });
    expect(current.lifecycle.clarifications).toEqual([
      { question: 'Which years?', askedOn: today, answer: { answer: '2024 and 2025.', receivedOn: today } },
    ]);
    // Federal law allows one such request (5 U.S.C. § 552(a)(6)(A)(ii)(I)).
    await refused(
      requestId,
      'clarification-requests',
      { question: 'And 2023?' },
      422,
      /552\(a\)\(6\)\(A\)\(ii\)\(I\)/,
    );

    // The fee by category, a waiver denied under the public-interest test, then payment.
    expect(
      (await post(requestId, 'fee-estimate', { category: 'commercial', amountCents: 12.5 })).status,
    ).toBe(400);
    expect(
      (await post(requestId, 'fee-estimate', { category: 'commercial', amountCents: 12_500 })).status,
    ).toBe(200);
    const waiver = await post(requestId, 'fee-waiver-decision', {
      granted: false,
      reason: 'The request is primarily in the requester’s commercial interest.',
    });
    expect(waiver.status).toBe(200);
    const cutoff = new Date().toISOString();
    await refused(
      requestId,
      'release',
      { cutoff, final: false },
      422,
      /12500 cents of the fee are still owed/,
    );
    await refused(
      requestId,
      'payments',
      { amountCents: 12_501, method: 'check' },
      400,
      /12500 cents still owed/,
    );
    expect((await post(requestId, 'payments', { amountCents: 12_500, method: 'check' })).status).toBe(200);
    expect((await view(requestId)).lifecycle.fee).toMatchObject({
      estimate: { amountCents: 12_500, source: '5 U.S.C. § 552(a)(4)(A)(ii)(I)' },
      paidCents: 12_500,
      owedCents: 0,
    });

    // An installment keeps the request open; the final release closes it.
    expect((await post(requestId, 'release', { cutoff, final: false })).status).toBe(200);
    current = await view(requestId);
    expect(current.status).toBe('received');
    expect(current.lifecycle.releases).toMatchObject([{ installment: 1, final: false }]);
    await refused(requestId, 'appeal', { grounds: 'Too slow.' }, 422, /no final response/);
    expect((await post(requestId, 'release', { cutoff })).status).toBe(200);
    current = await view(requestId);
    expect(current.status).toBe('released');
    expect(current.lifecycle.releases).toMatchObject([
      { installment: 1, final: false },
      { installment: 2, final: true },
    ]);
    expect(current.response).toEqual({
      kind: 'released',
      respondedOn: today,
      appealClosesOn: addDays(today, 90),
    });
    await refused(requestId, 'payments', { amountCents: 1, method: 'card' }, 422, /already released/);

    // The appeal, within the 90 days, due in 20 working days; then decided.
    const appealed = await post(requestId, 'appeal', { grounds: 'The withheld names are public.' });
    expect(appealed.status).toBe(200);
    current = await view(requestId);
    expect(current.status).toBe('appealed');
    expect(current.appeal).toMatchObject({
      dueOn: dueAfter(rule, today, 20),
      source: '5 U.S.C. § 552(a)(6)(A)(ii)',
    });
    await refused(requestId, 'appeal', { grounds: 'Again.' }, 409, /already appealed/);
    // The queue shows the appeal's due date while it is pending.
    const appealedItem = async () =>
      (
        await api.request<{ items: Array<{ requestId: string; appealDueOn?: string }> }>(
          'GET',
          '/foia-requests?status=appealed&limit=50',
          { as: 'foia_officer' },
        )
      ).body.items.find((i) => i.requestId === requestId);
    for (let i = 0; i < 50 && !(await appealedItem()); i++) await sleep(100);
    expect(await appealedItem()).toMatchObject({ appealDueOn: dueAfter(rule, today, 20) });
    expect((await post(requestId, 'appeal-decision', { outcome: 'overturned', reason: 'x' })).status).toBe(
      400,
    );
    const decided = await post(requestId, 'appeal-decision', {
      outcome: 'upheld',
      reason: 'The names are exempt under (b)(6).',
    });
    expect(decided.status).toBe(200);
    expect(await view(requestId)).toMatchObject({
      status: 'appeal_decided',
      appealDecision: { outcome: 'upheld' },
      // Upheld: the requester's next step is court.
      judicialReview: '5 U.S.C. § 552(a)(4)(B)',
    });
    // Closed for good: a compilation is refused and writes nothing.
    await refused(requestId, 'compilations', { cutoff }, 422, /final response/);
    expect((await view(requestId)).reopened).toBeUndefined();
    // The released package is still the final one on record.
    expect(
      (await api.request('GET', `/foia-requests/${requestId}/package`, { as: 'foia_officer' })).status,
    ).toBe(200);

    // The queue shows the lifecycle once the projector has caught up.
    type Item = {
      requestId: string;
      status: string;
      trackingNumber?: string;
      feeOwedCents?: number;
      releases: number;
    };
    const listed = async () =>
      (
        await api.request<{ items: Item[] }>('GET', '/foia-requests?status=appeal_decided&limit=50', {
          as: 'foia_officer',
        })
      ).body.items.find((i) => i.requestId === requestId);
    for (let i = 0; i < 50 && !(await listed()); i++) await sleep(100);
    expect(await listed()).toMatchObject({
      status: 'appeal_decided',
      trackingNumber: current.lifecycle.acknowledgment?.trackingNumber,
      feeOwedCents: 0,
      releases: 2,
    });
  });

  it('denied with exemptions of its law, "no records", referred: each a final response', async () => {
    const denied = (await receive()).body.requestId;
    await refused(
      denied,
      'denial',
      { exemptions: ['(b)(10)'], reason: 'No.' },
      400,
      /not in it: \(b\)\(10\)/,
    );
    expect(
      (await post(denied, 'denial', { exemptions: ['(b)(7)(A)'], reason: 'The investigation is open.' }))
        .status,
    ).toBe(200);
    expect(await view(denied)).toMatchObject({ status: 'responded', response: { kind: 'denied' } });

    const none = (await receive()).body.requestId;
    expect(
      (await post(none, 'no-records-response', { search: 'Case files of the district office.' })).status,
    ).toBe(200);
    expect(await view(none)).toMatchObject({ status: 'responded', response: { kind: 'no_records' } });

    const referred = (await receive()).body.requestId;
    expect((await post(referred, 'referral', { agency: 'OSHA', reason: 'Inspection records.' })).status).toBe(
      200,
    );
    expect(await view(referred)).toMatchObject({ status: 'responded', response: { kind: 'referred' } });
    await refused(referred, 'fee-estimate', { category: 'other', amountCents: 100 }, 422, /final response/);
  });

  it('an appeal after the 90 days is refused, and one on the 90th day is received', async () => {
    const today = officeDate(rule, new Date().toISOString());
    const late = await answeredLongAgo('federal', addDays(today, -91));
    await refused(
      late,
      'appeal',
      { grounds: 'Late.' },
      422,
      new RegExp(
        `received by ${addDays(today, -1)} \\(5 U.S.C. § 552\\(a\\)\\(6\\)\\(A\\)\\(i\\)\\(III\\)\\(aa\\)\\)`,
      ),
    );
    expect((await view(late)).status).toBe('responded');
    const inTime = await answeredLongAgo('federal', addDays(today, -90));
    expect((await post(inTime, 'appeal', { grounds: 'Just in time.' })).status).toBe(200);
  });

  it('a California request has no administrative appeal: refused, citing the CPRA', async () => {
    const requestId = await answeredLongAgo('california', officeDate(rule, new Date().toISOString()));
    await refused(
      requestId,
      'appeal',
      { grounds: 'Please reconsider.' },
      422,
      /go to court.*Cal\. Gov\. Code § 7923\.000/,
    );
    // California requests are received once its exemption catalog exists (FOIA_JURISDICTIONS).
    const californian = await receive({ jurisdiction: 'california' });
    expect(californian.status).toBe(Object.hasOwn(EXEMPTION_CATALOGS, 'california') ? 201 : 400);
  });

  it('an appeal remanded sends the request back: compiled and released again, the new package served', async () => {
    const { requestId } = (await receive()).body;
    const today = officeDate(rule, new Date().toISOString());
    const cutoff = new Date().toISOString();
    expect((await post(requestId, 'release', { cutoff })).status).toBe(200);
    const first = await view(requestId);
    expect((await post(requestId, 'appeal', { grounds: 'The search missed the field notes.' })).status).toBe(
      200,
    );
    // While the appeal is pending nothing is compiled.
    await refused(requestId, 'compilations', { cutoff }, 422, /final response/);
    expect(
      (await post(requestId, 'appeal-decision', { outcome: 'remanded', reason: 'Search again.' })).status,
    ).toBe(200);

    // Reprocessing: open again, due in the usual 20 working days from the decision (agency policy).
    let current = await view(requestId);
    expect(current).toMatchObject({
      status: 'reprocessing',
      reopened: {
        dueOn: dueAfter(rule, today, 20),
        source: expect.stringContaining('agency policy'),
        decision: { outcome: 'remanded' },
      },
      clock: { dueOn: dueAfter(rule, today, 20), daysLeft: 20, tolled: false },
      lifecycle: { releases: [{ installment: 1, final: true }] },
    });
    expect(current.judicialReview).toBeUndefined();
    // The earlier release stays the package on record until the new one.
    const download = () => api.request('GET', `/foia-requests/${requestId}/package`, { as: 'foia_officer' });
    expect((await download()).status).toBe(200);
    const reprocessingItem = async () =>
      (
        await api.request<{ items: Array<{ requestId: string; dueOn?: string }> }>(
          'GET',
          '/foia-requests?status=reprocessing&limit=50',
          { as: 'foia_officer' },
        )
      ).body.items.find((i) => i.requestId === requestId);
    for (let i = 0; i < 50 && !(await reprocessingItem()); i++) await sleep(100);
    expect(await reprocessingItem()).toMatchObject({ dueOn: dueAfter(rule, today, 20) });

    // Compiled and released again: a second release, the request answered again.
    const later = new Date().toISOString();
    expect((await post(requestId, 'compilations', { cutoff: later })).status).toBe(200);
    const released = await post(requestId, 'release', { cutoff: later });
    expect(released.status).toBe(200);
    current = await view(requestId);
    expect(current).toMatchObject({
      status: 'released',
      release: { installment: 2 },
      response: { kind: 'released', respondedOn: today, appealClosesOn: addDays(today, 90) },
      lifecycle: {
        releases: [
          { installment: 1, final: true },
          { installment: 2, final: true },
        ],
      },
    });
    expect(current.reopened).toBeUndefined();
    expect(current.release?.packageSha256).toBe((released.body as unknown as { sha256: string }).sha256);
    expect(first.release?.installment).toBe(1);
    // The download serves the new final release, as released.
    const served = await download();
    expect(served.status).toBe(200);
    const newSha256 = (released.body as unknown as { sha256: string }).sha256;
    expect(served.headers.get('digest')).toBe(`sha-256=${Buffer.from(newSha256, 'hex').toString('base64')}`);
    expect(served.headers.get('lse-released-digest')).toBeNull();
    expect((served.body as { cutoff?: string }).cutoff).toBe(later);
    // The new response may be appealed in turn.
    expect((await post(requestId, 'appeal', { grounds: 'Still incomplete.' })).status).toBe(200);
  });
});
