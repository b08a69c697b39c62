/**
 * Erasing a person, and proof that nothing of them is left in clear (issue 22, items 7 and 9):
 * HTTP -> gateway -> NATS -> every service its own process -> PostgreSQL, on a database and a
 * nats-server of the suite's own. A distinctive identity is planted in a complaint, the person is
 * erased, and the planted strings are looked for in a pg_dump of the whole database, in every
 * JetStream message and in the store's files, and in every service's log output.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Pool } from 'pg';
import { DemoApi } from '../../scripts/demo/api';
import { CAR_WASH, STAFF } from '../../scripts/demo/data';
import { runScenario, type ScenarioResult } from '../../scripts/demo/scenario';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(240_000);

const tag = randomBytes(4).toString('hex');
const digits = String(parseInt(tag.slice(0, 4), 16) % 10_000).padStart(4, '0');
const PLANTED = {
  name: `Zebulon Quixotl-${tag}`,
  phone: `+1 415 555 ${digits}`,
  email: `zebulon.${tag}@example.org`,
  street: `${tag} Quixotl Lane`,
};
/**
 * The complaint's narrative (an allegation's description: personal free text, sealed under the
 * case's key) names the complainant by name and phone: those spans go with the complainant's key.
 */
const narrative = (name: string, phone: string) =>
  `Paid straight time for every hour over 40; ${name} kept a log of each shift, reachable at ${phone} after 6 pm.`;
const NARRATIVE = narrative(PLANTED.name, PLANTED.phone);
const NARRATIVE_ERASED = narrative('[erased]', '[erased]');
type ComplaintView = {
  complaint: {
    complainants: Array<{ complainantId: string; name?: string; phone?: string }>;
    allegations: Array<{ description?: string }>;
  };
};

