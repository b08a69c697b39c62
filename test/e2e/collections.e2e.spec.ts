/**
 * Collections through the gateway with every service its own process: a determination opens a
 * collection case; a settlement with three installments; two payments; a missed installment
 * found by the scheduled check; an escalation; the final payment; disbursement to three
 * workers, one of them unlocated; the ledger as expected. Bad money is refused and writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { DeterminationIssued } from '@lse/contracts';
import { addDays, utcDateOf } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { PLANTED_NAME, receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const D1 = randomUUID();
const D2 = randomUUID();
const W1 = randomUUID(); // the complainant who asked for confidentiality
const W2 = randomUUID();
const W3 = randomUUID(); // will be unlocated

type Result = { version: number; recorded: Array<{ type: string; data: Record<string, unknown> }> };
type Problem = { type: string; title: string; detail: string; status: number };

describe('collections through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  let store: PostgresEventStore;
  let nc: NatsConnection;
  const saved = { ...process.env };

  beforeAll(async () => {
    // The timer runs often here so the test sees it work; production checks hourly.
    process.env.COLLECTIONS_CHECK_INTERVAL_MS = '300';
    process.env.COLLECTIONS_CLOCK_OFFSET_DAYS = '0';
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 4 });
    store = new PostgresEventStore({ pool, service: 'investigation', categories: ['investigation'] });
    nc = await connect({ servers: system.nats.url });
  });
  afterAll(async () => {
    process.env = saved;
    await nc?.close();
    await pool?.end();
    await system?.stop();
  });

  const today = (offsetDays = 0) => addDays(utcDateOf(new Date()), offsetDays);
  const stream = (caseId: string) => store.readStream(`collection-${caseId}`);

  async function eventually<T>(
    probe: () => Promise<T>,
    ok: (v: T) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (ok(value)) return value;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** A complaint received, triaged and opened through intake: the case collections will know. */
  async function openComplaintCase(): Promise<string> {
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      body: receiveInput(),
    });
    expect(received.status).toBe(201);
    const { caseId } = received.body;
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }],
      ['limitations-assessment', { statute: 'FLSA', willful: false }],
      ['triage', {}],
      ['open', {}],
    ];
    for (const [i, [path, body]] of steps.entries()) {
      const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        body,
        headers: { 'if-match': `"${i + 1}"` },
      });
      expect(res.status).toBe(200);
    }
    return caseId;
  }

  /**
   * The investigation's DeterminationIssued, appended to the store and relayed to JetStream as the
   * investigation service's relay does (that service is not part of `npm start` yet).
   */
  async function issueDetermination(caseId: string, workers: Array<[string, string, number]>): Promise<void> {
    const total = workers.reduce((s, [, , c]) => s + c, 0);
    const event = DeterminationIssued.create({
      eventId: randomUUID(),
      data: {
        caseId,
        determinationId: randomUUID(),
        issuedAt: new Date().toISOString(),
        computationId: randomUUID(),
        ruleSets: [{ id: 'us-flsa', version: '2009-07-24' }],
        workers: workers.map(([workerId, name, totalCents]) => ({
          workerId,
          name,
          unpaidWagesCents: totalCents / 2,
          liquidatedDamagesCents: totalCents / 2,
          totalCents,
        })),
        civilPenalties: [],
        liableEmployers: [
          { employerId: D1, name: 'Golden Gate Car Wash LLC', role: 'direct' },
          { employerId: D2, name: 'Sparkle Staffing Inc', role: 'joint' },
        ],
        violationIds: [],
        totals: {
          unpaidWagesCents: total / 2,
          liquidatedDamagesCents: total / 2,
          civilPenaltiesCents: 0,
          totalCents: total,
        },
        proposedBy: 'ivan@agency.gov',
        approvedBy: 'sue@agency.gov',
      },
      metadata: {
        caseId,
        actor: { id: 'sue@agency.gov', role: 'supervisor' },
        correlationId: randomUUID(),
        sourceService: 'investigation',
        occurredAt: new Date().toISOString(),
      },
    });
    await store.append(`investigation-${caseId}`, [event], 'any');
    const [recorded] = (await store.readStream(`investigation-${caseId}`)).filter(
      (e) => e.eventId === event.eventId,
    );
    await jetstream(nc).publish('events.investigation.DeterminationIssued', JSON.stringify(recorded), {
      msgID: recorded.eventId,
    });
  }

  const act = async <T = Result>(
    caseId: string,
    path: string,
    body: unknown,
    as: 'collections_officer' | 'supervisor' | 'auditor' = 'collections_officer',
  ) => api.request<T>('POST', `/collections/${caseId}/${path}`, { as, body });
  const getCase = (caseId: string) =>
    api.request<Record<string, unknown> & { version: number }>('GET', `/collections/${caseId}`, {
      as: 'auditor',
    });

  it('carries a case from determination to disbursement, with the ledger balanced at the end', async () => {
    const caseId = await openComplaintCase();
    await issueDetermination(caseId, [
      [W1, PLANTED_NAME, 50_000],
      [W2, 'Jose Open-Worker', 30_000],
      [W3, 'Luis Far-Away', 20_000],
    ]);
    const opened = await eventually(
      () => getCase(caseId),
      (r) => r.status === 200,
      'the collection case',
    );
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.body).toMatchObject({
      status: 'open',
      office: expect.stringMatching(/^[A-Z0-9-]+$/),
      caseNumber: expect.stringMatching(/^LSE-/),
      totals: { assessedCents: 100_000, outstandingCents: 100_000 },
    });
    const workers = opened.body.workers as Array<{ workerId: string; confidentialityRequested: boolean }>;
    expect(workers.find((w) => w.workerId === W1)?.confidentialityRequested).toBe(true);

    // Settlement: officers may not approve it; a supervisor does, with If-Match.
    const schedule = [
      { dueOn: today(10), amountCents: 30_000 },
      { dueOn: today(20), amountCents: 30_000 },
      { dueOn: today(30), amountCents: 40_000 },
    ];
    const settlement = {
      amountCents: 100_000,
      installments: schedule,
      nonMonetaryTerms: [{ kind: 'anti_retaliation', description: 'No retaliation against any worker.' }],
    };
    expect((await act(caseId, 'settlement', settlement)).status).toBe(403);
    const agreed = await api.request<Result>('POST', `/collections/${caseId}/settlement`, {
      as: 'supervisor',
      body: settlement,
      headers: { 'if-match': '"1"' },
    });
    expect(agreed.status).toBe(200);
    expect(agreed.body.recorded.map((e) => e.type)).toEqual(['SettlementAgreed', 'PaymentPlanEstablished']);
    expect(agreed.headers.get('etag')).toBe('"3"');

    const due = await eventually(
      () =>
        api.request<{ items: Array<{ caseId: string; installmentNo: number }> }>(
          'GET',
          '/collection-reports/installments-due?days=15',
          { as: 'collections_officer' },
        ),
      (r) => r.body.items?.some((i) => i.caseId === caseId),
      'installments due',
    );
    expect(due.body.items.filter((i) => i.caseId === caseId).map((i) => i.installmentNo)).toEqual([1]);

    // Two payments from the two jointly and severally liable debtors, allocated pro rata.
    const p1 = await act(caseId, 'payments', {
      debtorId: D1,
      amountCents: 30_000,
      method: 'check',
      reference: 'Check 1001',
    });
    expect(p1.status).toBe(200);
    expect(p1.body.recorded[0].data.allocations).toEqual([
      { workerId: [W1, W2, W3].sort()[0], amountCents: expect.any(Number) },
      { workerId: [W1, W2, W3].sort()[1], amountCents: expect.any(Number) },
      { workerId: [W1, W2, W3].sort()[2], amountCents: expect.any(Number) },
    ]);
    const shares = Object.fromEntries(
      (p1.body.recorded[0].data.allocations as Array<{ workerId: string; amountCents: number }>).map((s) => [
        s.workerId,
        s.amountCents,
      ]),
    );
    expect(shares).toEqual({ [W1]: 15_000, [W2]: 9_000, [W3]: 6_000 });
    expect((await act(caseId, 'payments', { debtorId: D2, amountCents: 30_000, method: 'ach' })).status).toBe(
      200,
    );

    // 35 days later (collections restarted on a shifted calendar): the timer finds installment 3 missed.
    system.supervisor.kill('collections');
    await new Promise((r) => setTimeout(r, 300));
    process.env.COLLECTIONS_CLOCK_OFFSET_DAYS = '35';
    system.supervisor.start('collections');
    await system.supervisor.waitReady('collections');
    const missed = await eventually(
      async () => (await stream(caseId)).filter((e) => e.type === 'InstallmentMissed'),
      (events) => events.length > 0,
      'the scheduled check',
    );
    expect(missed.map((e) => e.data)).toEqual([
      { planId: expect.any(String), installmentNo: 3, dueOn: today(30), amountDueCents: 40_000 },
    ]);
    expect(missed[0].metadata.actor).toEqual({ id: 'service:collections', role: 'system' });
    // Running the check again by hand records nothing new: exactly once.
    const again = await api.request<{ missedRecorded: number }>(
      'POST',
      '/collection-operations/installment-check',
      { as: 'supervisor', body: {} },
    );
    expect(again.status).toBe(200);
    expect(again.body.missedRecorded).toBe(0);
    expect((await stream(caseId)).filter((e) => e.type === 'InstallmentMissed')).toHaveLength(1);

    const receivables = await eventually(
      () =>
        api.request<{ items: Array<{ caseId: string; bucket: string; outstandingCents: number }> }>(
          'GET',
          '/collection-reports/receivables',
          { as: 'auditor' },
        ),
      (r) => r.body.items?.some((i) => i.caseId === caseId),
      'receivables',
    );
    expect(receivables.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      bucket: '0-30',
      outstandingCents: 40_000,
    });

    // Escalation, then the final payment.
    const lien = await act(caseId, 'escalations', {
      kind: 'lien',
      debtorId: D1,
      reference: 'County Recorder 2026-0004711',
    });
    expect(lien.status).toBe(200);
    expect(
      (await act(caseId, 'payments', { debtorId: D1, amountCents: 40_000, method: 'wire' })).status,
    ).toBe(200);

    // Disbursement to three workers; one cannot be found, so their money is held.
    for (const workerId of [W1, W2])
      expect((await act(caseId, 'disbursements', { workerId, method: 'check' })).status).toBe(200);
    expect(
      (
        await act(caseId, 'unlocated-workers', {
          workerId: W3,
          searchEfforts: 'Letters returned; phone disconnected.',
        })
      ).status,
    ).toBe(200);

    const ledger = await api.request<{
      balanced: boolean;
      totals: Record<string, number>;
      workers: Array<Record<string, number | string>>;
    }>('GET', `/collections/${caseId}/ledger`, { as: 'auditor' });
    expect(ledger.status).toBe(200);
    expect(ledger.body.balanced).toBe(true);
    expect(ledger.body.totals).toEqual({
      assessedCents: 100_000,
      outstandingCents: 0,
      collectedCents: 100_000,
      disbursedCents: 80_000,
      heldForUnlocatedCents: 20_000,
      transferredUnclaimedCents: 0,
      writtenOffCents: 0,
      undisbursedCents: 20_000,
    });
    const byWorker = Object.fromEntries(ledger.body.workers.map((w) => [w.workerId, w]));
    expect(byWorker[W1]).toMatchObject({
      collectedCents: 50_000,
      disbursedCents: 50_000,
      heldForUnlocatedCents: 0,
    });
    expect(byWorker[W2]).toMatchObject({ collectedCents: 30_000, disbursedCents: 30_000 });
    expect(byWorker[W3]).toMatchObject({
      collectedCents: 20_000,
      disbursedCents: 0,
      heldForUnlocatedCents: 20_000,
    });
    // As of the day before the first payment nothing was collected.
    const before = await api.request<{ totals: Record<string, number> }>(
      'GET',
      `/collections/${caseId}/ledger?asOf=${today(-1)}`,
      { as: 'auditor' },
    );
    expect(before.body.totals).toMatchObject({ assessedCents: 0, collectedCents: 0 });

    // Refusals: clear errors and nothing written.
    const version = (await stream(caseId)).length;
    const negative = await act<Problem & { errors: Array<{ path: string; message: string }> }>(
      caseId,
      'payments',
      { debtorId: D1, amountCents: -500, method: 'check' },
    );
    expect(negative.status).toBe(400);
    expect(negative.headers.get('content-type')).toContain('application/problem+json');
    expect(negative.body.errors).toEqual([
      { path: 'amountCents', message: expect.stringMatching(/positive amount of cents/) },
    ]);
    const over = await act<Problem>(caseId, 'disbursements', {
      workerId: W3,
      amountCents: 20_001,
      method: 'check',
    });
    expect(over.status).toBe(422);
    expect(over.body.detail).toMatch(/exceeds the \$200\.00 collected for this worker/);
    const early = await act<Problem>(caseId, 'unclaimed-transfers', {
      workerId: W3,
      fund: 'State Unclaimed Wage Fund',
    });
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/after 365 days/);
    expect(
      (await act(caseId, 'payments', { debtorId: D1, amountCents: 100, method: 'check' }, 'auditor')).status,
    ).toBe(403);
    expect((await stream(caseId)).length).toBe(version);

    // Statements: the employer-facing one never shows the confidential worker; hers does.
    const debtorHtml = await api.request<string>(
      'GET',
      `/collections/${caseId}/statements/debtors/${D1}?format=html`,
      { as: 'collections_officer' },
    );
    expect(debtorHtml.status).toBe(200);
    expect(debtorHtml.headers.get('content-type')).toContain('text/html');
    expect(debtorHtml.body).toContain('Jose Open-Worker');
    expect(debtorHtml.body).toContain('identities withheld');
    expect(debtorHtml.body).not.toContain(PLANTED_NAME);
    expect(debtorHtml.body).not.toContain(W1);
    const debtorJson = await api.request('GET', `/collections/${caseId}/statements/debtors/${D2}`, {
      as: 'collections_officer',
    });
    expect(JSON.stringify(debtorJson.body)).not.toContain(PLANTED_NAME);
    const workerHtml = await api.request<string>(
      'GET',
      `/collections/${caseId}/statements/workers/${W1}?format=html`,
      { as: 'collections_officer' },
    );
    expect(workerHtml.body).toContain(PLANTED_NAME);
    expect(workerHtml.body).toContain('$500.00');

    const rate = await eventually(
      () =>
        api.request<{ groups: Array<{ group: string; assessedCents: number; collectedCents: number }> }>(
          'GET',
          '/collection-reports/collection-rate?groupBy=period',
          { as: 'auditor' },
        ),
      (r) => r.body.groups?.some((g) => g.collectedCents >= 100_000),
      'the collection rate',
    );
    expect(rate.status).toBe(200);
  });

  it('refuses payments on a closed case and writes nothing', async () => {
    const caseId = await openComplaintCase();
    const only = randomUUID();
    await issueDetermination(caseId, [[only, 'Ana Solo-Worker', 5_000]]);
    await eventually(
      () => getCase(caseId),
      (r) => r.status === 200,
      'the collection case',
    );
    expect(
      (await act(caseId, 'payments', { debtorId: D2, amountCents: 5_000, method: 'check' })).status,
    ).toBe(200);
    expect((await act(caseId, 'disbursements', { workerId: only, method: 'direct_deposit' })).status).toBe(
      200,
    );
    expect((await act(caseId, 'close', { reason: 'paid_in_full' })).status).toBe(200);
    const version = (await stream(caseId)).length;
    const late = await act<Problem>(caseId, 'payments', { debtorId: D1, amountCents: 100, method: 'check' });
    expect(late.status).toBe(422);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body.detail).toMatch(/closed .* accepts nothing more/);
    expect((await stream(caseId)).length).toBe(version);
  });
});
