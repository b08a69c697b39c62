/**
 * Reads of personal data are recorded (docs/architecture.md#recorded-reads), with every service
 * its own process: the demo scenario seeded over HTTP, then a collections officer reads a worker's and the
 * employer's statement, a partner reads its referral, the liaison the disclosure ledger and the
 * referral list. Each read is RecordAccessed in the event store (who, role, organization, what)
 * by the time the answer arrives. With audit stopped, the same reads fail and disclose nothing,
 * while a route that reads no personal data still answers.
 */
import { Pool } from 'pg';
import { accessStreamId, type RecordAccessed } from '@lse/contracts';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { PostgresEventStore, type RecordedEvent } from '@lse/event-store';
import { mintDevToken } from '@lse/gateway/src/auth/mint-token';
import { DemoApi, type Who } from '../../scripts/demo/api';
import { runScenario, type ScenarioResult } from '../../scripts/demo/scenario';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(240_000);

type Access = RecordedEvent & { data: RecordAccessed };

describe('reads of personal data through the gateway are recorded, or refused', () => {
  let system: RunningSystem;
  let api: DemoApi;
  let r: ScenarioResult;
  let pool: Pool;
  // Reads as the services do: personal fields opened (docs/architecture.md#crypto-shredding).
  let store: SealedEventStore;
  const progress: string[] = [];

  beforeAll(async () => {
    system = await startSystem();
    api = new DemoApi(system.gatewayUrl);
    try {
      r = await runScenario(api, { waitMs: 60_000, log: (line) => progress.push(line) });
    } catch (err) {
      const tail = [...system.logs].map(([s, l]) => `--- ${s}\n${l.slice(-10).join('\n')}`).join('\n');
      throw new Error(`${(err as Error).message}\nprogress:\n${progress.join('\n')}\n${tail}`);
    }
    pool = new Pool({ connectionString: system.databaseUrl, max: 2 });
    store = sealedStore(new PostgresEventStore({ pool, service: 'e2e-reader' }));
  });
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
  });

  /** What `who` read, as recorded: on the case's access stream, or on the reader's own. */
  const accesses = async (who: Who, caseId?: string): Promise<Access[]> => {
    const stream = accessStreamId(caseId ?? uuidV5(`reader:${who.sub}`, NAMESPACE_LSE));
    return (await store.readStream(stream)).filter((e) => e.metadata.actor.id === who.sub) as Access[];
  };
  const actor = (who: Who) =>
    who.org ? { id: who.sub, role: who.as, org: who.org } : { id: who.sub, role: who.as };

  it('a worker’s statement and the employer’s statement: each read is on the case as RecordAccessed, actor and role', async () => {
    const caseId = r.carWash.caseId;
    const who: Who = { as: 'collections_officer', sub: 'statement-reader@agency.gov' };
    const worker = r.carWash.collection.workers.find((w) => !w.confidentialityRequested)!;
    const statement = await api.send<{ worker: { name: string } }>(
      'GET',
      `/collections/${caseId}/statements/workers/${worker.workerId}`,
      who,
    );
    expect(statement.status).toBe(200);
    expect(statement.body.worker.name).toBe(worker.name);
    // Recorded before the answer left: no waiting here.
    expect(await accesses(who, caseId)).toEqual([
      expect.objectContaining({
        type: 'RecordAccessed',
        data: {
          resource: 'worker-statement',
          caseId,
          subjectId: worker.workerId,
          operation: 'GET /api/v1/collections/:caseId/statements/workers/:workerId',
          accessedAt: expect.any(String),
        },
        metadata: expect.objectContaining({ caseId, actor: actor(who), sourceService: 'audit' }),
      }),
    ]);

    const debtor = r.carWash.collection.debtors[0];
    const html = await api.send<string>(
      'GET',
      `/collections/${caseId}/statements/debtors/${debtor.debtorId}?format=html`,
      who,
    );
    expect(html.status).toBe(200);
    expect(html.body).toContain('<html');
    const reads = await accesses(who, caseId);
    expect(reads.map((e) => [e.data.resource, e.data.subjectId])).toEqual([
      ['worker-statement', worker.workerId],
      ['debtor-statement', debtor.debtorId],
    ]);
  });

  it('a partner reading its referral, the liaison the disclosure ledger and the referral list: recorded with actor, role and organization', async () => {
    const caseId = r.carWash.caseId;
    const partner = r.partners.workerCenter.staff;
    expect(partner.org).toEqual(expect.any(String));
    const before = (await accesses(partner, caseId)).length; // the scenario's partner read it too
    const referral = await api.send<{ consents: Array<{ workerId: string }> }>(
      'GET',
      `/referrals/${caseId}`,
      partner,
    );
    expect(referral.status).toBe(200);
    expect(referral.body.consents.map((c) => c.workerId).sort()).toEqual(
      [...r.carWash.referredWorkerIds].sort(),
    );
    const partnerReads = await accesses(partner, caseId);
    expect(partnerReads).toHaveLength(before + 1);
    expect(partnerReads.at(-1)).toMatchObject({
      type: 'RecordAccessed',
      data: { resource: 'referral', caseId, operation: 'GET /api/v1/referrals/:id' },
      metadata: { caseId, actor: actor(partner) },
    });

    const liaison: Who = { as: 'partner_liaison', sub: 'ledger-reader@agency.gov' };
    const ledger = await api.send<{ items: unknown[] }>('GET', `/disclosures?referralId=${caseId}`, liaison);
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.length).toBeGreaterThan(0);
    expect((await accesses(liaison, caseId)).map((e) => [e.data.resource, e.data.operation])).toEqual([
      ['disclosure-ledger', 'GET /api/v1/disclosures'],
    ]);
    // A list of no single case: on the reader's own access stream, without a case.
    expect((await api.send('GET', '/referrals', liaison)).status).toBe(200);
    const own = await accesses(liaison);
    expect(own.map((e) => [e.data.resource, e.data.caseId, e.metadata.actor])).toEqual([
      ['referral-list', undefined, actor(liaison)],
    ]);
  });

  it('with audit down, a read that cannot be recorded fails and discloses nothing; a route reading no personal data still answers', async () => {
    const caseId = r.carWash.caseId;
    const worker = r.carWash.collection.workers.find((w) => !w.confidentialityRequested)!;
    const who: Who = { as: 'collections_officer', sub: 'reader-without-audit@agency.gov' };
    const partner = r.partners.workerCenter.staff;
    system.supervisor.kill('audit');
    const get = async (path: string, as: Who) => {
      const res = await fetch(`${system.gatewayUrl}/api/v1${path}`, {
        headers: {
          authorization: `Bearer ${await mintDevToken({ roles: [as.as], sub: as.sub, org: as.org })}`,
        },
      });
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    };
    // Still answers: it reads no personal data, so it records nothing and needs no audit.
    expect((await get('/collection-reports/receivables', who)).status).toBe(200);

    const statement = await get(`/collections/${caseId}/statements/workers/${worker.workerId}`, who);
    expect([503, 504]).toContain(statement.status);
    expect(statement.type).toContain('application/problem+json');
    expect(statement.text).not.toContain(worker.name);
    expect(statement.text).not.toContain(worker.workerId);

    const referral = await get(`/referrals/${caseId}`, partner);
    expect([503, 504]).toContain(referral.status);
    expect(referral.type).toContain('application/problem+json');
    for (const workerId of r.carWash.referredWorkerIds) expect(referral.text).not.toContain(workerId);
    expect(await accesses(who, caseId)).toEqual([]);
  });
});
