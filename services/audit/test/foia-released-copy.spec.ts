/**
 * A released FOIA package downloads as released (docs/erasure.md#released-foia-packages), on the
 * real PostgreSQL: the copy kept at release is served even once the compiler would give another
 * package; a copy altered in the table is refused; without a copy the package is compiled again
 * and says why; an erasure of a person of its cases drops the copy, a disposition's destroyed
 * case key leaves it unreadable; a refused release keeps nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { complaintStreamId } from '@lse/contracts';
import { packageJson } from '@lse/audit-domain';
import { SealedEventStore, type SubjectKeys } from '@lse/crypto-shred';
import { PostgresEventStore } from '@lse/event-store';
import { PLANTED_NAME, receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { ReleasedCopyMismatchError } from '../src/foia/released-copies';
import { auditHarness, stored, type AuditHarness } from './harness';

jest.setTimeout(60_000);

const officer = { id: 'foia-officer-3', role: 'foia_officer' as const };
const ctx = () => ({ actor: officer, correlationId: randomUUID(), now: new Date() });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('a released FOIA package, kept as released', () => {
  let h: AuditHarness;
  let intake: SealedEventStore;
  const table = () => `"${h.audit.schema}".released_packages`;
  interface Row {
    package_sha256: string;
    html_sha256: string;
    case_ids: string[];
    sealed_json: Buffer;
    sealed_html: Buffer;
  }
  const rowsOf = async (requestId: string) =>
    (await h.audit.pool.query<Row>(`SELECT * FROM ${table()} WHERE request_id = $1`, [requestId])).rows;

  beforeAll(async () => {
    h = await auditHarness();
    intake = new SealedEventStore(h.intake, h.core.sealed.keys);
  });
  afterAll(() => h?.cleanup());

  /** A case whose complaint names `complainantId` (sealed), a request for it, released now. */
  async function released(complainantId = randomUUID()) {
    const caseId = randomUUID();
    const base = receivedComplaint();
    await intake.append(
      complaintStreamId(caseId),
      [
        stored(caseId, {
          type: 'ComplaintReceived',
          data: { ...base, complainants: [{ ...base.complainants[0], complainantId, name: PLANTED_NAME }] },
        }),
      ],
      'no_stream',
    );
    const { requestId } = await h.core.foia.receive(
      {
        requester: { name: 'A. Reporter' },
        description: 'The case file.',
        caseIds: [caseId],
        jurisdiction: 'federal',
      },
      { ...ctx(), idempotencyKey: randomUUID() },
    );
    const cutoff = new Date().toISOString();
    const release = await h.core.foia.release(requestId, cutoff, ctx());
    return { caseId, complainantId, requestId, cutoff, release };
  }

  /** What "the compiler changed" looks like from here: a record of the case made before the cut-off. */
  async function changeWhatCompiles(caseId: string, cutoff: string) {
    const earlier = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'intake',
      categories: ['complaint'],
      now: () => new Date(Date.parse(cutoff) - 60_000),
    });
    await new SealedEventStore(earlier, h.core.sealed.keys).append(
      complaintStreamId(caseId),
      [
        stored(caseId, {
          type: 'JurisdictionAssessed',
          data: { inJurisdiction: true, statutes: ['FLSA'], reason: 'Assessed again.' },
        }),
      ],
      1,
    );
  }

  it('keeps exactly the released bytes, sealed, and serves them after the package would compile otherwise', async () => {
    const { caseId, requestId, cutoff, release } = await released();
    const [row] = await rowsOf(requestId);
    expect(row).toMatchObject({
      package_sha256: release.sha256,
      html_sha256: release.htmlSha256,
      case_ids: [caseId],
    });
    // Sealed at rest: neither the JSON nor the HTML is in the row in clear.
    const atRest = Buffer.concat([row.sealed_json, row.sealed_html]).toString('latin1');
    for (const clear of [requestId, 'WITHHELD', '<html', 'redactionLog']) expect(atRest).not.toContain(clear);

    await changeWhatCompiles(caseId, cutoff);
    const { state } = await h.core.foia.load(requestId);
    const now = await h.core.foia.compilePackage(requestId, cutoff, state);
    expect(now.sha256).not.toBe(release.sha256);

    const served = await h.core.foia.released(requestId);
    expect(served).toMatchObject({
      source: 'stored',
      sha256: release.sha256,
      releasedSha256: release.sha256,
      htmlSha256: release.htmlSha256,
      releasedHtmlSha256: release.htmlSha256,
    });
    expect(served.recompiled).toBeUndefined();
    expect(served.json).toBe(packageJson(release.package));
    expect(sha256(served.json)).toBe(release.sha256);
    expect(served.html).toBe(release.html);
    expect(sha256(served.html)).toBe(release.htmlSha256);
  });

  it('refuses a copy altered in the table, naming the check to run', async () => {
    const { requestId } = await released();
    const flip = `UPDATE ${table()} SET sealed_json = overlay(sealed_json placing decode(
        lpad(to_hex(get_byte(sealed_json, 20) # 1), 2, '0'), 'hex') from 21 for 1) WHERE request_id = $1`;
    await h.audit.pool.query(flip, [requestId]);
    const refused = h.core.foia.released(requestId);
    await expect(refused).rejects.toThrow(ReleasedCopyMismatchError);
    await expect(refused).rejects.toThrow('npm run cases -- verify');
    await expect(refused).rejects.toMatchObject({ code: 'released_package_altered' });

    // The JSON and HTML of one release swapped: each opens only as its own part.
    const other = await released();
    await h.audit.pool.query(
      `UPDATE ${table()} SET sealed_json = sealed_html, sealed_html = sealed_json WHERE request_id = $1`,
      [other.requestId],
    );
    await expect(h.core.foia.released(other.requestId)).rejects.toThrow(ReleasedCopyMismatchError);
  });

  it('without a copy, compiles again: identical bytes, or the compiler changed', async () => {
    const same = await released();
    await h.audit.pool.query(`DELETE FROM ${table()} WHERE request_id = $1`, [same.requestId]);
    expect(await h.core.foia.released(same.requestId)).toMatchObject({
      source: 'recompiled',
      recompiled: 'identical',
      sha256: same.release.sha256,
      releasedSha256: same.release.sha256,
    });

    const changed = await released();
    await h.audit.pool.query(`DELETE FROM ${table()} WHERE request_id = $1`, [changed.requestId]);
    await changeWhatCompiles(changed.caseId, changed.cutoff);
    const served = await h.core.foia.released(changed.requestId);
    expect(served).toMatchObject({
      source: 'recompiled',
      recompiled: 'compiler-changed',
      releasedSha256: changed.release.sha256,
    });
    expect(served.sha256).not.toBe(changed.release.sha256);
    expect(sha256(served.json)).toBe(served.sha256);
  });

  it('an erasure of a person of its cases drops the copy; the download recompiles with them erased', async () => {
    const { requestId, complainantId, release } = await released();
    expect(await rowsOf(requestId)).toHaveLength(1);
    await h.core.erasures.erase(
      {
        subject: { kind: 'complainant', id: complainantId },
        cases: 'all',
        basis: 'data_subject_request',
        reason: 'Asked to be erased.',
      },
      { actor: { id: 'sup-3', role: 'supervisor' }, correlationId: randomUUID(), now: new Date() },
    );
    expect(await rowsOf(requestId)).toEqual([]);
    const served = await h.core.foia.released(requestId);
    expect(served).toMatchObject({ source: 'recompiled', releasedSha256: release.sha256 });
    // The case's free text is withheld whole once anyone was erased from it: another package.
    expect(served.recompiled).toBe('erasure');
    expect(served.sha256).not.toBe(release.sha256);
  });

  it('a destroyed case key (a retention disposition) leaves the copy unreadable: compiled again, as erased', async () => {
    const { caseId, requestId, release } = await released();
    expect(await (h.core.sealed.keys as SubjectKeys).destroy(`case:${caseId}`)).toBe(true);
    expect(await rowsOf(requestId)).toHaveLength(1);
    const served = await h.core.foia.released(requestId);
    expect(served).toMatchObject({
      source: 'recompiled',
      recompiled: 'erasure',
      releasedSha256: release.sha256,
    });
    expect(served.sha256).not.toBe(release.sha256);
  });

  it('keeps one copy per release, installments too, and none for a refused release', async () => {
    const { requestId, release } = await released();
    // Released already: another release, of another cut-off, is refused and keeps nothing.
    await expect(h.core.foia.release(requestId, new Date().toISOString(), ctx())).rejects.toThrow();
    expect((await rowsOf(requestId)).map((r) => r.package_sha256)).toEqual([release.sha256]);

    const caseId = randomUUID();
    await intake.append(
      complaintStreamId(caseId),
      [stored(caseId, { type: 'ComplaintReceived', data: receivedComplaint() })],
      'no_stream',
    );
    const { requestId: staged } = await h.core.foia.receive(
      {
        requester: { name: 'B. Reporter' },
        description: 'In parts.',
        caseIds: [caseId],
        jurisdiction: 'federal',
      },
      { ...ctx(), idempotencyKey: randomUUID() },
    );
    const first = await h.core.foia.release(staged, new Date().toISOString(), ctx(), false);
    await changeWhatCompiles(caseId, new Date().toISOString());
    const last = await h.core.foia.release(staged, new Date().toISOString(), ctx());
    expect(first.sha256).not.toBe(last.sha256);
    expect((await rowsOf(staged)).map((r) => r.package_sha256).sort()).toEqual(
      [first.sha256, last.sha256].sort(),
    );
    expect(await h.core.foia.released(staged)).toMatchObject({ source: 'stored', sha256: last.sha256 });
  });
});
