/**
 * Back wages through the gateway (issue 17): wrong input is a named 4xx that writes nothing.
 * Every service its own process, as in investigation.e2e.spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { Api, type ApiResponse } from '../support/http';
import { openInvestigation } from '../support/open-case';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(120_000);

const INV = { as: 'investigator' as const, sub: 'ivan@agency.gov' };
const SUP = { as: 'supervisor' as const, sub: 'sue@agency.gov' };

describe('back wages through the gateway', () => {
  let system: RunningSystem;
  let api: Api;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
  });
  afterAll(async () => {
    await system?.stop();
  });

  const version = async (caseId: string) =>
    (await api.request<{ version?: number }>('GET', `/cases/${caseId}/investigation`, SUP)).body.version;

  const act = (caseId: string, path: string, body: unknown, v?: number) =>
    api.request<Record<string, unknown>>('POST', `/cases/${caseId}/investigation/${path}`, {
      ...INV,
      body,
      headers: v !== undefined ? { 'if-match': `"${v}"` } : {},
    });

  async function postCsv(
    caseId: string,
    csv: string,
    query = '',
  ): Promise<ApiResponse<Record<string, unknown>>> {
    const res = await fetch(
      `${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/hours-and-wages${query}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await api.token('investigator', INV.sub)}`,
          'content-type': 'text/csv',
        },
        body: csv,
      },
    );
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  async function uploadCsv(caseId: string, csv: string): Promise<void> {
    expect((await postCsv(caseId, csv)).status).toBe(200);
  }

  function expectProblem(res: ApiResponse<unknown>, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }

  const HEADER = 'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary';

  it('refuses overlapping workweeks and weeks off the workweek start day (29 CFR 778.105) at upload and at computation, an unknown rule set and a malformed filing date, writing nothing', async () => {
    const caseId = await openInvestigation(api);
    // 2025-03-02 is a Sunday, 2025-03-05 a Wednesday: one worker's two weeks share four days.
    const sunday = 'E-1,Ana Worker,2025-03-02,10,10,10,10,10,0,0,10.00,50,,';
    const wednesday = 'E-1,Ana Worker,2025-03-05,10,10,10,10,10,0,0,10.00,50,,';
    const inOne = await postCsv(caseId, [HEADER, sunday, wednesday].join('\n'));
    expectProblem(inOne, 422);
    expect(inOne.body.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'week_start',
        message: expect.stringContaining('overlaps the workweek of 2025-03-02 (row 2)'),
      }),
    ]);
    const offDay = await postCsv(caseId, [HEADER, sunday].join('\n'), '?workweekStart=monday');
    expectProblem(offDay, 422);
    expect(offDay.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'week_start',
        message: expect.stringContaining("the employer's workweek starts on monday"),
      }),
    ]);
    expect(await version(caseId)).toBe(1);

    // Two uploads, each fine alone: the computation sees the overlap.
    await uploadCsv(caseId, [HEADER, sunday].join('\n'));
    await uploadCsv(caseId, [HEADER, wednesday].join('\n'));
    expect(await version(caseId)).toBe(3);
    const overlap = await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'] });
    expectProblem(overlap, 422);
    expect(overlap.body).toMatchObject({
      detail: expect.stringContaining('2025-03-05 and 2025-03-02 share days'),
      errors: [{ path: 'records', message: expect.stringMatching(/^overlapping_workweeks: /) }],
    });
    expect(JSON.stringify(overlap.body)).not.toContain('Ana');

    const notMonday = await act(caseId, 'back-wage-computations', {
      ruleSetIds: ['US-FLSA'],
      workweekStart: 'monday',
    });
    expectProblem(notMonday, 422);
    expect(notMonday.body).toMatchObject({
      detail: expect.stringContaining('2025-03-02'),
      errors: [{ path: 'workweekStart', message: expect.stringMatching(/^workweek_start_mismatch: /) }],
    });

    expectProblem(await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-NOPE'] }), 400);
    expectProblem(
      await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'], filingDate: '2025-02-30' }),
      400,
    );
    expect(await version(caseId)).toBe(3);
  });

  it('a salary for fixed hours (salary_hours, 29 CFR 778.113) is owed 1.5x its rate for every hour over 40; a salary alone is the fluctuating workweek (778.114)', async () => {
    const caseId = await openInvestigation(api);
    // $600 for 40 fixed hours, 50 worked: 10 h x 1.5 x $15.00 = $225.00 (+ $225.00 damages).
    // $600 salary alone, 50 worked: 10 h x 0.5 x $12.00 = $60.00 (+ $60.00).
    await uploadCsv(
      caseId,
      [
        `${HEADER},salary_hours`,
        'E-1,Ana Worker,2025-03-02,10,10,10,10,10,0,0,,,,600.00,40',
        'E-2,Ben Worker,2025-03-02,10,10,10,10,10,0,0,,,,600.00,',
      ].join('\n'),
    );
    const computed = await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'] }, 2);
    expect(computed.status).toBe(200);
    const result = computed.body.result as {
      workers: Array<{ unpaidWagesCents: number }>;
      totals: { totalCents: number };
    };
    expect(result.workers.map((w) => w.unpaidWagesCents).sort((a, b) => a - b)).toEqual([6000, 22500]);
    expect(result.totals.totalCents).toBe(2 * (6000 + 22500));
  });

  it('through the API: FLSA and California award the larger back wages with each law its own damages (29 U.S.C. 216(b), Labor Code 1194.2), and the trace warns of a 1.5x line on the overtime hours (29 CFR 778.115, 778.202)', async () => {
    const caseId = await openInvestigation(api);
    const [ana, ben] = [randomUUID(), randomUUID()];
    const hours = [0, 10, 10, 10, 10, 10, 0];
    const uploaded = await act(
      caseId,
      'hours-and-wages',
      {
        source: 'employer_payroll',
        workers: [
          { workerId: ana, name: 'Ana Worker' },
          { workerId: ben, name: 'Ben Worker' },
        ],
        records: [
          // $10 x 50 h in California 2025: CA back wages $407.50 awarded, damages $325.00 (CA,
          // minimum wages) + $50.00 (FLSA, overtime) = $375.00.
          {
            workerId: ana,
            weekStart: '2025-03-02',
            hours,
            pay: [{ kind: 'hourly', rateCents: 1000, hours: 50 }],
          },
          // $20 x 40 h + $30 x 10 h: read as two rates, with a warning.
          {
            workerId: ben,
            weekStart: '2025-03-02',
            hours,
            pay: [
              { kind: 'hourly', rateCents: 2000, hours: 40 },
              { kind: 'hourly', rateCents: 3000, hours: 10 },
            ],
          },
        ],
      },
      1,
    );
    expect(uploaded.status).toBe(200);
    const computed = await act(
      caseId,
      'back-wage-computations',
      { ruleSetIds: ['US-FLSA', 'US-CA'], filingDate: '2025-06-30' },
      2,
    );
    expect(computed.status).toBe(200);
    const workers = (computed.body.result as { workers: Array<Record<string, unknown>> }).workers;
    expect(workers.find((w) => w.workerId === ana)).toMatchObject({
      unpaidWagesCents: 40750,
      liquidatedDamagesCents: 37500,
      totalCents: 78250,
    });
    const trace = await api.request<{
      workers: Array<{
        workerId: string;
        weeks: Array<{ trace: Array<{ figure: string; ruleId: string; formula: string }> }>;
      }>;
    }>(
      'GET',
      `/cases/${caseId}/investigation/back-wage-computations/${computed.body.id as string}/trace`,
      INV,
    );
    expect(trace.status).toBe(200);
    const steps = (id: string) => trace.body.workers.find((w) => w.workerId === id)!.weeks[0].trace;
    expect(steps(ana).find((s) => s.ruleId === 'liquidated_damages.combined')!.formula).toContain(
      'minimum wages $325.00 (US-CA) + overtime $50.00 (US-FLSA) = $375.00',
    );
    expect(
      steps(ben)
        .filter((s) => s.figure === 'warning')
        .map((s) => s.ruleId),
    ).toEqual(expect.arrayContaining(['US-FLSA.regular_rate.two_rates']));
  });

  it('keeps every rule-set version: an old computation is still traced under its own version, and a re-run under the newer one lists what changed per worker and week', async () => {
    const caseId = await openInvestigation(api);
    await uploadCsv(caseId, [HEADER, 'E-1,Ana Worker,2025-03-02,10,10,10,10,10,0,0,10.00,50,,'].join('\n'));
    const first = await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'] }, 2);
    expect(first.status).toBe(200);
    expect((first.body.result as { totals: { totalCents: number } }).totals.totalCents).toBe(10000);

    const catalog = await api.request<{
      items: Array<{ id: string; versions: Array<{ version: string; ruleSet: Record<string, unknown> }> }>;
    }>('GET', '/wage-rule-sets', INV);
    expect(catalog.status).toBe(200);
    const flsa = catalog.body.items.find((i) => i.id === 'US-FLSA')!;
    expect(flsa.versions.map((v) => v.version)).toEqual(['2009-07-24']);
    const data = flsa.versions[0].ruleSet as { minimumWage: { id: string; table: unknown[] } };
    // A (hypothetical) new minimum wage of $12.00 from 2025-01-01, as a new version.
    const newer = {
      ...data,
      version: '2026-12-01-test',
      minimumWage: {
        ...data.minimumWage,
        table: [...data.minimumWage.table, { from: '2025-01-01', centsPerHour: 1200 }],
      },
    };
    const publish = { ruleSet: newer, effectiveFrom: '2020-01-01', reason: 'Test: a raised minimum wage.' };
    expectProblem(await api.request('POST', '/wage-rule-sets/versions', { ...INV, body: publish }), 403);
    const published = await api.request<Record<string, unknown>>('POST', '/wage-rule-sets/versions', {
      ...SUP,
      body: publish,
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      ruleSetId: 'US-FLSA',
      version: '2026-12-01-test',
      replayed: false,
    });
    // The same version twice is refused.
    expectProblem(await api.request('POST', '/wage-rule-sets/versions', { ...SUP, body: publish }), 400);
    const after = await api.request<{
      items: Array<{ id: string; versions: Array<Record<string, unknown>> }>;
    }>('GET', '/wage-rule-sets', INV);
    expect(after.body.items.find((i) => i.id === 'US-FLSA')!.versions).toEqual([
      expect.objectContaining({ version: '2009-07-24', publishedBy: 'engine' }),
      expect.objectContaining({
        version: '2026-12-01-test',
        publishedBy: SUP.sub,
        reason: 'Test: a raised minimum wage.',
        effectiveFrom: '2020-01-01',
      }),
    ]);

    // The first computation is still explained, under the version it recorded (no 409).
    const trace = await api.request<Record<string, unknown>>(
      'GET',
      `/cases/${caseId}/investigation/back-wage-computations/${first.body.id as string}/trace`,
      INV,
    );
    expect(trace.status).toBe(200);
    expect(trace.body).toMatchObject({
      verified: true,
      ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
    });

    // Re-run under the version in force now: $12.00 x 50 - $500 = $100.00 minimum wage, overtime
    // 10 h x $6.00 = $60.00, damages equal: $320.00 instead of $100.00.
    const rerun = await act(caseId, 'back-wage-reruns', { computationId: first.body.id }, 3);
    expect(rerun.status).toBe(200);
    expect(rerun.headers.get('etag')).toBe('"4"');
    const diff = rerun.body.diff as {
      ruleSets: unknown;
      totals: unknown;
      workers: Array<{ weeks: Array<Record<string, unknown>> }>;
      unchangedWorkers: number;
    };
    expect(diff.ruleSets).toEqual({
      before: [{ id: 'US-FLSA', version: '2009-07-24' }],
      after: [{ id: 'US-FLSA', version: '2026-12-01-test' }],
    });
    expect(diff.totals).toMatchObject({
      before: { totalCents: 10000 },
      after: { totalCents: 32000 },
      change: { totalCents: 22000 },
    });
    expect(diff.workers).toHaveLength(1);
    expect(diff.workers[0].weeks).toEqual([
      {
        weekStart: '2025-03-02',
        before: {
          unpaidWagesCents: 5000,
          liquidatedDamagesCents: 5000,
          totalCents: 10000,
          ruleSetId: 'US-FLSA',
        },
        after: {
          unpaidWagesCents: 16000,
          liquidatedDamagesCents: 16000,
          totalCents: 32000,
          ruleSetId: 'US-FLSA',
        },
        change: { unpaidWagesCents: 11000, liquidatedDamagesCents: 11000, totalCents: 22000 },
      },
    ]);
    // Both computations are recorded and each is traced under its own version.
    for (const [id, version] of [
      [first.body.id, '2009-07-24'],
      [rerun.body.id, '2026-12-01-test'],
    ]) {
      const t = await api.request<Record<string, unknown>>(
        'GET',
        `/cases/${caseId}/investigation/back-wage-computations/${id as string}/trace`,
        INV,
      );
      expect(t.body).toMatchObject({ verified: true, ruleSets: [{ id: 'US-FLSA', version }] });
    }
  });
});
