/**
 * Legal holds and the retention review as an auditor and a supervisor use them: HTTP -> gateway
 * process -> NATS -> audit process -> PostgreSQL, every service its own process.
 *
 * No route can date a closing years back, so the two old closed investigations are appended to
 * the store as investigation would have appended them in 2019 (InvestigationClosed, validated by
 * its contract); a complaint declined through the API today shows what is not due yet.
 */
import { randomUUID } from 'node:crypto';
import { eventually } from '@lse/testing';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';
import { appendOldClosings } from '../support/old-closings';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

interface DueItem {
  recordType: string;
  recordId: string;
  closedOn: string;
  dueOn: string;
  status: 'due' | 'held';
  holds: Array<{ holdId: string; matterId: string }>;
  schedule: { retainYears: number; authority: string };
}
interface Report {
  reviewId: string;
  version: number;
  counts: Record<string, number>;
  due: Array<{ recordType: string; recordId: string }>;
  held: Array<{ recordType: string; recordId: string; holdIds: string[] }>;
}

describe('legal holds and the retention review through the gateway', () => {
  let system: RunningSystem;
  let api: Api;
  const heldCase = randomUUID();
  const dueCase = randomUUID();
  let declinedToday: string;
  let holdId: string;
  const auditor = { as: 'auditor' as const, sub: 'ig-1' };
  const supervisor = { as: 'supervisor' as const, sub: 'sue@agency.gov' };
  const order = {
    matterId: 'Doe v. Acme Car Wash, No. 3:26-cv-00412',
    reason: 'Suit filed over the wages this case found owing.',
    orderedBy: 'Office of the Solicitor',
  };

  const dueList = async () => {
    const res = await api.request<{ items: DueItem[]; nextCursor: string | null }>(
      'GET',
      '/retention/due?limit=50',
      auditor,
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    await appendOldClosings(system.databaseUrl, [
      [heldCase, '2019-03-01T16:00:00.000Z'],
      [dueCase, '2019-04-15T16:00:00.000Z'],
    ]);
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: 'officer-7',
      body: receiveInput(),
    });
    expect(received.status).toBe(201);
    declinedToday = received.body.caseId;
    const declined = await api.request('POST', `/complaints/${declinedToday}/decline`, {
      ...supervisor,
      body: { reasonCode: 'no_jurisdiction' },
    });
    expect(declined.status).toBe(200);
    // Audit's projector has seen both closings (the read model the review reads).
    const seen = await eventually(
      async () => (await dueList()).map((i) => i.recordId).sort(),
      (ids) => ids.length === 2,
      30_000,
    );
    expect(seen).toEqual([heldCase, dueCase].sort());
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('a supervisor places a hold on a case; the same matter again is a 409 problem', async () => {
    const placed = await api.request<{ holdId: string; version: number }>(
      'POST',
      `/cases/${heldCase}/legal-holds`,
      {
        ...supervisor,
        body: order,
      },
    );
    expect(placed.status).toBe(201);
    expect(placed.headers.get('etag')).toBe('"1"');
    expect(placed.headers.get('location')).toBe(`/api/v1/cases/${heldCase}/legal-holds`);
    holdId = placed.body.holdId;
    const again = await api.request<{ detail: string }>('POST', `/cases/${heldCase}/legal-holds`, {
      ...auditor,
      body: order,
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.detail).toMatch(/already in effect/);
    const holds = await api.request<{
      held: boolean;
      holds: Array<{ holdId: string; status: string; matterId: string }>;
    }>('GET', `/cases/${heldCase}/legal-holds`, auditor);
    expect(holds.status).toBe(200);
    expect(holds.body).toMatchObject({
      held: true,
      holds: [{ holdId, status: 'held', matterId: order.matterId }],
    });
  });

  it('refuses bad requests with a problem that says what to fix, writing nothing', async () => {
    const missing = await api.request<{ errors?: unknown }>('POST', `/cases/${heldCase}/legal-holds`, {
      ...supervisor,
      body: { reason: 'No matter given.' },
    });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(missing.body)).toContain('matterId');
    const noCase = await api.request<{ detail: string }>('POST', `/cases/${randomUUID()}/legal-holds`, {
      ...supervisor,
      body: order,
    });
    expect([noCase.status, noCase.body.detail]).toEqual([404, 'No case with this id.']);
    const noHold = await api.request<{ detail: string }>(
      'POST',
      `/cases/${heldCase}/legal-holds/${randomUUID()}/lift`,
      {
        ...supervisor,
        body: { reason: 'Settled.' },
      },
    );
    expect(noHold.status).toBe(404);
    expect(noHold.body.detail).toMatch(/GET the case's legal holds/);
    for (const role of ['investigator', 'foia_officer', 'intake_officer'] as const)
      expect([
        role,
        (await api.request('POST', `/cases/${heldCase}/legal-holds`, { as: role, body: order })).status,
      ]).toEqual([role, 403]);
    expect((await api.request('GET', '/retention/due?limit=0', auditor)).status).toBe(400);
    const holds = await api.request<{ holds: unknown[]; version: number }>(
      'GET',
      `/cases/${heldCase}/legal-holds`,
      auditor,
    );
    expect(holds.body).toMatchObject({ version: 1, holds: [expect.anything()] });
  });

  it('the review run now lists the held case as held with its hold and the unheld closed case as due', async () => {
    expect((await api.request('GET', '/retention/reports/latest', auditor)).status).toBe(404);
    const run = await api.request<Report>('POST', '/retention/reviews', { ...auditor, body: {} });
    expect(run.status).toBe(201);
    expect(run.body.counts).toEqual({ pastRetention: 2, due: 1, held: 1, recorded: 1, failed: 0 });
    expect(run.body.due).toEqual([{ recordType: 'investigation_case', recordId: dueCase }]);
    expect(run.body.held).toEqual([
      { recordType: 'investigation_case', recordId: heldCase, holdIds: [holdId] },
    ]);
    const latest = await api.request<Report>('GET', '/retention/reports/latest', supervisor);
    expect(latest.status).toBe(200);
    expect(latest.body).toEqual(run.body);
    const items = await dueList();
    expect(items.map((i) => [i.recordId, i.status, i.closedOn, i.dueOn])).toEqual([
      [heldCase, 'held', '2019-03-01', '2025-03-01'],
      [dueCase, 'due', '2019-04-15', '2025-04-15'],
    ]);
    expect(items[0].holds).toEqual([expect.objectContaining({ holdId, matterId: order.matterId })]);
    expect(items[1].schedule).toMatchObject({ retainYears: 6, authority: 'agency policy' });
    expect(items.map((i) => i.recordId)).not.toContain(declinedToday); // closed today: due in 3 years
    // The worklist of the erase step: on the due case's timeline, not on the held one's.
    const types = await eventually(
      async () =>
        (
          await api.request<{ items: Array<{ type: string }> }>(
            'GET',
            `/cases/${dueCase}/history?limit=50`,
            auditor,
          )
        ).body.items.map((e) => e.type),
      (seen) => seen.includes('RetentionDispositionDue'),
      30_000,
    );
    expect(types).toContain('RetentionDispositionDue');
    const heldHistory = await api.request<{ items: Array<{ type: string }> }>(
      'GET',
      `/cases/${heldCase}/history?limit=50`,
      auditor,
    );
    expect(heldHistory.body.items.map((e) => e.type)).not.toContain('RetentionDispositionDue');
  });

  it('pages the due list with a cursor', async () => {
    const first = await api.request<{ items: DueItem[]; nextCursor: string }>(
      'GET',
      '/retention/due?limit=1',
      auditor,
    );
    expect(first.body.items.map((i) => i.recordId)).toEqual([heldCase]);
    const second = await api.request<{ items: DueItem[]; nextCursor: string | null }>(
      'GET',
      `/retention/due?limit=1&cursor=${first.body.nextCursor}`,
      auditor,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ recordId: dueCase })],
      nextCursor: null,
    });
  });

  it('once the hold is lifted, the next review records the case as due; the reports list newest first', async () => {
    const lifted = await api.request<{ version: number }>(
      'POST',
      `/cases/${heldCase}/legal-holds/${holdId}/lift`,
      {
        ...auditor,
        headers: { 'if-match': '"1"' },
        body: { reason: 'Settled and dismissed with prejudice.' },
      },
    );
    expect(lifted.status).toBe(200);
    expect(lifted.body.version).toBe(2);
    const again = await api.request<{ detail: string }>(
      'POST',
      `/cases/${heldCase}/legal-holds/${holdId}/lift`,
      {
        ...auditor,
        body: { reason: 'Again.' },
      },
    );
    expect(again.status).toBe(422);
    expect(again.body.detail).toMatch(/already lifted/);
    const run = await api.request<Report>('POST', '/retention/reviews', { ...supervisor, body: {} });
    expect(run.body.counts).toEqual({ pastRetention: 2, due: 2, held: 0, recorded: 1, failed: 0 });
    const reports = await api.request<{ items: Report[]; nextCursor: string | null }>(
      'GET',
      '/retention/reports?limit=1',
      auditor,
    );
    expect(reports.body.items.map((r) => r.reviewId)).toEqual([run.body.reviewId]);
    const older = await api.request<{ items: Report[]; nextCursor: string | null }>(
      'GET',
      `/retention/reports?limit=5&cursor=${reports.body.nextCursor}`,
      auditor,
    );
    expect(older.body.items).toHaveLength(1);
    expect(older.body.nextCursor).toBeNull();
  });
});