/** Every file under a directory, recursively (JetStream's store). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('erasing a person through the gateway: nothing of them is left in clear', () => {
  let system: RunningSystem;
  let api: Api;
  let nc: NatsConnection;
  let caseId: string;
  let complainantId: string;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    nc = await connect({ servers: system.nats.url });
    const base = receiveInput();
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: 'officer-7',
      body: {
        ...base,
        complainants: [
          {
            ...base.complainants[0],
            name: PLANTED.name,
            phone: PLANTED.phone,
            email: PLANTED.email,
            address: { street: PLANTED.street, city: 'San Francisco', state: 'CA', postalCode: '94110' },
          },
        ],
        allegations: [{ ...base.allegations[0], description: NARRATIVE }, ...base.allegations.slice(1)],
      },
    });
    expect(received.status).toBe(201);
    caseId = received.body.caseId;
    for (const [path, body] of [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }],
      ['triage', {}],
      ['open', {}],
    ] as const) {
      const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        sub: 'officer-7',
        body,
      });
      expect(res.status).toBe(200);
    }
    const complaint = await api.request<ComplaintView>('GET', `/complaints/${caseId}`, {
      as: 'investigator',
      sub: 'inv-3',
    });
    expect(complaint.status).toBe(200);
    expect(complaint.body.complaint.complainants[0].name).toBe(PLANTED.name);
    // Before the erasure staff read the narrative as written, the name in it.
    expect(complaint.body.complaint.allegations[0].description).toBe(NARRATIVE);
    complainantId = complaint.body.complaint.complainants[0].complainantId;
  });

  afterAll(async () => {
    if (process.env.DEBUG_E2E) for (const [s, l] of system.logs) console.log(s, l.join('\n'));
    await nc?.drain();
    await system?.stop();
  });

  const erase = (key = randomUUID(), cases: 'all' | string[] = 'all') =>
    api.request<Record<string, unknown>>('POST', '/erasures', {
      as: 'supervisor',
      sub: 'sup-2',
      headers: { 'idempotency-key': key },
      body: {
        subject: { kind: 'complainant', id: complainantId },
        cases,
        basis: 'data_subject_request',
        reason: 'The complainant asked to be erased under the agency privacy policy.',
      },
    });

  it('refuses the erasure with 409 naming the hold while a legal hold is on the case, and erases nothing', async () => {
    const hold = await api.request<{ holdId: string }>('POST', `/cases/${caseId}/legal-holds`, {
      as: 'auditor',
      sub: 'ig-1',
      headers: { 'idempotency-key': randomUUID() },
      body: { matterId: `matter-${tag}`, reason: 'Preserve for litigation.', orderedBy: 'Counsel' },
    });
    expect(hold.status).toBe(201);
    const refused = await erase();
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toContain(`hold ${hold.body.holdId}`);
    expect(refused.body.detail).toContain(`case ${caseId}`);
    const still = await api.request<{ complaint: { complainants: Array<{ name?: string }> } }>(
      'GET',
      `/complaints/${caseId}`,
      {
        as: 'investigator',
        sub: 'inv-3',
      },
    );
    expect(still.body.complaint.complainants[0].name).toBe(PLANTED.name);
    const lifted = await api.request('POST', `/cases/${caseId}/legal-holds/${hold.body.holdId}/lift`, {
      as: 'auditor',
      sub: 'ig-1',
      headers: { 'idempotency-key': randomUUID() },
      body: { reason: 'Matter settled.' },
    });
    expect(lifted.status).toBe(200);
  });

  it('refuses a role that may not erase (the auditor keeps the records, does not destroy them)', async () => {
    const res = await api.request('POST', '/erasures', {
      as: 'auditor',
      sub: 'ig-1',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        subject: { kind: 'complainant', id: complainantId },
        cases: 'all',
        basis: 'court_order',
        reason: 'x',
      },
    });
    expect(res.status).toBe(403);
  });

  it('erases once the hold is lifted: recorded, key destroyed, the case reads [erased] at once, again is idempotent', async () => {
    const partial = await erase(randomUUID(), [randomUUID()]);
    expect(partial.status).toBe(409);
    expect(partial.body.detail).toContain(caseId);
    expect(partial.body.detail).toMatch(/name them all/);

    // The gateway's stored answers naming the case (the complaint's submission) go with the erasure.
    const stored = async () => {
      const db = new Pool({ connectionString: system.databaseUrl, max: 1 });
      try {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM gateway_idempotency WHERE state = 'completed' AND resource_ids && $1::uuid[]`,
          [[caseId]],
        );
        return Number(rows[0].n);
      } finally {
        await db.end();
      }
    };
    expect(await stored()).toBeGreaterThan(0);

    const erased = await erase();
    expect(erased.status).toBe(201);
    expect(await stored()).toBe(0);
    expect(erased.body).toMatchObject({
      subjectKind: 'complainant',
      caseIds: [caseId],
      basis: 'data_subject_request',
      keyDestroyed: true,
      alreadyErased: false,
      erasedBy: 'sup-2',
    });
    expect(JSON.stringify(erased.body)).not.toContain(complainantId);
    const record = await api.request('GET', `/erasures/${String(erased.body.erasureId)}`, {
      as: 'admin',
      sub: 'adm-1',
    });
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ erasureId: erased.body.erasureId, keyDestroyed: true });

    const again = await erase();
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ erasureId: erased.body.erasureId, alreadyErased: true });

    // Intake's cache heard keyring.forget: no wait for the key cache's TTL.
    const view = await api.request<ComplaintView>('GET', `/complaints/${caseId}`, {
      as: 'investigator',
      sub: 'inv-3',
    });
    expect(view.status).toBe(200);
    expect(view.body.complaint.complainants[0].name).toBe('[erased]');
    expect(JSON.stringify(view.body)).not.toContain(PLANTED.phone);
    // The narrative is sealed under the case's key, which lives: it still reads, with the
    // complainant's name and phone, sealed under their key, erased from it and the rest as written.
    expect(view.body.complaint.allegations[0].description).toBe(NARRATIVE_ERASED);
    expect(JSON.stringify(view.body)).not.toContain(PLANTED.name);
  });

  it('leaves the planted identity nowhere: the database dump, JetStream, its files, the logs', async () => {
    const found = (where: string, text: string) =>
      Object.values(PLANTED)
        .filter((p) => text.includes(p))
        .map((p) => `${where}: ${p}`);
    const leaks: string[] = [];

    const dump = execFileSync('pg_dump', ['--no-owner', system.databaseUrl], {
      maxBuffer: 1 << 30,
    }).toString();
    expect(dump).toContain('subject_keys');
    // Per table, so a leak names where it is.
    // Every table, the gateway's stored responses included (sealed under day keys, docs/erasure.md).
    for (const section of dump.split(/\n(?=COPY )/))
      leaks.push(...found(`pg_dump ${section.split('\n')[0].slice(0, 80)}`, section));

    const consumer = await jetstream(nc).consumers.get('CASE_EVENTS', { deliver_policy: DeliverPolicy.All });
    let seen = 0;
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1500 });
      let n = 0;
      for await (const m of batch) {
        n++;
        leaks.push(...found(`jetstream ${m.subject}`, m.string()));
      }
      seen += n;
      if (n === 0) break;
    }
    expect(seen).toBeGreaterThan(3);

    for (const file of filesUnder(system.nats.storeDir))
      leaks.push(...found(`nats store ${file}`, readFileSync(file).toString('latin1')));

    for (const [service, lines] of system.logs) leaks.push(...found(`${service} log`, lines.join('\n')));

    expect(leaks).toEqual([]);
  });

  it("still verifies the case's hash chain after the key is gone", async () => {
    const state = await api.request<{ chain: { ok: boolean } }>('GET', `/cases/${caseId}/state`, {
      as: 'auditor',
      sub: 'ig-1',
    });
    expect(state.status).toBe(200);
    expect(state.body.chain.ok).toBe(true);
    // And as an operator checks it: `npm run cases -- verify --case <id>` against the database.
    const verify = execFileSync(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/cases.ts', 'verify', '--case', caseId, '--json'],
      { cwd: join(__dirname, '../..'), env: { ...process.env, DATABASE_URL: system.databaseUrl } },
    ).toString();
    expect(JSON.parse(verify)).toMatchObject({ ok: true, scope: 'case', caseId });
  });
});

/**
 * The demo's whole journey (`scripts/demo/scenario.ts`): the car wash's workers are planted in a
 * partner referral, the complaint, the payroll, back wages, collections (payments allocated to
 * each worker, disbursements) and a released FOIA package. Every worker and complainant of the
 * case is erased; then none of their names or phones is left in clear anywhere, and the case's
 * money still balances, per worker by pseudonym.
 */
