import { randomUUID } from 'node:crypto';
import type { ComplaintEvent } from '@lse/contracts';
import { START } from '@lse/event-store';
import { eventually } from '@lse/testing';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { appendAll, storeHarness, type StoreHarness } from './harness';
import { DEFAULT_TARGETED_INDUSTRIES } from '@lse/intake-domain';
import { isoDate } from '@lse/domain';
import { listCases } from '../src/read-models/case-index/list-cases';
import { listComplaints } from '../src/read-models/complaint-queue/list-complaints';
import { findEmployer, priorCaseNumbers } from '../src/read-models/employer-index/find-employer';
import { recordViolation } from '../src/read-models/employer-index/investigation-employers';
import { sqlOf } from '../src/read-models/project-event';
import { IntakeProjector, lockedCheckpoint, rebuildIntakeReadModels } from '../src/read-models/projector';

const address = receivedComplaint().employer.address;

function receivedEvent(overrides: Parameters<typeof receivedComplaint>[0] = {}): ComplaintEvent {
  return { type: 'ComplaintReceived', data: receivedComplaint(overrides) };
}
const triaged = (priority: 'P1' | 'P2' | 'P3' | 'P4', score: number): ComplaintEvent => ({
  type: 'TriageScored',
  data: { score, priority, factors: [{ factor: 'workers_affected', points: score, explanation: 'x' }] },
});
const opened = (caseNumber: string, priority: 'P1' | 'P2' = 'P1'): ComplaintEvent => ({
  type: 'CaseOpened',
  data: { caseNumber, priority, office: 'SF-01', openedAt: '2026-01-16T10:00:00Z' },
});

