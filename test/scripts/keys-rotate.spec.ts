/**
 * `npm run keys -- rotate` as an operator runs it: a spawned process against the real PostgreSQL,
 * limited to this suite's schemas (--schema), since other suites' keyrings share the database.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate } from '@lse/event-store';
import { FileMasterKey, MasterKeyError, SubjectKeys } from '@lse/crypto-shred';
import { createTestSchema, type TestSchema } from '@lse/testing';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');

describe('npm run keys -- rotate (real PostgreSQL)', () => {
  let ring: TestSchema;
  let gateway: TestSchema;
  let dir: string;
  const file = (name: string, text = `${randomBytes(32).toString('base64')}\n`) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  let oldFile: string;
  let newFile: string;
  const subjects = [`worker:${randomUUID()}`, `complainant:${randomUUID()}`, `case:${randomUUID()}`];
  const erased = `worker:${randomUUID()}`;
  const clear = new Map<string, Buffer>();
  const dayKeyId = randomUUID();
  const dayKey = randomBytes(32);

  const keys = (path: string) =>
    new SubjectKeys({ pool: ring.pool, schema: ring.schema, wrapping: FileMasterKey.load(path), ttlMs: 0 });
  const rows = async () =>
    [
      ...(
        await ring.pool.query(`SELECT key_id, wrapped_key FROM ${ring.schema}.subject_keys ORDER BY key_id`)
      ).rows,
      ...(await gateway.pool.query(`SELECT key_id, wrapped_key FROM ${gateway.schema}.gateway_response_keys`))
        .rows,
    ] as Array<{ key_id: string; wrapped_key: Buffer | null }>;
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/keys.ts', ...args],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: ring.url, LSE_MASTER_KEY_FILE: oldFile, ...env } },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  const schemas = () => `${ring.schema},${gateway.schema}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lse-keys-'));
    oldFile = file('old.key');
    newFile = file('new.key');
    ring = await createTestSchema('keyring');
    await migrate(ring.pool, ring.schema);
    gateway = await createTestSchema('gwkeys');
    // As gateway migration 0003 makes it: a day key wrapped by the master key, its id as context.
    await gateway.pool.query(
      `CREATE TABLE ${gateway.schema}.gateway_response_keys (day date PRIMARY KEY, key_id uuid NOT NULL UNIQUE,
         wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    await gateway.pool.query(
      `INSERT INTO ${gateway.schema}.gateway_response_keys (day, key_id, wrapped_key) VALUES (current_date, $1, $2)`,
      [dayKeyId, await FileMasterKey.load(oldFile).wrap(dayKey, dayKeyId)],
    );
    const made = await keys(oldFile).keysFor([...subjects, erased]);
    for (const key of made.values()) clear.set(key.keyId, key.key);
    await keys(oldFile).destroy(erased);
  });
  afterAll(async () => {
    await ring?.drop();
    await gateway?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-wraps every live key under the new master key: they open with it and not with the old; destroyed stay NULL', async () => {
    const rotated = await run(['rotate', '--to', newFile, '--schema', schemas()]);
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    expect(rotated.stdout).toContain(
      `${ring.schema}.subject_keys: 3 re-wrapped, 0 already under the new key, 1 destroyed (left destroyed)`,
    );
    expect(rotated.stdout).toContain(`${gateway.schema}.gateway_response_keys: 1 re-wrapped`);

    const ids = [...clear.keys()];
    const opened = await keys(newFile).keysById(ids);
    for (const id of ids) {
      const expected = clear.get(id)!;
      if (opened.get(id) === null) continue; // the destroyed one, checked below
      expect(opened.get(id)!.equals(expected)).toBe(true);
    }
    expect([...opened.values()].filter((k) => k === null)).toHaveLength(1);
    await expect(keys(oldFile).keysById(ids)).rejects.toThrow(MasterKeyError);
    const erasedRow = await ring.pool.query(
      `SELECT wrapped_key FROM ${ring.schema}.subject_keys WHERE subject = $1`,
      [erased],
    );
    expect(erasedRow.rows[0].wrapped_key).toBeNull();
    const [day] = (await rows()).filter((r) => r.key_id === dayKeyId);
    expect((await FileMasterKey.load(newFile).unwrap(day.wrapped_key!, dayKeyId)).equals(dayKey)).toBe(true);
    await expect(FileMasterKey.load(oldFile).unwrap(day.wrapped_key!, dayKeyId)).rejects.toThrow(
      MasterKeyError,
    );
  });

  it('run again (before or after LSE_MASTER_KEY_FILE moved to the new file) changes nothing', async () => {
    const before = await rows();
    const again = await run(['rotate', '--to', newFile, '--schema', schemas()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${ring.schema}.subject_keys: 0 re-wrapped, 3 already under the new key`);
    const switched = await run(['rotate', '--to', newFile, '--schema', schemas()], {
      LSE_MASTER_KEY_FILE: newFile,
    });
    expect(switched.code).toBe(0);
    expect(switched.stdout).toContain(`${gateway.schema}.gateway_response_keys: 0 re-wrapped, 1 already`);
    expect(await rows()).toEqual(before);
  });

  it('refuses a missing or malformed new key file, and a key that opens with neither, exiting 1 and writing nothing', async () => {
    const before = await rows();
    const missing = await run(['rotate', '--to', join(dir, 'nope.key'), '--schema', schemas()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.key \(LSE_MASTER_KEY_FILE\) does not exist.*nothing was changed/);
    const short = await run([
      'rotate',
      '--to',
      file('short.key', randomBytes(16).toString('base64')),
      '--schema',
      schemas(),
    ]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/must hold 32 random bytes in base64; it holds 16 bytes/);

    // One keyring fine, the other holding a key of an unknown master: neither is written.
    const stray = randomUUID();
    await gateway.pool.query(
      `INSERT INTO ${gateway.schema}.gateway_response_keys (day, key_id, wrapped_key) VALUES (current_date - 1, $1, $2)`,
      [stray, await FileMasterKey.load(file('other.key')).wrap(randomBytes(32), stray)],
    );
    const newer = file('newer.key');
    const neither = await run(['rotate', '--from', newFile, '--to', newer, '--schema', schemas()]);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain(
      `key ${stray} of ${gateway.schema}.gateway_response_keys opens with neither`,
    );
    expect((await rows()).filter((r) => r.key_id !== stray)).toEqual(before);

    const usage = await run(['rotate', '--schema', schemas()]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--to <new-key-file>');
  });
});
