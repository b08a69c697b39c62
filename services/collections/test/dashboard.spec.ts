import { randomUUID } from 'node:crypto';
import type { CollectionEvent } from '@lse/contracts';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { opening, W1, W2, W3 } from '@lse/collections-domain/test/fixtures';
import type { DataSource } from 'typeorm';
import { migrateCollections } from '../src/migrate';
import { collectionsDashboard } from '../src/read-models/dashboard';
import { createCollectionsDataSource } from '../src/read-models/data-source';
import { projectCase } from '../src/read-models/project-case';
import {
  collectionRate,
  listDefaults,
  listInstallmentsDue,
  listReceivables,
} from '../src/read-models/queries';

/**
 * The dashboard's money figures and the receivables' industry filter on the real PostgreSQL,
 * against sums worked out by hand. Every case assesses $2,000.00 (the fixture's three workers).
 */
describe('collections dashboard and receivables filters', () => {
  let db: TestSchema;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestSchema('colldash');
    await migrateCollections({ connectionString: db.url, schema: db.schema });
    ds = createCollectionsDataSource({ connectionString: db.url, schema: db.schema, poolMax: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const opened = (office: string, naics: string, openedOn: string) =>
    ({
      type: 'CollectionCaseOpened',
      data: { ...opening(), office, naics, openedOn },
    }) as unknown as CollectionEvent;
  const paid = (amountCents: number, receivedOn: string) =>
    ({
      type: 'PaymentReceived',
      data: {
        paymentId: randomUUID(),
        debtorId: opening().debtors[0].debtorId,
        amountCents,
        receivedOn,
        method: 'check',
        // The fixture's workers are owed 50%, 30% and 20%.
        allocations: [
          { workerId: W1, amountCents: amountCents / 2 },
          { workerId: W2, amountCents: (amountCents * 3) / 10 },
          { workerId: W3, amountCents: amountCents / 5 },
        ],
      },
    }) as unknown as CollectionEvent;
  const disbursed = (amountCents: number, issuedOn: string) =>
    ({
      type: 'DisbursementIssued',
      data: { disbursementId: randomUUID(), workerId: W1, amountCents, issuedOn, method: 'check' },
    }) as unknown as CollectionEvent;

  async function project(events: CollectionEvent[]): Promise<string> {
    const caseId = randomUUID();
    await ds.transaction((em) => projectCase(em, caseId, events, events.length));
    return caseId;
  }

  it('sums assessed, collected and disbursed with the rate, by month, office and sector, within the filters', async () => {
    await project([
      opened('DASH-A', '811192', '2026-02-01'),
      paid(50_000, '2026-02-10'),
      disbursed(20_000, '2026-02-20'),
    ]);
    await project([opened('DASH-A', '722511', '2026-03-05')]);
    await project([opened('DASH-B', '811192', '2026-03-20'), paid(100_000, '2026-03-25')]);
    const money = (
      group: string,
      cases: number,
      assessed: number,
      collected: number,
      disbursedCents: number,
    ) => ({
      group,
      cases,
      assessedCents: assessed,
      collectedCents: collected,
      disbursedCents,
      rate: assessed ? Math.round((collected / assessed) * 10_000) / 10_000 : null,
    });

    const all = await collectionsDashboard(ds, db.schema, {});
    expect(all.totals).toEqual(money('all', 3, 600_000, 150_000, 20_000));
    expect(all.byMonth).toEqual([
      money('2026-02', 1, 200_000, 50_000, 20_000),
      money('2026-03', 2, 400_000, 100_000, 0),
    ]);
    expect(all.byOffice).toEqual([
      money('DASH-A', 2, 400_000, 50_000, 20_000),
      money('DASH-B', 1, 200_000, 100_000, 0),
    ]);
    expect(all.byIndustry).toEqual([money('72', 1, 200_000, 0, 0), money('81', 2, 400_000, 150_000, 20_000)]);

    const officeSince = await collectionsDashboard(ds, db.schema, {
      office: 'DASH-A',
      from: '2026-03-01',
    } as never);
    expect(officeSince.totals).toEqual(money('all', 1, 200_000, 0, 0));
    const sectorUntil = await collectionsDashboard(ds, db.schema, {
      industry: '81',
      to: '2026-02-28',
    } as never);
    expect(sectorUntil.totals).toEqual(money('all', 1, 200_000, 50_000, 20_000));
    const none = await collectionsDashboard(ds, db.schema, { office: 'NOWHERE' });
    expect(none).toEqual({ totals: money('all', 0, 0, 0, 0), byMonth: [], byOffice: [], byIndustry: [] });
  });

  it('filters receivables, installments and defaults by sector, and lists missed installments', async () => {
    const planId = randomUUID();
    const plan = {
      type: 'PaymentPlanEstablished',
      data: {
        planId,
        basis: 'voluntary',
        establishedOn: '2026-06-01',
        installments: [
          { installmentNo: 1, dueOn: '2026-06-10', amountCents: 100_000 },
          { installmentNo: 2, dueOn: '2026-07-03', amountCents: 100_000 },
        ],
      },
    } as unknown as CollectionEvent;
    const missed = {
      type: 'InstallmentMissed',
      data: { planId, installmentNo: 1, dueOn: '2026-06-10', amountDueCents: 100_000 },
    } as unknown as CollectionEvent;
    const defaulted = {
      type: 'DefaultDeclared',
      data: { planId, declaredOn: '2026-06-25', missedInstallments: [1], balanceDueCents: 200_000 },
    } as unknown as CollectionEvent;
    const food = await project([opened('SECT-01', '722511', '2026-05-01'), plan, missed]);
    const carWash = await project([opened('SECT-01', '811192', '2026-05-01'), plan, missed, defaulted]);
    const today = '2026-06-30';

    const receivables = await listReceivables(
      ds,
      db.schema,
      { office: 'SECT-01', industry: '72' },
      10,
      undefined,
      today,
    );
    expect(receivables.map((r) => [r.caseId, r.industry])).toEqual([[food, '72']]);

    const due = await listInstallmentsDue(
      ds,
      db.schema,
      { office: 'SECT-01', industry: '72' },
      10,
      undefined,
      today,
    );
    expect(due.map((i) => [i.caseId, i.installmentNo])).toEqual([[food, 2]]);
    const missedOnes = await listInstallmentsDue(
      ds,
      db.schema,
      { office: 'SECT-01', status: 'missed' },
      10,
      undefined,
      today,
    );
    expect(missedOnes.map((i) => [i.caseId, i.installmentNo, i.dueOn, i.remainingCents])).toEqual(
      [
        [food, 1, '2026-06-10', 100_000],
        [carWash, 1, '2026-06-10', 100_000],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    const defaults = await listDefaults(ds, db.schema, { office: 'SECT-01', industry: '81' }, 10, undefined);
    expect(defaults.map((d) => d.caseId)).toEqual([carWash]);
    expect(await listDefaults(ds, db.schema, { office: 'SECT-01', industry: '72' }, 10, undefined)).toEqual(
      [],
    );

    const rate = await collectionRate(ds, db.schema, {
      groupBy: 'period',
      office: 'SECT-01',
      industry: '81',
    });
    expect(rate).toEqual([
      { group: '2026-05', cases: 1, assessedCents: 200_000, collectedCents: 0, rate: 0 },
    ]);
  });
});
