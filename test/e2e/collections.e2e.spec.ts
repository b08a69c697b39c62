/**
 * Collections through the gateway with every service its own process: a determination issued by
 * the investigation service reaches collections over JetStream and opens a collection case; a
 * settlement with three installments; two payments; a missed installment found by the scheduled
 * check; an escalation; the final payment; disbursement to three workers, one of them unlocated;
 * the ledger as expected. Bad money is refused and writes nothing.
 */
import { Pool } from 'pg';
import { addDays, utcDateOf } from '@lse/domain';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { PostgresEventStore } from '@lse/event-store';
import { PLANTED_NAME, receiveInput } from '@lse/intake-domain/test/fixtures';
import { eventually as until } from '@lse/testing';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

/*
 * Back wages by hand (FLSA, straight time paid for every hour, damages equal to back wages):
 * Rosa 50 h at $10.00: 10 overtime hours x $5.00 = $50.00, doubled $100.00; Ben $405.00 piece
 * work for 45 h: 5 x $4.50 = $22.50, doubled $45.00; Cruz a flat $300.00 for 60 h: minimum wage
 * $435.00 - $300.00 = $135.00 plus 20 x $3.625 = $72.50, doubled $415.00. Total $560.00.
 */
const HAND = { rosa: 10_000, ben: 4_500, cruz: 41_500 };
const TOTAL = HAND.rosa + HAND.ben + HAND.cruz;

/** The allocation rule, written again by hand: floors, then a cent each to the largest remainders, ties to the lower id. */
function byHand(amount: number, owed: Record<string, number>): Record<string, number> {
  const ids = Object.keys(owed).sort();
  const sum = ids.reduce((t, id) => t + owed[id], 0);
  const out: Record<string, number> = {};
  let left = amount;
  for (const id of ids) left -= out[id] = Math.floor((amount * owed[id]) / sum);
  const order = [...ids].sort(
    (a, b) => ((amount * owed[b]) % sum) - ((amount * owed[a]) % sum) || (a < b ? -1 : 1),
  );
  for (const id of order.slice(0, left)) out[id] += 1;
  return out;
}

type Result = { version: number; recorded: Array<{ type: string; data: Record<string, unknown> }> };
type Problem = { type: string; title: string; detail: string; status: number };

