/**
 * The investigation slice as production runs it: HTTP -> gateway process -> NATS -> intake and
 * investigation processes -> PostgreSQL; CaseOpened reaches investigation over JetStream, and
 * DeterminationIssued leaves on JetStream for collections. Nothing in-process, nothing mocked.
 */
import { createHash } from 'node:crypto';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Api, type ApiResponse } from '../support/http';
import { openCase } from '../support/open-case';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(120_000);

/*
 * The hand computation, independent of @lse/wage-rules: FLSA, every hour paid at straight time
 * (29 CFR 778.110/778.111). Regular rate = pay / hours, floored at $7.25; minimum wage owed =
 * 7.25 x hours - pay when positive; overtime owed = half the regular rate for each hour over 40.
 * Each workweek's amount is rounded once to the cent, half up; damages equal the back wages.
 */
function handWeek(hours: number, payCents: number): number {
  const minimumCentsPerHour = 725;
  const owedMinimum = Math.max(0, minimumCentsPerHour * hours - payCents);
  // rate as a fraction (numerator / hours) keeps it exact until the single rounding
  const rateNumerator = Math.max(payCents, minimumCentsPerHour * hours);
  const overtimeTimesTwoHours = hours > 40 ? rateNumerator * (hours - 40) : 0; // = 2 x hours x premium
  const exact = owedMinimum + overtimeTimesTwoHours / (2 * hours);
  return Math.floor(exact + 0.5);
}
// Ana: $10.00/h, 30 hours then 50 hours (weeks stand alone: only the second owes overtime).
// Ben: piece work, $405.00 for 45 hours. Cruz: a flat $300.00 for 60 hours.
const HAND = {
  ana: handWeek(30, 300_00) + handWeek(50, 500_00),
  ben: handWeek(45, 405_00),
  cruz: handWeek(60, 300_00),
};

const CSV_HEADER =
  'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary';
const CSV = [
  CSV_HEADER,
  'E-1,Ana Planted-Worker,2025-03-02,6,6,6,6,6,0,0,10.00,30,,',
  'E-1,Ana Planted-Worker,2025-03-09,10,10,10,10,10,0,0,10.00,50,,',
  'E-2,Ben Planted-Worker,2025-03-02,9,9,9,9,9,0,0,,,405.00,',
  'E-3,Cruz Planted-Worker,2025-03-02,10,10,10,10,10,10,0,,,,300.00',
].join('\n');