describe('erasing the car wash workers after the whole journey', () => {
  let system: RunningSystem;
  let api: DemoApi;
  let r: ScenarioResult;
  let pool: Pool;
  const [maria, jose] = CAR_WASH.referredWorkers;
  const PEOPLE = [maria.name, maria.phone, jose.name, jose.phone, CAR_WASH.coworker.name];
  type CollectionView = {
    workers: Array<{ workerId: string; name: string }>;
    totals: { assessedCents: number; collectedCents?: number };
  };

  beforeAll(async () => {
    system = await startSystem();
    api = new DemoApi(system.gatewayUrl);
    r = await runScenario(api, { waitMs: 60_000 });
    pool = new Pool({ connectionString: system.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    if (process.env.DEBUG_E2E) for (const [s, l] of system.logs) console.log(s, l.join('\n'));
    await pool?.end();
    await system?.stop();
  });

  it('erases every worker and complainant of the case; nothing of them is left in clear; the money balances', async () => {
    const caseId = r.carWash.caseId;
    const before = (await api.get<CollectionView>(`/collections/${caseId}`, STAFF.collections)).body;
    expect(before.workers.map((w) => w.name)).toEqual(expect.arrayContaining([maria.name, jose.name]));

    // The subjects whose keys sealed something of the case: what the keyring knows (uuids only).
    const { rows } = await pool.query<{ subject: string }>(
      `SELECT DISTINCT k.subject FROM event_store.subject_keys k
         JOIN event_store.events e ON e.case_id = $1::uuid
          AND (e.metadata->'sealed')::jsonb @> jsonb_build_array(jsonb_build_object('k', k.key_id::text))
        WHERE k.subject LIKE 'worker:%' OR k.subject LIKE 'complainant:%'`,
      [caseId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { subject } of rows) {
      const [kind, id] = subject.split(':');
      const res = await api.send('POST', '/erasures', STAFF.supervisor, {
        body: {
          subject: { kind, id },
          cases: 'all',
          basis: 'data_subject_request',
          reason: 'Asked to be erased.',
        },
      });
      expect(res.status).toBe(201);
    }

    // The money: the same totals, one balance per worker under a pseudonym, names erased.
    const after = (await api.get<CollectionView>(`/collections/${caseId}`, STAFF.collections)).body;
    expect(after.totals).toEqual(before.totals);
    expect(after.workers).toHaveLength(before.workers.length);
    const pages: string[] = [JSON.stringify(after)];
    for (const w of after.workers) {
      expect(before.workers.map((b) => b.workerId)).not.toContain(w.workerId);
      const statement = await api.send<string>(
        'GET',
        `/collections/${caseId}/statements/workers/${w.workerId}?format=html`,
        STAFF.collections,
      );
      expect({ status: statement.status, body: statement.status === 200 ? '' : statement.body }).toEqual({
        status: 200,
        body: '',
      });
      pages.push(statement.body);
    }
    const complaint = await api.get(`/complaints/${caseId}`, STAFF.officer);
    pages.push(JSON.stringify(complaint.body));
    const foia = await api.send<string>(
      'GET',
      `/foia-requests/${r.foia.requestId}/package?format=html`,
      STAFF.foia,
    );
    expect(foia.status).toBe(200);
    pages.push(foia.body);
    const state = await api.get<{ chain: { ok: boolean } }>(`/cases/${caseId}/state`, STAFF.auditor);
    expect(state.body.chain.ok).toBe(true);

    const leaks: string[] = [];
    const found = (where: string, text: string) =>
      PEOPLE.filter((p) => text.includes(p)).map((p) => `${where}: ${p}`);
    pages.forEach((page, i) => leaks.push(...found(`reply ${i}`, page)));
    const dump = execFileSync('pg_dump', ['--no-owner', system.databaseUrl], {
      maxBuffer: 1 << 30,
    }).toString();
    // Per table, so a leak names where it is.
    // Every table, the gateway's stored responses included (sealed under day keys, docs/erasure.md).
    for (const section of dump.split(/\n(?=COPY )/))
      leaks.push(...found(`pg_dump ${section.split('\n')[0].slice(0, 80)}`, section));
    const nc: NatsConnection = await connect({ servers: system.nats.url });
    try {
      const consumer = await jetstream(nc).consumers.get('CASE_EVENTS', {
        deliver_policy: DeliverPolicy.All,
      });
      for (;;) {
        const batch = await consumer.fetch({ max_messages: 500, expires: 1500 });
        let n = 0;
        for await (const m of batch) {
          n++;
          leaks.push(...found(`jetstream ${m.subject}`, m.string()));
        }
        if (n === 0) break;
      }
    } finally {
      await nc.drain();
    }
    for (const file of filesUnder(system.nats.storeDir))
      leaks.push(...found(`nats store ${file}`, readFileSync(file).toString('latin1')));
    for (const [service, lines] of system.logs) leaks.push(...found(`${service} log`, lines.join('\n')));
    expect(leaks).toEqual([]);
  });
});
