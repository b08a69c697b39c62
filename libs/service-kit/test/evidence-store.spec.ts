import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMasterKey, SubjectErasedError, SubjectKeys } from '@lse/crypto-shred';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { EvidenceErasedError, FilesystemEvidenceStore, problemFromError, sha256Of } from '../src';

/** Evidence files at rest, sealed under their case's key (docs/erasure.md#evidence-files). */
describe('the evidence store on the real keyring', () => {
  let db: TestSchema;
  let root: string;
  const master = FileMasterKey.fromBase64(randomBytes(32).toString('base64'));
  const keyring = () => new SubjectKeys({ pool: db.pool, schema: db.schema, wrapping: master });

  beforeAll(async () => {
    db = await createTestSchema('evid');
    await db.pool.query(
      `CREATE TABLE ${db.schema}.subject_keys (key_id uuid PRIMARY KEY, subject text NOT NULL UNIQUE,
         wrapped_key bytea, created_at timestamptz NOT NULL DEFAULT now(), destroyed_at timestamptz)`,
    );
    root = mkdtempSync(join(tmpdir(), 'lse-evidence-'));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await db.drop();
  });

  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
    );

  it('keeps a file only sealed, addressed by the digest of its bytes, and reads it back for its case', async () => {
    const store = new FilesystemEvidenceStore(root, keyring());
    const caseId = randomUUID();
    const plant = `Pay stub of Zebulon Quixotl-${randomUUID().slice(0, 8)}, 40 hours at $7.25`;
    const bytes = Buffer.from(plant);
    const stored = await store.put(bytes, caseId);
    expect(stored).toEqual({
      sha256: sha256Of(bytes),
      sizeBytes: bytes.length,
      storageRef: `sha256:${sha256Of(bytes)}`,
    });
    // Idempotent: the same bytes for the same case are one file.
    await store.put(bytes, caseId);
    const files = filesUnder(root).filter((f) => f.includes(stored.sha256));
    expect(files).toHaveLength(1);
    expect(readFileSync(files[0]).includes(Buffer.from('Zebulon'))).toBe(false);
    expect((await store.get(stored.storageRef, caseId))?.equals(bytes)).toBe(true);
    // Another process with its own keyring cache reads it as well.
    expect(
      (await new FilesystemEvidenceStore(root, keyring()).get(stored.storageRef, caseId))?.toString(),
    ).toBe(plant);
  });

  it('stores the same bytes once per case, so erasing one case leaves the other its file', async () => {
    const keys = keyring();
    const store = new FilesystemEvidenceStore(root, keys);
    const [kept, erased] = [randomUUID(), randomUUID()];
    const bytes = Buffer.from(`shared text message ${randomUUID()}`);
    const { storageRef, sha256 } = await store.put(bytes, kept);
    await store.put(bytes, erased);
    expect(filesUnder(root).filter((f) => f.includes(sha256))).toHaveLength(2);
    expect(await keys.destroy(`case:${erased}`)).toBe(true);
    await expect(store.get(storageRef, erased)).rejects.toBeInstanceOf(EvidenceErasedError);
    // The process that destroyed the key stops at once; the other case still reads its copy.
    expect((await store.get(storageRef, kept))?.equals(bytes)).toBe(true);
    const fresh = new FilesystemEvidenceStore(root, keyring());
    await expect(fresh.get(storageRef, erased)).rejects.toBeInstanceOf(EvidenceErasedError);
    // Nothing new is stored for the erased case; reading it is a 410 problem, not a 500.
    await expect(fresh.put(Buffer.from('more'), erased)).rejects.toBeInstanceOf(SubjectErasedError);
    expect(problemFromError(new EvidenceErasedError())).toMatchObject({ status: 410, expected: true });
  });

  it('refuses a sealed file that was altered or copied under another case, and reads an old clear file', async () => {
    const store = new FilesystemEvidenceStore(root, keyring());
    const [a, b] = [randomUUID(), randomUUID()];
    const bytes = Buffer.from(`altered ${randomUUID()}`);
    const { storageRef, sha256 } = await store.put(bytes, a);
    await store.put(Buffer.from('b holds something'), b);
    const [file] = filesUnder(root).filter((f) => f.includes(sha256));
    const sealed = readFileSync(file);
    sealed[20] ^= 1;
    writeFileSync(file, sealed);
    await expect(store.get(storageRef, a)).rejects.toThrow('does not open');
    // Before sealing, files were kept in clear at sha256/ab/cd/<digest>: still read.
    const old = Buffer.from(`clear ${randomUUID()}`);
    const digest = sha256Of(old);
    mkdirSync(join(root, 'sha256', digest.slice(0, 2), digest.slice(2, 4)), { recursive: true });
    writeFileSync(join(root, 'sha256', digest.slice(0, 2), digest.slice(2, 4), digest), old);
    expect((await store.get(`sha256:${digest}`, b))?.equals(old)).toBe(true);
    expect(await store.get(`sha256:${'0'.repeat(64)}`, b)).toBeUndefined();
  });
});