describe('investigation through the gateway, every service its own process', () => {
  let system: RunningSystem;
  let api: Api;
  let nc: NatsConnection;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);

    nc = await connect({ servers: system.nats.url });
  });
  afterAll(async () => {
    await nc?.close();
    await system?.stop();
  });

  const SUP = { as: 'supervisor' as const, sub: 'sue@agency.gov' };
  const INV = { as: 'investigator' as const, sub: 'ivan@agency.gov' };

  const investigation = (
    caseId: string,
    as: { as: 'supervisor' | 'investigator' | 'auditor'; sub: string } = SUP,
  ) =>
    api.request<{ version: number; status: string; investigatorId: string | null; caseNumber: string }>(
      'GET',
      `/cases/${caseId}/investigation`,
      as,
    );

  async function whenOpened(caseId: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await investigation(caseId);
      if (res.status === 200 || Date.now() > deadline) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const act = (
    caseId: string,
    path: string,
    who: { as: 'supervisor' | 'investigator' | 'auditor'; sub: string },
    body: unknown,
    version?: number,
  ) =>
    api.request<Record<string, unknown>>('POST', `/cases/${caseId}/investigation/${path}`, {
      ...who,
      body,
      headers: version !== undefined ? { 'if-match': `"${version}"` } : {},
    });

  async function upload(
    caseId: string,
    body: string | Buffer,
    contentType: string,
    query = '',
    version?: number,
  ): Promise<ApiResponse<Record<string, unknown>>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await api.token('investigator', INV.sub)}`,
      'content-type': contentType,
      ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
    };
    const path = contentType === 'text/csv' ? 'hours-and-wages' : 'evidence';
    const res = await fetch(`${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/${path}${query}`, {
      method: 'POST',
      headers,
      body,
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  function expectProblem(res: ApiResponse<unknown>, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }

  it('opens on CaseOpened, is assigned, computes back wages equal to the hand computation, and issues a determination approved by a second person', async () => {
    const caseId = await openCase(api);
    const opened = await whenOpened(caseId);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.body).toMatchObject({ status: 'open', investigatorId: null });

    // Assigning is a supervisor's: an investigator is refused by the gateway, and nothing is written.
    expectProblem(await act(caseId, 'assignment', INV, { investigatorId: INV.sub }, 1), 403);
    const assigned = await act(caseId, 'assignment', SUP, { investigatorId: INV.sub }, 1);
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get('etag')).toBe('"2"');
    // A stale If-Match is a conflict.
    expectProblem(await act(caseId, 'employers', INV, { name: 'X', role: 'direct', basis: 'x' }, 1), 409);
    const employer = await act(
      caseId,
      'employers',
      INV,
      {
        name: 'Golden Gate Car Wash LLC',
        fein: '94-1234567',
        role: 'direct',
        basis: 'Hires and pays the washers.',
      },
      2,
    );
    expect(employer.status).toBe(200);

    // A malformed CSV: 422 naming each bad row and field; nothing is written.
    const malformed = CSV.replace(
      'Ben Planted-Worker,2025-03-02,9,9,9',
      'Ben Planted-Worker,2025-03-02,9,nine,9',
    ).replace('2025-03-09', '2025-03-32');
    const bad = await upload(caseId, malformed, 'text/csv', `?employerId=${employer.body.id as string}`, 3);
    expectProblem(bad, 422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'week_start' }),
      expect.objectContaining({ row: 4, field: 'd2' }),
    ]);
    expect((await investigation(caseId)).body.version).toBe(3);

    const hours = await upload(caseId, CSV, 'text/csv', `?employerId=${employer.body.id as string}`, 3);
    expect(hours.status).toBe(200);
    expect(hours.body).toMatchObject({ version: 4, events: ['HoursAndWagesRecorded'] });

    const computed = await act(caseId, 'back-wage-computations', INV, { ruleSetIds: ['US-FLSA'] }, 4);
    expect(computed.status).toBe(200);
    const result = computed.body.result as {
      ruleSets: Array<{ id: string }>;
      workers: Array<{ unpaidWagesCents: number; liquidatedDamagesCents: number }>;
      totals: { unpaidWagesCents: number; liquidatedDamagesCents: number };
    };
    expect(result.ruleSets.map((r) => r.id)).toEqual(['US-FLSA']);
    expect(result.workers.map((w) => w.unpaidWagesCents).sort((a, b) => a - b)).toEqual(
      [HAND.ana, HAND.ben, HAND.cruz].sort((a, b) => a - b),
    );
    expect(result.totals.unpaidWagesCents).toBe(HAND.ana + HAND.ben + HAND.cruz);
    expect(result.totals.liquidatedDamagesCents).toBe(HAND.ana + HAND.ben + HAND.cruz);

    const trace = await api.request<{ verified: boolean }>(
      'GET',
      `/cases/${caseId}/investigation/back-wage-computations/${computed.body.id as string}/trace`,
      { as: 'auditor', sub: 'ig-1' },
    );
    expect(trace.status).toBe(200);
    expect(trace.body.verified).toBe(true);
    // Each worker by name, as the hours records give it (the case file shows the trace by worker).
    const traced = trace.body as unknown as { workers: Array<{ name: string | null }> };
    expect(traced.workers.map((w) => w.name).sort()).toEqual([
      'Ana Planted-Worker',
      'Ben Planted-Worker',
      'Cruz Planted-Worker',
    ]);
    // Page by page: one workweek per page, following nextCursor, gives the same workweeks.
    const traceUrl = `/cases/${caseId}/investigation/back-wage-computations/${computed.body.id as string}/trace`;
    type TracePage = { workers: Array<{ workerId: string; weeks: unknown[] }>; nextCursor: string | null };
    const weeksOf = (p: TracePage) =>
      p.workers.flatMap((w) => w.weeks.map((wk) => JSON.stringify([w.workerId, wk])));
    const paged: string[] = [];
    for (let cursor: string | null = '', pages = 0; cursor !== null && pages < 20; pages++) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api.request<TracePage>('GET', `${traceUrl}?limit=1${query}`, {
        as: 'auditor',
        sub: 'ig-1',
      });
      expect(page.status).toBe(200);
      paged.push(...weeksOf(page.body));
      const next: string | null = page.body.nextCursor;
      cursor = next;
    }
    expect(paged).toEqual(weeksOf(trace.body as unknown as TracePage));
    expect(paged.length).toBeGreaterThan(1);
    const forged = Buffer.from(JSON.stringify({ worker: 99, week: 0 })).toString('base64url');
    expectProblem(
      await api.request('GET', `${traceUrl}?cursor=${forged}`, { as: 'auditor', sub: 'ig-1' }),
      400,
    );

    await act(caseId, 'violations', INV, {
      type: 'overtime',
      statute: 'FLSA 7(a)',
      employerIds: [employer.body.id],
      periodStart: '2025-03-02',
      periodEnd: '2025-03-15',
      workersAffected: 3,
      willful: false,
      basis: 'Straight time over 40 hours; a flat weekly sum below the minimum wage.',
    });
    const proposed = await act(
      caseId,
      'determination/proposal',
      INV,
      { summary: 'Back wages owed to three workers.' },
      6,
    );
    expect(proposed.status).toBe(200);
    const determinationId = proposed.body.id as string;
    // A supervisor's "waiting for approval": the read model lists it with its next step.
    const waiting = await eventuallyListed(`/investigations?determinationStatus=proposed`, caseId);
    expect(waiting).toMatchObject({ determinationStatus: 'proposed', nextStep: 'approve_determination' });

    // Approval by the investigator themself is refused: by role at the gateway, and by identity in
    // the decider when the same person holds a supervisor token. Nothing is written either way.
    expectProblem(await act(caseId, 'determination/approval', INV, { determinationId }, 7), 403);
    const self = await act(
      caseId,
      'determination/approval',
      { as: 'supervisor', sub: INV.sub },
      { determinationId },
      7,
    );
    expectProblem(self, 403);
    expect((await investigation(caseId)).body.version).toBe(7);

    const approved = await act(caseId, 'determination/approval', SUP, { determinationId }, 7);
    expect(approved.status).toBe(200);
    const issued = await act(caseId, 'determination/issue', SUP, { determinationId }, 8);
    expect(issued.status).toBe(200);
    // The case file shows who did what when: the computation's and each step of the determination's.
    const view = (await investigation(caseId)).body as unknown as {
      computations: Array<{ computationId: string; recordedBy: string; recordedAt: string }>;
      determination: {
        proposal: { proposedBy: string };
        proposedAt: string;
        approvedBy: string;
        approvedAt: string;
        issuedAt: string;
      };
    };
    expect(view.computations).toEqual([
      expect.objectContaining({
        computationId: computed.body.id,
        recordedBy: INV.sub,
        recordedAt: expect.any(String),
      }),
    ]);
    const steps = view.determination;
    expect(steps).toMatchObject({
      proposal: { proposedBy: INV.sub },
      approvedBy: SUP.sub,
      issuedBy: SUP.sub,
    });
    expect(Date.parse(steps.proposedAt)).toBeLessThanOrEqual(Date.parse(steps.approvedAt));
    expect(Date.parse(steps.approvedAt)).toBeLessThanOrEqual(Date.parse(steps.issuedAt));
    const total = 2 * (HAND.ana + HAND.ben + HAND.cruz);
    expect(issued.body.result).toMatchObject({
      caseId,
      determinationId,
      proposedBy: INV.sub,
      approvedBy: SUP.sub,
      totals: { totalCents: total },
      liableEmployers: [{ name: 'Golden Gate Car Wash LLC', role: 'direct', fein: '94-1234567' }],
    });

    // The handoff: DeterminationIssued is on JetStream for collections.
    const published = await relayed('events.investigation.DeterminationIssued', caseId);
    expect(published).toMatchObject({ determinationId, totals: { totalCents: total } });

    // ... and collections opens its case from it alone.
    let collection = await api.request('GET', `/collections/${caseId}`, {
      as: 'collections_officer',
      sub: 'cora',
    });
    for (let i = 0; i < 150 && collection.status === 404; i++) {
      await new Promise((r) => setTimeout(r, 100));
      collection = await api.request('GET', `/collections/${caseId}`, {
        as: 'collections_officer',
        sub: 'cora',
      });
    }
    expect(collection.status).toBe(200);

    const findings = await api.request<{ items: Array<{ kind: string; label: string }> }>(
      'GET',
      `/cases/${caseId}/investigation/findings`,
      SUP,
    );
    expect(findings.status).toBe(200);
  });

  it('a supervisor reopens a closed investigation for new evidence; nothing is appended to it any other way (issue 17 item 8)', async () => {
    const caseId = await openCase(api);
    expect((await whenOpened(caseId)).status).toBe(200);
    expect((await act(caseId, 'assignment', SUP, { investigatorId: INV.sub })).status).toBe(200);
    expect((await act(caseId, 'closure', SUP, { reason: 'no_violation_found' })).status).toBe(200);
    const closedAt = (await investigation(caseId)).body.version;
    const employer = { name: 'Golden Gate Car Wash LLC', role: 'direct', basis: 'Pays the washers.' };
    expectProblem(await act(caseId, 'employers', INV, employer), 422);

    const reason = { reason: 'new_evidence', note: 'A former manager brought the real time sheets.' };
    expectProblem(await act(caseId, 'reopening', INV, reason), 403);
    expectProblem(await act(caseId, 'reopening', SUP, { note: 'no reason' }), 400);
    expect((await investigation(caseId)).body.version).toBe(closedAt);

    const reopened = await act(caseId, 'reopening', SUP, reason);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ version: closedAt + 1, events: ['InvestigationReopened'] });
    expect((await investigation(caseId)).body.status).toBe('open');
    expect((await act(caseId, 'employers', INV, employer)).status).toBe(200);
    expectProblem(await act(caseId, 'reopening', SUP, reason), 422);

    // The case index follows: closed, then under investigation again, each with its date.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await api.request<{
        items: Array<{ caseId: string; statusHistory: Array<{ status: string; at: string }> }>;
      }>('GET', '/cases?status=under_investigation&limit=200', SUP);
      const item = res.body.items?.find((c) => c.caseId === caseId);
      if (item) {
        expect(item.statusHistory.map((c) => c.status)).toEqual([
          'opened',
          'under_investigation',
          'closed',
          'under_investigation',
        ]);
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`the reopened case is not under investigation: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  });

  it('keeps evidence by its SHA-256, computed by the server from the bytes sent', async () => {
    const caseId = await openCase(api);
    expect((await whenOpened(caseId)).status).toBe(200);
    const bytes = Buffer.from('%PDF-1.4\nPay stub, week of 2025-03-02, 50 hours at $10.00\n%%EOF\n');
    const res = await upload(caseId, bytes, 'application/pdf', '?fileName=stub.pdf&description=Pay%20stub');
    expect(res.status).toBe(200);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(res.body.result).toMatchObject({
      sha256: sha,
      sizeBytes: bytes.length,
      mediaType: 'application/pdf',
    });
    const download = await fetch(
      `${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/evidence/${res.body.id as string}/content`,
      { headers: { authorization: `Bearer ${await api.token('auditor', 'ig-1')}` } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha);
    // The JSON form: base64 content, the same digest rules.
    const json = await act(caseId, 'evidence', INV, {
      contentBase64: Buffer.from('photo').toString('base64'),
      mediaType: 'image/jpeg',
    });
    expect(json.status).toBe(200);
    expect(json.body.result).toMatchObject({ sha256: createHash('sha256').update('photo').digest('hex') });
    // Hours as JSON: a bad record is named by its index (from 1) and field; nothing is written.
    const version = (await investigation(caseId)).body.version;
    const worker = '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
    const record = { workerId: worker, weekStart: '2025-03-02', hours: [8, 8, 8, 8, 8, 0, 0], pay: [] };
    const badJson = await act(caseId, 'hours-and-wages', INV, {
      source: 'worker_records',
      workers: [{ workerId: worker, name: 'Ana' }],
      records: [record, { ...record, weekStart: '2025-03-09', hours: [8, 8, 30, 8, 8, 0, 0] }],
    });
    expectProblem(badJson, 422);
    expect(badJson.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'hours[2]' })]);
    expect((await investigation(caseId)).body.version).toBe(version);
    // Over the limit: 413 before anything reaches the service.
    expectProblem(await upload(caseId, Buffer.alloc(600 * 1024), 'application/octet-stream'), 413);
  });

  it('the case file lists interviews, retaliation concerns and immigration letters without who said what; my work says what comes next', async () => {
    const caseId = await openCase(api);
    expect((await whenOpened(caseId)).status).toBe(200);
    expect(await eventuallyListed('/investigations?unassigned=true', caseId)).toMatchObject({
      nextStep: 'assign_investigator',
    });
    expect((await act(caseId, 'assignment', SUP, { investigatorId: INV.sub }, 1)).status).toBe(200);
    const worker = 'c0ffee00-0000-4000-8000-0000000000e2';
    const interview = await act(caseId, 'interviews', INV, {
      interviewee: {
        role: 'worker',
        workerId: worker,
        name: 'Planted Interviewee',
        phone: '+14155550142',
        confidentialSource: false,
      },
      interviewedOn: '2026-01-20',
      language: 'es',
      interpreterUsed: true,
      traumaInformedProtocol: true,
      summary: 'PLANTED SUMMARY',
    });
    expect(interview.status).toBe(200);
    const concern = await act(caseId, 'retaliation-concerns', INV, {
      workerIds: [worker],
      kind: 'reduced_hours',
      reportedOn: '2026-01-21',
      description: 'PLANTED DESCRIPTION',
    });
    expect(concern.status).toBe(200);
    const letter = await act(caseId, 'immigration-letter-requests', INV, {
      workerId: worker,
      program: 't_visa',
      requestedBy: 'Planted Legal Aid',
      requestedOn: '2026-01-22',
    });
    expect(letter.status).toBe(200);
    expect(
      (await act(caseId, 'immigration-letters', SUP, { letterId: letter.body.id, issuedOn: '2026-01-30' }))
        .status,
    ).toBe(200);

    const file = await api.request<Record<string, unknown>>('GET', `/cases/${caseId}/investigation`, INV);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      interviewIds: [interview.body.id],
      interviews: [
        {
          interviewId: interview.body.id,
          interviewedOn: '2026-01-20',
          role: 'worker',
          workerId: worker,
          language: 'es',
          interpreterUsed: true,
          traumaInformedProtocol: true,
          confidentialSource: false,
        },
      ],
      retaliationConcerns: [
        { concernId: concern.body.id, workerIds: [worker], kind: 'reduced_hours', reportedOn: '2026-01-21' },
      ],
      letters: [
        {
          letterId: letter.body.id,
          workerId: worker,
          program: 't_visa',
          requestedOn: '2026-01-22',
          issued: true,
          issuedOn: '2026-01-30',
          evidenceId: null,
        },
      ],
    });
    expect(JSON.stringify(file.body)).not.toMatch(/PLANTED|Planted|14155550142/);
    // The investigator's own list: hours to record next.
    expect(
      await eventuallyListed(
        `/investigations?investigatorId=${encodeURIComponent(INV.sub)}&determinationStatus=none`,
        caseId,
        6,
      ),
    ).toMatchObject({ nextStep: 'record_hours', determinationStatus: null });
  });

  /** The item of the case in a list of investigations, once the read model has it (at `version`). */
  async function eventuallyListed(
    path: string,
    caseId: string,
    version = 0,
  ): Promise<Record<string, unknown>> {
    type Page = { items: Array<Record<string, unknown>> };
    let item: Record<string, unknown> | undefined;
    for (let i = 0; i < 150; i++) {
      const page = await api.request<Page>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200`, SUP);
      expect(page.status).toBe(200);
      item = page.body.items.find((x) => x.caseId === caseId);
      if (item && (item.version as number) >= version) return item;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${caseId} not listed at ${path} (last: ${JSON.stringify(item)})`);
  }

  it('lists open investigations by priority and age, a page at a time', async () => {
    // The list is a read model: eventually consistent with the two cases opened above.
    type Page = { items: Array<{ caseId: string }>; nextCursor: string | null };
    let first = await api.request<Page>('GET', '/investigations?status=open&limit=1', SUP);
    for (let i = 0; i < 100 && first.body.nextCursor === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      first = await api.request<Page>('GET', '/investigations?status=open&limit=1', SUP);
    }
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.request<{ items: Array<{ caseId: string }> }>(
      'GET',
      `/investigations?status=open&limit=1&cursor=${first.body.nextCursor as string}`,
      SUP,
    );
    expect(second.body.items[0].caseId).not.toBe(first.body.items[0].caseId);
    expectProblem(
      await api.request('POST', `/cases/${first.body.items[0].caseId}/investigation/closure`, {
        as: 'auditor',
        sub: 'ig-1',
        body: { reason: 'administrative' },
      }),
      403,
    );
  });

  /** The data of the event relayed on `subject` for the case, waiting for the relay. */
  async function relayed(subject: string, caseId: string): Promise<Record<string, unknown> | undefined> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const consumer = await jetstream(nc).consumers.get('CASE_EVENTS', {
        filter_subjects: subject,
        deliver_policy: DeliverPolicy.All,
      });
      const messages = await consumer.fetch({ max_messages: 100, expires: 1000 });
      for await (const m of messages) {
        const event = m.json<{ metadata: { caseId?: string }; data: Record<string, unknown> }>();
        if (event.metadata.caseId === caseId) return event.data;
      }
    }
    return undefined;
  }
});
