import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { foiaStreamId, subjectName } from '@lse/contracts';
import { SubjectErasedError, type DataKeys } from '@lse/crypto-shred';
import { packageJson } from '@lse/audit-domain';
import type { DataSource } from 'typeorm';
import type { CompiledPackage } from './foia-desk';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** The bytes a release of this compilation records the digests of: canonical JSON and HTML. */
export const releasedBytes = (
  requestId: string,
  caseIds: readonly string[],
  compiled: Pick<CompiledPackage, 'package' | 'sha256' | 'html' | 'htmlSha256'>,
): ReleasedBytes => ({
  requestId,
  caseIds,
  json: packageJson(compiled.package),
  packageSha256: compiled.sha256,
  html: compiled.html,
  htmlSha256: compiled.htmlSha256,
});

/** What a release stores: exactly the bytes whose digests FoiaResponseReleased records. */
export interface ReleasedBytes {
  requestId: string;
  /** The package's cases (`case:<caseId>` keys); none for a package of named records only. */
  caseIds: readonly string[];
  /** The canonical JSON of the package (packageJson): its SHA-256 is `packageSha256`. */
  json: string;
  packageSha256: string;
  html: string;
  htmlSha256: string;
}

/** What the table holds for a release. */
export type StoredCopy =
  /** Released before copies were kept, dropped by an erasure, or the write never happened. */
  | { kind: 'none' }
  /** The row is there but a key it is sealed under was destroyed (a disposition): unreadable. */
  | { kind: 'erased' }
  | { kind: 'copy'; json: string; html: string };

/**
 * The stored copy does not open, or opens to bytes of another digest: it was altered in the
 * table. Never served; an unexpected error (5xx) that tells the operator what to run.
 */