describe('collections through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  // Reads as the services do: personal fields opened (docs/architecture.md#crypto-shredding).
  let store: SealedEventStore;
  const saved = { ...process.env };

  beforeAll(async () => {
    // The timer runs often here so the test sees it work; production checks hourly.
    process.env.COLLECTIONS_CHECK_INTERVAL_MS = '300';
    process.env.COLLECTIONS_CLOCK_OFFSET_DAYS = '0';
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 4 });
    store = sealedStore(new PostgresEventStore({ pool, service: 'e2e-reader' }));
  });
  afterAll(async () => {
    process.env = saved;
    await pool?.end();
    await system?.stop();
  });

  const today = (offsetDays = 0) => addDays(utcDateOf(new Date()), offsetDays);
  const stream = (caseId: string) => store.readStream(`collection-${caseId}`);

  const eventually = <T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000) =>
    until(probe, ok, { what, timeoutMs, intervalMs: 150 });

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

  const SUP = { as: 'supervisor' as const, sub: 'sue@agency.gov' };
  const INV = { as: 'investigator' as const, sub: 'ivan@agency.gov' };

  /**
   * The real handoff: the investigation (opened by CaseOpened over JetStream) is assigned, finds
   * two jointly liable employers, records hours for three workers (one of them the complainant
   * who asked for confidentiality), computes back wages and issues a determination approved by a
   * supervisor; collections opens its case from the DeterminationIssued its relay publishes.
   */
  async function determineThroughInvestigation(caseId: string): Promise<void> {
    await eventually(
      () => api.request('GET', `/cases/${caseId}/investigation`, SUP),
      (r) => r.status === 200,
      'the investigation',
    );
    const inv = (path: string, who: typeof SUP | typeof INV, body: unknown) =>
      api.request<Record<string, unknown>>('POST', `/cases/${caseId}/investigation/${path}`, {
        ...who,
        body,
      });
    expect((await inv('assignment', SUP, { investigatorId: INV.sub })).status).toBe(200);
    const direct = await inv('employers', INV, {
      name: 'Golden Gate Car Wash LLC',
      fein: '94-1234567',
      role: 'direct',
      basis: 'Hires and pays the washers.',
    });
    expect(direct.status).toBe(200);
    const joint = await inv('employers', INV, {
      name: 'Sparkle Staffing Inc',
      role: 'joint',
      basis: 'Supplies and schedules the washers.',
    });
    expect(joint.status).toBe(200);
    const csv = [
      'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary',
      `E-1,${PLANTED_NAME},2025-03-09,10,10,10,10,10,0,0,10.00,50,,`,
      'E-2,Ben Open-Worker,2025-03-02,9,9,9,9,9,0,0,,,405.00,',
      'E-3,Cruz Far-Away,2025-03-02,10,10,10,10,10,10,0,,,,300.00',
    ].join('\n');
    const hours = await fetch(
      `${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/hours-and-wages?employerId=${direct.body.id as string}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await api.token('investigator', INV.sub)}`,
          'content-type': 'text/csv',
        },
        body: csv,
      },
    );
    expect(hours.status).toBe(200);
    expect((await inv('back-wage-computations', INV, { ruleSetIds: ['US-FLSA'] })).status).toBe(200);
    const proposed = await inv('determination/proposal', INV, {
      summary: 'Back wages owed to three workers.',
    });
    expect(proposed.status).toBe(200);
    const determinationId = proposed.body.id as string;
    expect((await inv('determination/approval', SUP, { determinationId })).status).toBe(200);
    expect((await inv('determination/issue', SUP, { determinationId })).status).toBe(200);
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

  /** The case's workers by name, its debtors, once collections opened it. */
  async function openedCollection(caseId: string) {
    const res = await eventually(
      () => getCase(caseId),
      (r) => r.status === 200,
      'the collection case',
      60_000,
    );
    const workers = res.body.workers as Array<{
      workerId: string;
      name: string;
      confidentialityRequested: boolean;
    }>;
    const id = (name: string) => workers.find((w) => w.name === name)!.workerId;
    const debtors = res.body.debtors as Array<{ debtorId: string; name: string; role: string }>;
    return {
      res,
      workers,
      rosa: id(PLANTED_NAME),
      ben: id('Ben Open-Worker'),
      cruz: id('Cruz Far-Away'),
      debtors,
    };
  }

  /** The first debtor pays the whole amount by check, every worker is paid out, the case closes. */
  async function paidInFullAndClosed(
    caseId: string,
    {
      rosa,
      ben,
      cruz,
      debtors,
    }: Pick<Awaited<ReturnType<typeof openedCollection>>, 'rosa' | 'ben' | 'cruz' | 'debtors'>,
  ): Promise<void> {
    expect(
      (await act(caseId, 'payments', { debtorId: debtors[0].debtorId, amountCents: TOTAL, method: 'check' }))
        .status,
    ).toBe(200);
    for (const workerId of [rosa, ben, cruz])
      expect((await act(caseId, 'disbursements', { workerId, method: 'direct_deposit' })).status).toBe(200);
    expect((await act(caseId, 'close', { reason: 'paid_in_full' })).status).toBe(200);
  }

  it('carries a case from determination to disbursement, with the ledger balanced at the end', async () => {
    const caseId = await openComplaintCase();
    await determineThroughInvestigation(caseId);
    const { res: opened, workers, rosa, ben, cruz, debtors } = await openedCollection(caseId);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.body).toMatchObject({
      status: 'open',
      caseNumber: expect.stringMatching(/^LSE-/),
      totals: { assessedCents: TOTAL, outstandingCents: TOTAL },
    });
    expect(Object.fromEntries(workers.map((w) => [w.name, w.confidentialityRequested]))).toEqual({
      [PLANTED_NAME]: true,
      'Ben Open-Worker': false,
      'Cruz Far-Away': false,
    });
    // Jointly and severally liable: either may pay.
    expect(debtors.map((d) => d.role).sort()).toEqual(['direct', 'joint']);
    const [D1, D2] = [
      debtors.find((d) => d.role === 'direct')!.debtorId,
      debtors.find((d) => d.role === 'joint')!.debtorId,
    ];

    // Settlement: officers may not approve it; a supervisor does, with If-Match.
    const schedule = [
      { dueOn: today(10), amountCents: 20_000 },
      { dueOn: today(20), amountCents: 20_000 },
      { dueOn: today(30), amountCents: 16_000 },
    ];
    const settlement = {
      amountCents: TOTAL,
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

    // Two payments, one from each liable debtor, allocated by the rule (a tied cent goes to the lower id).
    const p1 = await act(caseId, 'payments', {
      debtorId: D1,
      amountCents: 20_000,
      method: 'check',
      reference: 'Check 1001',
    });
    expect(p1.status).toBe(200);
    const shares = (
      p1.body.recorded[0].data.allocations as Array<{ workerId: string; amountCents: number }>
    ).map((a) => [a.workerId, a.amountCents]);
    expect(Object.fromEntries(shares)).toEqual(
      byHand(20_000, { [rosa]: HAND.rosa, [ben]: HAND.ben, [cruz]: HAND.cruz }),
    );
    expect(shares.map(([id]) => id)).toEqual([rosa, ben, cruz].sort());
    expect((await act(caseId, 'payments', { debtorId: D2, amountCents: 20_000, method: 'ach' })).status).toBe(
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
      { planId: expect.any(String), installmentNo: 3, dueOn: today(30), amountDueCents: 16_000 },
    ]);
    expect(missed[0].metadata.actor).toEqual({ id: 'service:collections', role: 'system' });
    // Running the check again by hand records nothing new: exactly once. A request that arrives
    // while the scheduled run is still finishing shares that run and reports its count (1), so
    // the first request only waits it out; the second is a run of its own.
    const check = () =>
      api.request<{ missedRecorded: number }>('POST', '/collection-operations/installment-check', {
        as: 'supervisor',
        body: {},
      });
    expect((await check()).status).toBe(200);
    const again = await check();
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
      (r) => r.body.items?.some((i) => i.caseId === caseId && i.outstandingCents === 16_000),
      'receivables',
    );
    expect(receivables.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      bucket: '0-30',
      outstandingCents: 16_000,
    });

    // Escalation, then the final payment.
    expect(
      (
        await act(caseId, 'escalations', {
          kind: 'lien',
          debtorId: D1,
          reference: 'County Recorder 2026-0004711',
        })
      ).status,
    ).toBe(200);
    expect(
      (await act(caseId, 'payments', { debtorId: D1, amountCents: 16_000, method: 'wire' })).status,
    ).toBe(200);

    // Disbursement to three workers; one cannot be found, so their money is held.
    for (const workerId of [rosa, ben])
      expect((await act(caseId, 'disbursements', { workerId, method: 'check' })).status).toBe(200);
    expect(
      (
        await act(caseId, 'unlocated-workers', {
          workerId: cruz,
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
      assessedCents: TOTAL,
      outstandingCents: 0,
      collectedCents: TOTAL,
      disbursedCents: HAND.rosa + HAND.ben,
      heldForUnlocatedCents: HAND.cruz,
      transferredUnclaimedCents: 0,
      writtenOffCents: 0,
      undisbursedCents: HAND.cruz,
    });
    const byWorker = Object.fromEntries(ledger.body.workers.map((w) => [w.workerId, w]));
    expect(byWorker[rosa]).toMatchObject({
      collectedCents: HAND.rosa,
      disbursedCents: HAND.rosa,
      heldForUnlocatedCents: 0,
    });
    expect(byWorker[ben]).toMatchObject({ collectedCents: HAND.ben, disbursedCents: HAND.ben });
    expect(byWorker[cruz]).toMatchObject({
      collectedCents: HAND.cruz,
      disbursedCents: 0,
      heldForUnlocatedCents: HAND.cruz,
    });
    // As of the day before the case opened, nothing was assessed or collected.
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
      workerId: cruz,
      amountCents: HAND.cruz + 1,
      method: 'check',
    });
    expect(over.status).toBe(422);
    expect(over.body.detail).toMatch(/exceeds the \$415\.00 collected for this worker/);
    const early = await act<Problem>(caseId, 'unclaimed-transfers', {
      workerId: cruz,
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
    expect(debtorHtml.body).toContain('Ben Open-Worker');
    expect(debtorHtml.body).toContain('identities withheld');
    expect(debtorHtml.body).not.toContain(PLANTED_NAME);
    expect(debtorHtml.body).not.toContain(rosa);
    const debtorJson = await api.request('GET', `/collections/${caseId}/statements/debtors/${D2}`, {
      as: 'collections_officer',
    });
    expect(debtorJson.status).toBe(200);
    expect(JSON.stringify(debtorJson.body)).not.toContain(PLANTED_NAME);
    expect(JSON.stringify(debtorJson.body)).not.toContain(rosa);
    const workerHtml = await api.request<string>(
      'GET',
      `/collections/${caseId}/statements/workers/${rosa}?format=html`,
      { as: 'collections_officer' },
    );
    expect(workerHtml.body).toContain(PLANTED_NAME);
    expect(workerHtml.body).toContain('$100.00');

    const rate = await eventually(
      () =>
        api.request<{
          groups: Array<{ group: string; assessedCents: number; collectedCents: number; rate: number }>;
        }>('GET', '/collection-reports/collection-rate?groupBy=office', { as: 'auditor' }),
      (r) => r.body.groups?.some((g) => g.collectedCents >= TOTAL),
      'the collection rate',
    );
    expect(rate.status).toBe(200);
  });

  it('the case index follows the case across services with the date of each change (issue 17 item 7)', async () => {
    type CaseItem = {
      caseId: string;
      status: string;
      statusChangedAt: string;
      statusHistory: Array<{ status: string; at: string }>;
    };
    const indexed = (status: string) =>
      api.request<{ items: CaseItem[] }>('GET', `/cases?status=${status}&limit=200`, { as: 'supervisor' });
    const listedAs = (caseId: string, status: string) =>
      eventually(
        () => indexed(status),
        (r) => r.status === 200 && r.body.items.some((c) => c.caseId === caseId),
        `the case listed as ${status}`,
      );
    const caseId = await openComplaintCase();
    await listedAs(caseId, 'opened');
    await determineThroughInvestigation(caseId);
    const { rosa, ben, cruz, debtors } = await openedCollection(caseId);
    await listedAs(caseId, 'in_collections');
    expect((await indexed('open')).body.items.map((c) => c.caseId)).toContain(caseId);
    await paidInFullAndClosed(caseId, { rosa, ben, cruz, debtors });

    const closed = (await listedAs(caseId, 'closed')).body.items.find((c) => c.caseId === caseId)!;
    expect(closed.statusHistory.map((c) => c.status)).toEqual([
      'opened',
      'under_investigation',
      'determination_issued',
      'in_collections',
      'closed',
    ]);
    const dates = closed.statusHistory.map((c) => Date.parse(c.at));
    expect(dates.every((d, i) => Number.isFinite(d) && (i === 0 || d >= dates[i - 1]))).toBe(true);
    expect(closed.statusChangedAt).toBe(closed.statusHistory.at(-1)!.at);
    expect((await indexed('open')).body.items.map((c) => c.caseId)).not.toContain(caseId);
  });

  it('a supervisor reopens a closed case with a reason; nothing is appended to it any other way (issue 17 item 8)', async () => {
    const caseId = await openComplaintCase();
    await determineThroughInvestigation(caseId);
    const { rosa, ben, cruz, debtors } = await openedCollection(caseId);
    await paidInFullAndClosed(caseId, { rosa, ben, cruz, debtors });
    const closedAt = (await stream(caseId)).length;

    const reason = { reason: 'late_payment', note: 'The debtor sent interest owed after closing.' };
    // Not a collections officer's decision, not without a reason, and nothing written.
    expect((await act(caseId, 'reopening', reason)).status).toBe(403);
    const noReason = await act<Problem>(caseId, 'reopening', { note: 'x' }, 'supervisor');
    expect(noReason.status).toBe(400);
    expect(
      (await act(caseId, 'escalations', { kind: 'lien', debtorId: debtors[0].debtorId }, 'supervisor'))
        .status,
    ).toBe(422);
    expect((await stream(caseId)).length).toBe(closedAt);

    const reopened = await act(caseId, 'reopening', reason, 'supervisor');
    expect(reopened.status).toBe(200);
    expect((await stream(caseId)).at(-1)).toMatchObject({
      type: 'CollectionCaseReopened',
      data: { reason: 'late_payment', reopenedBy: 'supervisor-1' },
      metadata: { actor: { role: 'supervisor' } },
    });
    expect((await getCase(caseId)).body).toMatchObject({ status: 'open' });
    // The case index follows: back in collections, the closing and the reopening each dated.
    const indexed = await eventually(
      () =>
        api.request<{
          items: Array<{ caseId: string; statusHistory: Array<{ status: string; at: string }> }>;
        }>('GET', '/cases?status=in_collections&limit=200', { as: 'supervisor' }),
      (r) => r.status === 200 && r.body.items.some((c) => c.caseId === caseId),
      'the reopened case back in collections',
    );
    const history = indexed.body.items.find((c) => c.caseId === caseId)!.statusHistory.map((c) => c.status);
    expect(history.slice(-2)).toEqual(['closed', 'in_collections']);
    // Reopening an open case is refused.
    expect((await act(caseId, 'reopening', reason, 'supervisor')).status).toBe(422);
  });

  it('refuses payments on a closed case and writes nothing', async () => {
    const caseId = await openComplaintCase();
    await determineThroughInvestigation(caseId);
    const { rosa, ben, cruz, debtors } = await openedCollection(caseId);
    await paidInFullAndClosed(caseId, { rosa, ben, cruz, debtors });
    const version = (await stream(caseId)).length;
    const late = await act<Problem>(caseId, 'payments', {
      debtorId: debtors[0].debtorId,
      amountCents: 100,
      method: 'check',
    });
    expect(late.status).toBe(422);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body.detail).toMatch(/closed .* accepts nothing more/);
    expect((await stream(caseId)).length).toBe(version);
  });
});
