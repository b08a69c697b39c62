import { randomUUID } from 'node:crypto';
import type { CollectionEvent } from '@lse/contracts';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { collectionDecider, debtorStatement } from '@lse/collections-domain';
import { replay } from '@lse/domain';
import { opening, PLANTED_CONFIDENTIAL, W1, W2, W3 } from '@lse/collections-domain/test/fixtures';
import type { DataSource } from 'typeorm';
import { migrateCollections } from '../src/migrate';
import { createCollectionsDataSource } from '../src/read-models/data-source';
import { projectCase } from '../src/read-models/project-case';
import {
  collectionRate,
  listDefaults,
  listInstallmentsDue,
  listReceivables,
} from '../src/read-models/queries';
import { renderDebtorStatement } from '../src/statements/render-html';

/** Read models on the real PostgreSQL: aging buckets at their edges, installments due, defaults, rate. */
describe('collections read models', () => {
  let db: TestSchema;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestSchema('collrm');
    await migrateCollections({ connectionString: db.url, schema: db.schema });
    ds = createCollectionsDataSource({ connectionString: db.url, schema: db.schema, poolMax: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const plan = (planId: string, dues: string[]): CollectionEvent =>
    ({
      type: 'PaymentPlanEstablished',
      data: {
        planId,
        basis: 'voluntary',
        establishedOn: '2026-01-01',
        installments: dues.map((dueOn, i) => ({ installmentNo: i + 1, dueOn, amountCents: 100_000 })),
      },
    }) as unknown as CollectionEvent;

  async function project(events: CollectionEvent[], office = 'AGE-01'): Promise<string> {
    const caseId = randomUUID();
    const first = { ...events[0], data: { ...(events[0].data as object), office } } as CollectionEvent;
    await ds.transaction((em) => projectCase(em, caseId, [first, ...events.slice(1)], events.length));
    return caseId;
  }
  const opened = { type: 'CollectionCaseOpened', data: opening() } as CollectionEvent;

  it('puts receivables in aging buckets by the oldest unpaid due date: 30 | 31, 60 | 61, 90 | 91 days', async () => {
    const today = '2026-06-30';
    const ages = [30, 31, 60, 61, 90, 91];
    const ids: Record<number, string> = {};
    for (const age of ages) {
      const due = new Date(Date.parse(`${today}T00:00:00Z`) - age * 86_400_000).toISOString().slice(0, 10);
      ids[age] = await project([opened, plan(randomUUID(), [due])]);
    }
    const items = await listReceivables(ds, db.schema, { office: 'AGE-01' }, 100, undefined, today);
    const bucketOf = (age: number) => items.find((i) => i.caseId === ids[age])?.bucket;
    expect(ages.map(bucketOf)).toEqual(['0-30', '31-60', '31-60', '61-90', '61-90', '90+']);
    expect(items.find((i) => i.caseId === ids[91])).toMatchObject({ ageDays: 91, outstandingCents: 200_000 });
    const old = await listReceivables(
      ds,
      db.schema,
      { office: 'AGE-01', bucket: '90+' },
      100,
      undefined,
      today,
    );
    expect(old.map((i) => i.caseId)).toEqual([ids[91]]);
    // Keyset pages: oldest first, no row twice.
    const first = await listReceivables(ds, db.schema, { office: 'AGE-01' }, 2, undefined, today);
    const next = await listReceivables(
      ds,
      db.schema,
      { office: 'AGE-01' },
      10,
      { at: first[1].agingFrom, caseId: first[1].caseId },
      today,
    );
    expect([...first, ...next].map((i) => i.caseId).sort()).toEqual(Object.values(ids).sort());
  });

  it('lists unpaid installments due in the next days, and defaulted plans', async () => {
    const planId = randomUUID();
    const caseId = await project([opened, plan(planId, ['2026-07-03', '2026-07-20'])], 'DUE-01');
    const due = await listInstallmentsDue(ds, db.schema, { office: 'DUE-01' }, 10, undefined, '2026-06-30');
    expect(due.map((i) => [i.caseId, i.installmentNo, i.dueOn])).toEqual([[caseId, 1, '2026-07-03']]);
    const missed = {
      type: 'InstallmentMissed',
      data: { planId, installmentNo: 1, dueOn: '2026-07-03', amountDueCents: 100_000 },
    } as unknown as CollectionEvent;
    const defaulted = {
      type: 'DefaultDeclared',
      data: { planId, declaredOn: '2026-07-10', missedInstallments: [1], balanceDueCents: 200_000 },
    } as unknown as CollectionEvent;
    const caseInDefault = await project(
      [opened, plan(planId, ['2026-07-03', '2026-07-20']), missed, defaulted],
      'DUE-01',
    );
    const defaults = await listDefaults(ds, db.schema, { office: 'DUE-01' }, 10, undefined);
    expect(defaults.map((d) => [d.caseId, d.missedInstallments, d.balanceDueCents])).toEqual([
      [caseInDefault, [1], 200_000],
    ]);
  });

  it('computes the collection rate by office', async () => {
    const paid = {
      type: 'PaymentReceived',
      data: {
        paymentId: randomUUID(),
        debtorId: opening().debtors[0].debtorId,
        amountCents: 50_000,
        receivedOn: '2026-02-10',
        method: 'check',
        allocations: [
          { workerId: W1, amountCents: 25_000 },
          { workerId: W2, amountCents: 15_000 },
          { workerId: W3, amountCents: 10_000 },
        ],
      },
    } as unknown as CollectionEvent;
    await project([opened, paid], 'RATE-01');
    await project([opened], 'RATE-01');
    const groups = await collectionRate(ds, db.schema, { groupBy: 'office' });
    expect(groups.find((g) => g.group === 'RATE-01')).toEqual({
      group: 'RATE-01',
      cases: 2,
      assessedCents: 400_000,
      collectedCents: 50_000,
      rate: 0.125,
    });
  });

  it('escapes everything on the printable statement and leaves the confidential worker off it', () => {
    const hostile = {
      ...opening(),
      debtors: [{ ...opening().debtors[0], name: '<script>alert("x")</script> & Co' }],
    };
    const state = replay(collectionDecider(), [
      { type: 'CollectionCaseOpened', data: hostile },
    ]);
    const html = renderDebtorStatement(
      debtorStatement(state, randomUUID(), hostile.debtors[0].debtorId, '2026-03-01'),
    );
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(PLANTED_CONFIDENTIAL);
    expect(html).not.toContain(W2);
    // One confidential worker of three: neither the count nor any worker's amount is printed, or
    // the total less the named workers' amounts would give hers ($600.00).
    expect(html).toContain('identities withheld');
    expect(html).not.toContain('1 worker(s)');
    expect(html).not.toContain('$600.00');
    expect(html).not.toContain('$1,000.00');
  });
});