describe('intake read models', () => {
  let h: StoreHarness;
  let projector: IntakeProjector;

  beforeEach(async () => {
    h = await storeHarness();
    projector = new IntakeProjector({
      dataSource: h.dataSource,
      store: h.store,
      targetedIndustries: DEFAULT_TARGETED_INDUSTRIES,
      pollIntervalMs: 50,
    });
  });
  afterEach(async () => {
    await projector.stop();
    await h.cleanup();
  });

  /** Streams appended by the test and their versions, for a read-your-writes wait. */
  let written: Map<string, number>;
  beforeEach(() => {
    written = new Map();
  });

  async function append(caseId: string, events: ComplaintEvent[]): Promise<void> {
    await appendAll(h.store, caseId, events);
    written.set(caseId, (written.get(caseId) ?? 0) + events.length);
  }

  async function project(): Promise<void> {
    await projector.start();
    await projector.waitFor([...written].map(([caseId, version]) => ({ caseId, version })));
  }

  it('lists the complaint queue with status, priority, office and industry filters, by cursor', async () => {
    const carWash = randomUUID();
    const restaurant = randomUUID();
    const office = randomUUID();
    const opened1 = randomUUID();
    await append(carWash, [receivedEvent({ receivedAt: '2026-01-10T10:00:00Z' }), triaged('P1', 80)]);
    await append(restaurant, [
      receivedEvent({
        receivedAt: '2026-01-11T10:00:00Z',
        office: 'OAK-02',
        employer: { name: 'Taqueria Uno', address, naics: '722511' },
      }),
      triaged('P3', 35),
    ]);
    await append(office, [
      receivedEvent({
        receivedAt: '2026-01-12T10:00:00Z',
        employer: { name: 'Paper Co', address, naics: '424120' },
      }),
    ]);
    await append(opened1, [
      receivedEvent({ receivedAt: '2026-01-13T10:00:00Z' }),
      triaged('P1', 90),
      opened('LSE-2026-000001'),
    ]);
    await project();

    const ids = async (filters: Parameters<typeof listComplaints>[1]) =>
      (await listComplaints(h.dataSource, filters, 50)).map((r) => r.caseId);
    expect(await ids({})).toEqual([carWash, restaurant, office, opened1]);
    expect(await ids({ status: 'received' })).toEqual([carWash, restaurant, office]);
    expect(await ids({ status: 'opened' })).toEqual([opened1]);
    expect(await ids({ priority: 'P1' })).toEqual([carWash, opened1]);
    expect(await ids({ office: 'OAK-02' })).toEqual([restaurant]);
    expect(await ids({ industry: 'restaurants' })).toEqual([restaurant]);
    expect(await ids({ industry: 'car_washes', status: 'received' })).toEqual([carWash]);
    expect(await ids({ industry: '4241' })).toEqual([office]);

    const [first] = await listComplaints(h.dataSource, {}, 1);
    expect(first).toMatchObject({
      caseId: carWash,
      status: 'received',
      priority: 'P1',
      score: 80,
      workersAffected: 12,
      ongoing: true,
      industry: 'car_washes',
      version: 2,
    });
    expect(JSON.stringify(first)).not.toContain('Planted');
    const page2 = await listComplaints(h.dataSource, {}, 2, { at: first.receivedAt, caseId: first.caseId });
    expect(page2.map((r) => r.caseId)).toEqual([restaurant, office]);

    const cases = await listCases(h.dataSource, {}, 10);
    expect(cases).toEqual([
      {
        caseId: opened1,
        caseNumber: 'LSE-2026-000001',
        employerName: 'Golden Gate Car Wash, LLC',
        status: 'opened',
        statusChangedAt: '2026-01-16T10:00:00.000Z',
        statusHistory: [{ status: 'opened', at: '2026-01-16T10:00:00.000Z' }],
        priority: 'P1',
        office: 'SF-01',
        openedAt: '2026-01-16T10:00:00.000Z',
        listedAt: '2026-01-16T10:00:00.000Z',
      },
    ]);
  });

  it('indexes complaints that end at intake (declined, referred out, duplicate, merged) with the date of the change, the same after a rebuild (issue 17 item 7)', async () => {
    const [caseA, declined, referred, crossFiled, withdrawn, duplicate, merged] = Array.from(
      { length: 7 },
      () => randomUUID(),
    );
    const referral = { receivingAgency: 'OSHA' as const, reason: 'Safety.' };
    await append(caseA, [receivedEvent(), triaged('P1', 80), opened('LSE-2026-000020')]);
    await append(declined, [
      receivedEvent(),
      triaged('P3', 30),
      { type: 'ComplaintDeclined', data: { reasonCode: 'no_violation_alleged' } },
    ]);
    await append(referred, [
      receivedEvent(),
      { type: 'ComplaintReferredOut', data: { ...referral, crossFiled: false } },
    ]);
    await append(crossFiled, [
      receivedEvent(),
      { type: 'ComplaintReferredOut', data: { ...referral, crossFiled: true } },
    ]);
    await append(withdrawn, [receivedEvent(), { type: 'ComplaintWithdrawn', data: { reason: 'Settled.' } }]);
    await append(duplicate, [
      receivedEvent(),
      { type: 'DuplicateLinked', data: { duplicateOfCaseId: caseA, reason: 'Same caller.' } },
    ]);
    await append(merged, [
      receivedEvent(),
      { type: 'ComplaintMerged', data: { intoCaseId: caseA, reason: 'Same.' } },
    ]);
    await project();

    // Each dated by the event that ended it, as the store recorded it.
    const { events } = await h.store.readAll({ limit: 1000 });
    const endedAt = (caseId: string) =>
      new Date(events.filter((e) => e.metadata.caseId === caseId).at(-1)!.recordedAt).toISOString();
    const cases = await listCases(h.dataSource, {}, 10);
    expect(cases.map((c) => [c.caseId, c.status])).toEqual([
      [caseA, 'opened'],
      [declined, 'declined'],
      [referred, 'referred_out'],
      [duplicate, 'duplicate'],
      [merged, 'merged'],
    ]);
    const at = endedAt(declined);
    expect(cases[1]).toEqual({
      caseId: declined,
      caseNumber: null,
      employerName: 'Golden Gate Car Wash, LLC',
      status: 'declined',
      statusChangedAt: at,
      statusHistory: [{ status: 'declined', at }],
      priority: 'P3',
      office: cases[1].office,
      openedAt: null,
      listedAt: at,
    });
    for (const [caseId, status] of [
      [referred, 'referred_out'],
      [duplicate, 'duplicate'],
      [merged, 'merged'],
    ] as const) {
      expect(await listCases(h.dataSource, { status }, 10)).toEqual([
        expect.objectContaining({
          caseId,
          priority: null,
          statusChangedAt: endedAt(caseId),
          statusHistory: [{ status, at: endedAt(caseId) }],
        }),
      ]);
    }
    expect((await listCases(h.dataSource, { status: 'open' }, 10)).map((c) => c.caseId)).toEqual([caseA]);
    const page2 = await listCases(h.dataSource, {}, 2, { at: cases[1].listedAt, caseId: declined });
    expect(page2.map((c) => c.caseId)).toEqual([referred, duplicate]);

    // The projection is rebuildable: the same rows from the events again, and nothing twice after.
    await projector.stop();
    await rebuildIntakeReadModels(h.dataSource, h.store, DEFAULT_TARGETED_INDUSTRIES);
    expect(await listCases(h.dataSource, {}, 10)).toEqual(cases);
    await project();
    expect(await listCases(h.dataSource, {}, 10)).toEqual(cases);
  });

  it('finds repeat violators (cases with violations found) by FEIN or name, not a namesake with another FEIN', async () => {
    const earlier = randomUUID();
    const namesake = randomUUID();
    const declined = randomUUID();
    const current = randomUUID();
    await append(earlier, [receivedEvent(), triaged('P1', 80), opened('LSE-2025-000007')]);
    await append(namesake, [
      receivedEvent({ employer: { name: 'Golden Gate Car Wash Inc', address, fein: '12-3456789' } }),
      triaged('P2', 60),
      opened('LSE-2025-000008', 'P2'),
    ]);
    await append(declined, [
      receivedEvent({ employer: { name: 'GOLDEN GATE CAR WASH', address } }),
      { type: 'ComplaintDeclined', data: { reasonCode: 'complainant_unreachable' } },
    ]);
    await append(current, [receivedEvent({ employer: { name: 'Golden Gate Car-Wash, L.L.C.', address } })]);
    await project();

    // Opened cases with no violation found do not make a repeat violator.
    expect(
      await priorCaseNumbers(h.dataSource, { name: 'Golden Gate Car-Wash, L.L.C.', address }, current),
    ).toEqual([]);
    for (const caseId of [earlier, namesake])
      await h.dataSource.transaction((em) =>
        recordViolation(sqlOf(em), h.intakeSchema.schema, caseId, {
          eventId: randomUUID(),
          schemaVersion: 1,
          data: {
            violationId: randomUUID(),
            type: 'overtime',
            statute: 'FLSA',
            employerIds: [randomUUID()],
            periodStart: '2025-03-01',
            periodEnd: '2025-03-31',
            workersAffected: 3,
            willful: false,
            basis: 'Overtime at straight time.',
          },
        } as never),
      );

    // No FEIN on the new complaint: the name decides, so both cases with violations count.
    const noFein = { name: 'Golden Gate Car-Wash, L.L.C.', address };
    expect((await priorCaseNumbers(h.dataSource, noFein, current)).sort()).toEqual([
      'LSE-2025-000007',
      'LSE-2025-000008',
    ]);
    // With the FEIN, the namesake with another FEIN is another business.
    const withFein = { ...noFein, fein: '94-1234567' };
    expect(await priorCaseNumbers(h.dataSource, withFein, current)).toEqual(['LSE-2025-000007']);
    expect(await priorCaseNumbers(h.dataSource, withFein, earlier)).toEqual([]);

    const byFein = await findEmployer(h.dataSource, { fein: '941234567' });
    expect(byFein).toHaveLength(1);
    expect(byFein[0]).toMatchObject({
      employerKey: '941234567',
      priorCases: 1,
      normalizedName: 'golden gate car wash',
    });
    expect(byFein[0].complaints.map((c) => c.caseId)).toEqual([earlier]);

    const byName = await findEmployer(h.dataSource, { name: 'golden gate car wash inc.' });
    const keys = byName.map((e) => [e.employerKey, e.complaints.length, e.priorCases]);
    expect(keys).toEqual([
      ['941234567', 1, 1],
      ['123456789', 1, 1],
      ['golden gate car wash', 2, 0],
    ]);
    expect(
      byName
        .find((e) => e.employerKey === 'golden gate car wash')
        ?.complaints.map((c) => c.status)
        .sort(),
    ).toEqual(['declined', 'received']);
  });

  it('applies amendments, assessments and every closing outcome to the queue and the employer index', async () => {
    const amended = randomUUID();
    const referred = randomUUID();
    const crossFiled = randomUUID();
    const withdrawn = randomUUID();
    const duplicate = randomUUID();
    const newEmployer = { name: 'Bay Bistro Inc.', address, fein: '94-7654321', naics: '722511' };
    const allegation = {
      type: 'minimum_wage' as const,
      periodStart: isoDate('2025-06-01'),
      ongoing: false,
      workersAffected: 3,
    };
    await append(amended, [
      receivedEvent({ receivedAt: '2026-01-10T10:00:00Z' }),
      { type: 'JurisdictionAssessed', data: { inJurisdiction: true, statutes: ['FLSA'], reason: 'x' } },
      {
        type: 'LimitationsAssessed',
        data: {
          statute: 'FLSA',
          periodYears: 2,
          willful: false,
          assessedOn: isoDate('2026-01-10'),
          earliestRecoverableDate: isoDate('2024-01-10'),
          expiresOn: isoDate('2026-03-01'),
          daysRemaining: 50,
          warning: 'expiring_soon',
        },
      },
      {
        type: 'ComplaintAmended',
        data: { changes: { employer: newEmployer, allegations: [allegation] }, reason: 'Corrected.' },
      },
    ]);
    const referral = { receivingAgency: 'OSHA' as const, reason: 'Safety.' };
    await append(referred, [
      receivedEvent({ receivedAt: '2026-01-11T10:00:00Z' }),
      { type: 'ComplaintReferredOut', data: { ...referral, crossFiled: false } },
    ]);
    await append(crossFiled, [
      receivedEvent({ receivedAt: '2026-01-12T10:00:00Z' }),
      { type: 'ComplaintReferredOut', data: { ...referral, crossFiled: true } },
    ]);
    await append(withdrawn, [
      receivedEvent({ receivedAt: '2026-01-13T10:00:00Z' }),
      { type: 'ComplaintWithdrawn', data: { reason: 'Settled.' } },
    ]);
    await append(duplicate, [
      receivedEvent({ receivedAt: '2026-01-14T10:00:00Z' }),
      { type: 'DuplicateLinked', data: { duplicateOfCaseId: amended, reason: 'Same caller.' } },
    ]);
    await project();

    const rows = await listComplaints(h.dataSource, {}, 10);
    expect(rows.map((r) => [r.caseId, r.status, r.version])).toEqual([
      [amended, 'received', 4],
      [referred, 'referred_out', 2],
      [crossFiled, 'received', 2],
      [withdrawn, 'withdrawn', 2],
      [duplicate, 'duplicate', 2],
    ]);
    expect(rows[0]).toMatchObject({
      employerName: 'Bay Bistro Inc.',
      naics: '722511',
      industry: 'restaurants',
      workersAffected: 3,
      ongoing: false,
      limitationsExpiresOn: '2026-03-01',
      limitationsWarning: 'expiring_soon',
    });
    const [bistro] = await findEmployer(h.dataSource, { fein: '947654321' });
    expect(bistro).toMatchObject({ employerKey: '947654321', names: ['Bay Bistro Inc.'] });
    expect(bistro.complaints.map((c) => c.caseId)).toEqual([amended]);
    const statuses = Object.fromEntries(
      (await findEmployer(h.dataSource, { name: 'Golden Gate Car Wash LLC' }))
        .flatMap((g) => g.complaints)
        .map((c) => [c.caseId, c.status]),
    );
    expect(statuses).toEqual({
      [referred]: 'referred_out',
      [crossFiled]: 'received',
      [withdrawn]: 'withdrawn',
      [duplicate]: 'duplicate',
    });
  });

  it('writes a batch and its checkpoint in one transaction: a failing event leaves no partial row', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await append(a, [receivedEvent(), triaged('P1', 80), opened('LSE-2026-000009')]);
    // A second case with the same number breaks the case index's unique constraint.
    await append(b, [receivedEvent(), triaged('P1', 80), opened('LSE-2026-000009')]);
    // Both appends have committed (readAfter could hold them back behind other suites' transactions).
    const { events } = await h.store.readAll({ categories: ['complaint'] });
    const last = events[events.length - 1];
    const batch = { events, checkpoint: { txId: last.txId, position: last.globalPosition } };
    expect(batch.events).toHaveLength(6);

    await expect(projector.handleBatch(batch.events, batch.checkpoint)).rejects.toThrow(
      /case_index_case_number|duplicate key/,
    );
    expect(await listComplaints(h.dataSource, {}, 10)).toEqual([]);
    expect(await listCases(h.dataSource, {}, 10)).toEqual([]);
    expect(await h.dataSource.transaction((em) => lockedCheckpoint(em))).toEqual(START);

    // Without the offending event the same batch goes through, checkpoint and all.
    await projector.handleBatch(batch.events.slice(0, 5), batch.checkpoint);
    expect((await listComplaints(h.dataSource, {}, 10)).map((r) => r.caseId)).toHaveLength(2);
    expect(await h.dataSource.transaction((em) => lockedCheckpoint(em))).toEqual(batch.checkpoint);
  });

  it('applies each event once even with two projector replicas', async () => {
    const other = new IntakeProjector({
      dataSource: h.dataSource,
      store: h.store,
      targetedIndustries: [],
      pollIntervalMs: 20,
      batchSize: 3,
    });
    const cases = Array.from({ length: 8 }, () => randomUUID());
    await Promise.all([projector.start(), other.start()]);
    try {
      for (const id of cases) await append(id, [receivedEvent(), triaged('P2', 55)]);
      await projector.waitFor(cases.map((caseId) => ({ caseId, version: 2 })));
      const rows = await listComplaints(h.dataSource, {}, 50);
      expect(rows.map((r) => r.caseId).sort()).toEqual([...cases].sort());
      expect(rows.every((r) => r.version === 2 && r.priority === 'P2')).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('rebuilds from position 0 with progress', async () => {
    const a = randomUUID();
    await append(a, [receivedEvent(), triaged('P1', 80), opened('LSE-2026-000010')]);
    await project();
    await projector.stop();
    await h.dataSource.query(`DELETE FROM "${h.intakeSchema.schema}".case_index`);
    await h.dataSource.query(`UPDATE "${h.intakeSchema.schema}".complaint_queue SET status = 'tampered'`);

    const seen: number[] = [];
    const result = await rebuildIntakeReadModels(h.dataSource, h.store, DEFAULT_TARGETED_INDUSTRIES, (p) =>
      seen.push(p.events),
    );
    expect(result.events).toBe(3);
    expect(seen).toEqual([3]);
    expect((await listComplaints(h.dataSource, {}, 10))[0]).toMatchObject({
      caseId: a,
      status: 'opened',
      caseNumber: 'LSE-2026-000010',
    });
    expect(await listCases(h.dataSource, {}, 10)).toHaveLength(1);
    // The live projector resumes after the rebuild's checkpoint: nothing is applied twice.
    await project();
    expect(await listCases(h.dataSource, {}, 10)).toHaveLength(1);
  });

  it('opens cases received in the same batch and a run of cases opened together, with a failing one refused whole', async () => {
    const ids = Array.from({ length: 4 }, () => randomUUID());
    // All received and triaged first, then all opened: one run of four CaseOpened in one batch.
    for (const id of ids) await append(id, [receivedEvent(), triaged('P2', 55)]);
    for (const [i, id] of ids.entries()) await append(id, [opened(`LSE-2026-00010${i}`, 'P2')]);
    // Below the server-wide transaction horizon, which another suite's open transaction holds back.
    const all = await eventually(
      () => h.store.readAfter(START, { limit: 100 }),
      (read) => read.events.length >= 12,
      20_000,
    );
    expect(all.events.map((e) => e.type).slice(-4)).toEqual(Array(4).fill('CaseOpened'));
    await projector.handleBatch(all.events, all.checkpoint);

    const cases = await listCases(h.dataSource, {}, 10);
    expect(cases.map((c) => [c.caseId, c.caseNumber, c.priority, c.employerName]).sort()).toEqual(
      ids.map((id, i) => [id, `LSE-2026-00010${i}`, 'P2', receivedComplaint().employer.name]).sort(),
    );
    const queue = await listComplaints(h.dataSource, {}, 10);
    expect(queue.every((r) => r.status === 'opened' && r.version === 3)).toBe(true);
    const employers = await h.dataSource.query(
      `SELECT status, case_number FROM "${h.intakeSchema.schema}".employer_index ORDER BY case_number`,
    );
    expect(employers).toEqual(ids.map((_, i) => ({ status: 'opened', case_number: `LSE-2026-00010${i}` })));

    // A CaseOpened whose complaint was never received: the whole batch is refused, nothing written.
    const stray = randomUUID();
    await append(stray, [opened('LSE-2026-000999')]);
    let next = await h.store.readAfter(all.checkpoint, { limit: 100 });
    for (const deadline = Date.now() + 20_000; next.events.length < 1 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
      next = await h.store.readAfter(all.checkpoint, { limit: 100 });
    }
    await expect(projector.handleBatch(next.events, next.checkpoint)).rejects.toThrow(
      /no employer index row/,
    );
    expect(await listCases(h.dataSource, {}, 10)).toHaveLength(4);
  });
});