export class ReleasedCopyMismatchError extends Error {
  /** 500 problem+json with this message as its detail (service-kit error codes). */
  readonly code = 'released_package_altered';
  constructor(requestId: string) {
    super(
      `the stored copy of released package ${requestId} does not match its recorded digest: run \`npm run cases -- verify\``,
    );
    this.name = 'ReleasedCopyMismatchError';
  }
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The released FOIA packages, kept as released (docs/erasure.md#released-foia-packages), in the
 * audit read-model schema's `released_packages` (migration 1770500000000).
 *
 * Sealed at rest, AES-256-GCM, under a key derived (HKDF, `lse foia package v1`) from the keys of
 * every case in the package, `case:<caseId>` in caseId order, from the event store's keyring: a
 * retention disposition of any one of them (which destroys its case key) makes the copy
 * unreadable, in the table and in every backup of it. A package of no case (named records only)
 * is sealed under its request's stream key (`stream:foia-<requestId>`). An erasure of a person,
 * which destroys the person's key but not the case's, deletes the copies of the person's cases
 * explicitly (`forgetCases`): the download then recompiles, with the person erased.
 */
export class ReleasedCopies {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: DataKeys,
  ) {
    const schema = (dataSource.options as { schema?: string }).schema;
    if (!schema || !SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name`);
    this.table = `"${schema}".released_packages`;
  }

  /**
   * A release with its copy: the copy is written first, keyed by the digests the release will
   * record, then `append` appends FoiaResponseReleased. A release refused (a fee owed, already
   * closed) deletes the copy it wrote, so a refusal writes nothing. If the process dies between
   * the two, a copy stays that no release names: it is never served (a download looks a copy up
   * by the digests recorded), the same release retried finds it, and an erasure of its cases
   * deletes it. So a release on record has its copy, except one recorded before copies were kept
   * or whose case's key was already destroyed (`store` false): the download recompiles those.
   */
  async keeping<T>(released: ReleasedBytes, append: () => Promise<T>): Promise<T> {
    const inserted = await this.store(released);
    try {
      return await append();
    } catch (err) {
      if (inserted)
        await this.dataSource.query(
          `DELETE FROM ${this.table} WHERE request_id = $1 AND package_sha256 = $2 AND html_sha256 = $3`,
          [released.requestId, released.packageSha256, released.htmlSha256],
        );
      throw err;
    }
  }

  /**
   * Keeps the copy, once per (request, package digest, HTML digest): true when this call wrote
   * it, false when it was there (the same release retried). False too when a key of its cases is
   * destroyed already (a case disposed of before the release): no copy is kept and the download
   * recompiles, as after an erasure.
   */
  async store(released: ReleasedBytes): Promise<boolean> {
    if (
      sha256Hex(released.json) !== released.packageSha256 ||
      sha256Hex(released.html) !== released.htmlSha256
    )
      throw new Error('the package to store is not the one whose digests are recorded');
    const caseIds = [...new Set(released.caseIds.map((c) => c.toLowerCase()))].sort();
    const subjects =
      caseIds.length > 0
        ? caseIds.map((c) => subjectName('case', c))
        : [`stream:${foiaStreamId(released.requestId)}`];
    let found;
    try {
      found = await this.keys.keysFor(subjects);
    } catch (err) {
      if (err instanceof SubjectErasedError) return false;
      throw err;
    }
    const keys = subjects.map((s) => {
      const key = found.get(s);
      if (!key) throw new Error(`the keyring gave no key for ${s}`);
      return key;
    });
    const keyIds = keys.map((k) => k.keyId);
    const key = packageKey(keys.map((k) => k.key));
    const at = { ...released, keyIds };
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.table}
         (request_id, package_sha256, html_sha256, case_ids, key_ids, sealed_json, sealed_html)
       VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6, $7)
       ON CONFLICT (request_id, package_sha256, html_sha256) DO NOTHING RETURNING request_id`,
      [
        released.requestId,
        released.packageSha256,
        released.htmlSha256,
        caseIds,
        keyIds,
        seal(key, released.json, aad(at, 'json')),
        seal(key, released.html, aad(at, 'html')),
      ],
    );
    return rows.length > 0;
  }

  /** The copy of a release, opened and checked against both recorded digests. */
  async read(requestId: string, packageSha256: string, htmlSha256: string): Promise<StoredCopy> {
    const rows: Array<{ key_ids: string[]; sealed_json: Buffer; sealed_html: Buffer }> =
      await this.dataSource.query(
        `SELECT key_ids::text[] AS key_ids, sealed_json, sealed_html FROM ${this.table}
          WHERE request_id = $1 AND package_sha256 = $2 AND html_sha256 = $3`,
        [requestId, packageSha256, htmlSha256],
      );
    const row = rows[0];
    if (!row) return { kind: 'none' };
    const byId = await this.keys.keysById(row.key_ids);
    const keys = row.key_ids.map((id) => byId.get(id));
    // A key the keyring never issued is as much an alteration as a changed byte.
    if (keys.some((k) => k === undefined)) throw new ReleasedCopyMismatchError(requestId);
    if (keys.some((k) => k === null)) return { kind: 'erased' };
    const key = packageKey(keys as Buffer[]);
    const at = { requestId, packageSha256, htmlSha256, keyIds: row.key_ids };
    const json = open(key, row.sealed_json, aad(at, 'json'));
    const html = open(key, row.sealed_html, aad(at, 'html'));
    if (json === undefined || html === undefined) throw new ReleasedCopyMismatchError(requestId);
    if (sha256Hex(json) !== packageSha256 || sha256Hex(html) !== htmlSha256)
      throw new ReleasedCopyMismatchError(requestId);
    return { kind: 'copy', json, html };
  }

  /**
   * Every stored copy (of one case, with `caseId`) opened and checked against the digests it is
   * kept under (`npm run cases -- verify`): the requests whose copy was altered, and how many no
   * longer open because a case's key was destroyed (a disposition: expected, not a fault).
   */
  async check(caseId?: string): Promise<{ checked: number; altered: string[]; erased: number }> {
    const rows: Array<{ request_id: string; package_sha256: string; html_sha256: string }> =
      await this.dataSource.query(
        `SELECT request_id::text, package_sha256, html_sha256 FROM ${this.table}
          WHERE $1::uuid IS NULL OR $1::uuid = ANY(case_ids) ORDER BY request_id, stored_at`,
        [caseId ?? null],
      );
    const out = { checked: rows.length, altered: [] as string[], erased: 0 };
    for (const row of rows) {
      try {
        const copy = await this.read(row.request_id, row.package_sha256, row.html_sha256);
        if (copy.kind === 'erased') out.erased++;
      } catch (err) {
        if (!(err instanceof ReleasedCopyMismatchError)) throw err;
        out.altered.push(row.request_id);
      }
    }
    return out;
  }

  /** Deletes every copy holding one of these cases (an erasure of a person of them). */
  async forgetCases(caseIds: readonly string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE case_ids && $1::uuid[] RETURNING request_id`,
      [caseIds.map((c) => c.toLowerCase())],
    );
    return rows.length;
  }
}

/** One key from all the cases' keys: destroying any one of them leaves it underivable. */
function packageKey(subjectKeys: readonly Buffer[]): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.concat(subjectKeys), Buffer.alloc(0), 'lse foia package v1', 32),
  );
}

/** Bound to its row and part: a copy moved to another release, or JSON swapped with HTML, does not open. */
function aad(
  at: { requestId: string; packageSha256: string; htmlSha256: string; keyIds: readonly string[] },
  part: 'json' | 'html',
): Buffer {
  return Buffer.from(
    `${at.requestId.toLowerCase()}|${at.packageSha256}|${at.htmlSha256}|${at.keyIds.join(',').toLowerCase()}|${part}`,
  );
}

function seal(key: Buffer, text: string, associated: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associated);
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, sealed: Buffer, associated: Buffer): string | undefined {
  if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(associated);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}
