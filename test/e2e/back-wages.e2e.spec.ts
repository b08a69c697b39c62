/**
 * Back wages through the gateway (issue 17): wrong input is a named 4xx that writes nothing.
 * Every service its own process, as in investigation.e2e.spec.ts.
 */
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api, type ApiResponse } from '../support/http';
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

  async function openInvestigation(): Promise<string> {
    const officer = { as: 'intake_officer' as const, sub: 'officer-7' };
    const received = await api.request<{ caseId: string }>('POST', '/complaints', { ...officer, body: receiveInput() });
    expect(received.status).toBe(201);
    const { caseId } = received.body;
    for (const [path, body, version] of [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered.' }, 1],
      ['triage', {}, 2],
      ['open', {}, 3],
    ] as const) {
      const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
        ...officer,
        body,
        headers: { 'if-match': `"${version}"` },
      });
      expect(res.status).toBe(200);
    }
    const deadline = Date.now() + 20_000;
    while ((await version(caseId)) !== 1) {
      if (Date.now() > deadline) throw new Error('the investigation did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
    return caseId;
  }

  const version = async (caseId: string) =>
    (await api.request<{ version?: number }>('GET', `/cases/${caseId}/investigation`, SUP)).body.version;

  const act = (caseId: string, path: string, body: unknown, v?: number) =>
    api.request<Record<string, unknown>>('POST', `/cases/${caseId}/investigation/${path}`, {
      ...INV,
      body,
      headers: v !== undefined ? { 'if-match': `"${v}"` } : {},
    });

  async function uploadCsv(caseId: string, csv: string): Promise<void> {
    const res = await fetch(`${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/hours-and-wages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.token('investigator', INV.sub)}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
  }

  function expectProblem(res: ApiResponse<unknown>, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }

  const HEADER = 'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary';

  it('refuses overlapping workweeks, a week off the workweek start day, an unknown rule set and a malformed filing date (29 CFR 778.105), writing nothing', async () => {
    const caseId = await openInvestigation();
    // 2025-03-02 is a Sunday, 2025-03-05 a Wednesday: one worker's two weeks share four days.
    await uploadCsv(
      caseId,
      [HEADER, 'E-1,Ana Worker,2025-03-02,10,10,10,10,10,0,0,10.00,50,,', 'E-1,Ana Worker,2025-03-05,10,10,10,10,10,0,0,10.00,50,,'].join('\n'),
    );
    expect(await version(caseId)).toBe(2);

    const overlap = await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'] });
    expectProblem(overlap, 422);
    expect(overlap.body).toMatchObject({
      detail: expect.stringContaining('2025-03-05 and 2025-03-02 share days'),
      errors: [{ path: 'records', message: expect.stringMatching(/^overlapping_workweeks: /) }],
    });
    expect(JSON.stringify(overlap.body)).not.toContain('Ana');

    const offDay = await act(caseId, 'back-wage-computations', {
      ruleSetIds: ['US-FLSA'],
      workweekStart: 'monday',
    });
    expectProblem(offDay, 422);
    expect(offDay.body).toMatchObject({
      detail: expect.stringContaining('2025-03-02'),
      errors: [{ path: 'workweekStart', message: expect.stringMatching(/^workweek_start_mismatch: /) }],
    });

    expectProblem(await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-NOPE'] }), 400);
    expectProblem(await act(caseId, 'back-wage-computations', { ruleSetIds: ['US-FLSA'], filingDate: '2025-02-30' }), 400);
    expect(await version(caseId)).toBe(2);
  });
});
