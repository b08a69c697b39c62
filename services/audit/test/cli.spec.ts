/** `npm run cases` as an operator runs it: a spawned process against the database, no services. */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appendComplaint, auditHarness, type AuditHarness } from './harness';

jest.setTimeout(60_000);
const ROOT = resolve(__dirname, '../../..');

describe('npm run cases', () => {
  let h: AuditHarness;
  let caseId: string;
  let positions: number[];

  beforeAll(async () => {
    h = await auditHarness();
    caseId = randomUUID();
    positions = await appendComplaint(h, caseId, 4);
  });
  afterAll(() => h.cleanup());

  const cases = (...argsAndEnv: Array<string | Record<string, string>>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const args = argsAndEnv.filter((a): a is string => typeof a === 'string');
      const env = Object.assign({}, ...argsAndEnv.filter((a) => typeof a !== 'string')) as Record<
        string,
        string
      >;
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/cases.ts', ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: h.events.url,
            EVENT_STORE_SCHEMA: h.events.schema,
            AUDIT_SCHEMA: h.audit.schema,
            ...env,
          },
        },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('history, state as of, verify and rebuild; then a flipped byte makes verify fail in one line', async () => {
    const history = await cases('history', caseId, '--as', 'ig-auditor');
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('RecordAccessed\tauditor:ig-auditor');
    expect(history.stdout).toContain('ComplaintReceived');

    const state = await cases('state', caseId, '--as-of', new Date().toISOString());
    expect(state.code).toBe(0);
    expect(JSON.parse(state.stdout)).toMatchObject({ caseId, open: true, chain: { ok: true } });

    const rebuilt = await cases('rebuild', 'timeline');
    expect(rebuilt).toMatchObject({ code: 0, stderr: '' }); // no progress bar without a TTY
    expect(rebuilt.stdout).toMatch(/rebuilt timeline \(the case timeline and FOIA list\): \d+ events/);

    expect((await cases('verify')).code).toBe(0);
    await h.sql(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
    await h.sql(
      `UPDATE events SET data = jsonb_set(data::jsonb, '{reason}', '"changed"')::json WHERE global_position = $1`,
      [positions[2]],
    );
    const broken = await cases('verify', '--case', caseId);
    expect(broken.code).toBe(1);
    expect(broken.stdout.trim()).toBe(
      `BROKEN: case ${caseId}: hash_mismatch at complaint-${caseId} version 3 (global position ${positions[2]})`,
    );
  });

  it('a bad command or argument is one clear line and a non-zero exit', async () => {
    const bad = await cases('state', 'not-a-uuid');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('cases: case id "not-a-uuid" is not a UUID\n');
    const unknown = await cases('history', randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('foia: a cut-off before every case warns of an empty package; `foia package` writes the released one again', async () => {
    const { requestId } = await h.core.foia.receive(
      {
        requester: { name: 'A. Reporter' },
        description: 'The case file.',
        caseIds: [caseId],
        jurisdiction: 'federal',
      },
      { actor: { id: 'records-1', role: 'foia_officer' }, correlationId: randomUUID(), now: new Date() },
    );
    const before = '2020-01-01T00:00:00Z';
    const empty = await cases('foia', 'compile', requestId, '--cutoff', before);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('compiled: 0 records');
    expect(empty.stderr).toContain('warning: The package is empty');
    expect(empty.stderr).toMatch(
      new RegExp(`Case ${caseId} has no records at or before the cut-off .*its first record is of `),
    );

    const now = new Date().toISOString();
    const released = await cases('foia', 'release', requestId, '--cutoff', now);
    expect(released).toMatchObject({ code: 0, stderr: '' });
    // What the demo prints: compiling a released request is refused, reading the package is not.
    expect((await cases('foia', 'compile', requestId, '--cutoff', now)).code).toBe(1);
    const out = join(tmpdir(), `foia-${randomUUID()}`);
    const again = await cases('foia', 'package', requestId, '--out', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`released package: 4 records`);
    expect(readFileSync(join(out, `foia-${requestId}.html`), 'utf8')).toContain('<html');
  });

  it('foia package writes the bytes kept at release; verify checks them and fails on an altered copy', async () => {
    const other = randomUUID();
    await appendComplaint(h, other, 2);
    const officer = {
      actor: { id: 'records-1', role: 'foia_officer' as const },
      correlationId: randomUUID(),
    };
    const { requestId } = await h.core.foia.receive(
      { requester: { name: 'A. Reporter' }, description: 'Kept.', caseIds: [other], jurisdiction: 'federal' },
      { ...officer, now: new Date() },
    );
    const release = await h.core.foia.release(requestId, new Date().toISOString(), {
      ...officer,
      now: new Date(),
    });
    const out = join(tmpdir(), `foia-${randomUUID()}`);
    const kept = await cases('foia', 'package', requestId, '--out', out);
    expect(kept).toMatchObject({ code: 0, stderr: '' });
    expect(kept.stdout).toContain(`sha256 ${release.sha256}; the stored copy, as released`);
    const written = readFileSync(join(out, `foia-${requestId}.json`));
    expect(createHash('sha256').update(written).digest('hex')).toBe(release.sha256);

    const verified = await cases('verify', '--case', other);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('ok: 1 released FOIA packages stored, each the bytes recorded');

    await h.audit.pool.query(
      `UPDATE "${h.audit.schema}".released_packages SET sealed_html = sealed_html || '\\x00'::bytea WHERE request_id = $1`,
      [requestId],
    );
    const broken = await cases('verify', '--case', other);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `BROKEN: released package ${requestId}: the stored copy does not match its recorded digest`,
    );
    const refused = await cases('foia', 'package', requestId);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('npm run cases -- verify');
  });
});
