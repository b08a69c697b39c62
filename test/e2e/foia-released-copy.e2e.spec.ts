/**
 * A released FOIA package downloads byte for byte as released, every service its own process
 * (docs/erasure.md#released-foia-packages): after a record of the case appears before the
 * cut-off (what a changed compiler looks like from outside), the download still gives the
 * released bytes; a stored copy altered in the table is refused (500, naming the check to run);
 * without a stored copy the package is compiled again and the answer says so and why.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { complaintStreamId, JurisdictionAssessed } from '@lse/contracts';
import { PostgresEventStore } from '@lse/event-store';
import { Api } from '../support/http';
import { openCase } from '../support/open-case';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const digest = (hex: string) => `sha-256=${Buffer.from(hex, 'hex').toString('base64')}`;

describe('a released FOIA package, downloaded as released', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
  });

  /** The download as a client gets it: the body's bytes and the headers. */
  const download = async (requestId: string, format: 'json' | 'html') => {
    const res = await fetch(
      `${system.gatewayUrl}/api/v1/foia-requests/${requestId}/package?format=${format}`,
      {
        headers: { authorization: `Bearer ${await api.token('foia_officer')}` },
      },
    );
    const body = Buffer.from(await res.arrayBuffer());
    const header = (name: string) => res.headers.get(name);
    return { status: res.status, body, header };
  };

  it('serves the released bytes after the package would compile otherwise; refuses an altered copy; recompiles without one', async () => {
    const caseId = await openCase(api);
    const received = await api.request<{ requestId: string }>('POST', '/foia-requests', {
      as: 'foia_officer',
      headers: { 'idempotency-key': randomUUID() },
      body: { requester: { name: 'D. Reporter' }, description: 'The case file.', caseIds: [caseId] },
    });
    expect(received.status).toBe(201);
    const { requestId } = received.body;
    const cutoff = new Date().toISOString();
    const release = await api.request<{ sha256: string; htmlSha256: string }>(
      'POST',
      `/foia-requests/${requestId}/release`,
      { as: 'foia_officer', body: { cutoff }, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(release.status).toBe(200);
    const recorded = { json: release.body.sha256, html: release.body.htmlSha256 };

    const asReleased = { json: await download(requestId, 'json'), html: await download(requestId, 'html') };
    for (const format of ['json', 'html'] as const) {
      const got = asReleased[format];
      expect(got.status).toBe(200);
      expect(sha256(got.body)).toBe(recorded[format]);
      expect(got.header('digest')).toBe(digest(recorded[format]));
      expect(got.header('lse-package-recompiled')).toBeNull();
      expect(got.header('lse-released-digest')).toBeNull();
    }
    expect(asReleased.json.header('content-type')).toMatch(/^application\/json/);
    expect(asReleased.html.header('content-type')).toMatch(/^text\/html/);

    // A record of the case made before the cut-off: the package no longer compiles as released.
    const earlier = new PostgresEventStore({
      pool,
      service: 'e2e',
      categories: ['complaint'],
      now: () => new Date(Date.parse(cutoff) - 60_000),
    });
    await earlier.append(
      complaintStreamId(caseId),
      [
        JurisdictionAssessed.create({
          eventId: randomUUID(),
          data: { inJurisdiction: true, statutes: ['FLSA'], reason: 'Assessed again, back-dated.' },
          metadata: {
            caseId,
            actor: { id: 'officer-7', role: 'intake_officer' },
            correlationId: randomUUID(),
            sourceService: 'intake',
            occurredAt: new Date(Date.parse(cutoff) - 60_000).toISOString(),
          },
        }),
      ],
      'any',
    );
    for (const format of ['json', 'html'] as const) {
      const again = await download(requestId, format);
      expect(again.status).toBe(200);
      expect(again.body.equals(asReleased[format].body)).toBe(true);
      expect(again.header('digest')).toBe(digest(recorded[format]));
      expect(again.header('lse-package-recompiled')).toBeNull();
    }

    // The stored copy altered in the table: refused, never served.
    const table = 'audit.released_packages';
    const { rows } = await pool.query<{ sealed_json: Buffer }>(
      `SELECT sealed_json FROM ${table} WHERE request_id = $1`,
      [requestId],
    );
    expect(rows).toHaveLength(1);
    const altered = Buffer.from(rows[0].sealed_json);
    altered[altered.length - 20] ^= 1;
    await pool.query(`UPDATE ${table} SET sealed_json = $2 WHERE request_id = $1`, [requestId, altered]);
    const refused = await api.request<{ status: number; type: string; detail: string }>(
      'GET',
      `/foia-requests/${requestId}/package`,
      { as: 'foia_officer' },
    );
    expect(refused.status).toBe(500);
    expect(refused.body.type).toContain('released-package-altered');
    expect(refused.body.detail).toContain('npm run cases -- verify');
    expect(JSON.stringify(refused.body)).not.toContain('"cases"');

    // No stored copy (as for a package released before copies were kept): compiled again, said so.
    await pool.query(`DELETE FROM ${table} WHERE request_id = $1`, [requestId]);
    for (const format of ['json', 'html'] as const) {
      const recompiled = await download(requestId, format);
      expect(recompiled.status).toBe(200);
      expect(recompiled.header('lse-package-recompiled')).toBe('compiler-changed');
      expect(recompiled.header('lse-released-digest')).toBe(digest(recorded[format]));
      expect(recompiled.header('digest')).toBe(digest(sha256(recompiled.body)));
      expect(sha256(recompiled.body)).not.toBe(recorded[format]);
    }
    const warned = (system.logs.get('audit') ?? []).filter((l) => l.includes(requestId));
    expect(warned.some((l) => l.includes('compiler changed'))).toBe(true);
  });
});
