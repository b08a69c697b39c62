import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SubjectErasedError, type DataKeys } from '@lse/crypto-shred';

/**
 * Where evidence content lives, addressed by its SHA-256 and sealed under its case's key. The
 * investigation service writes it (EvidenceAttached); audit reads it to put evidence files in a
 * FOIA package, as it reads every service's records: hence here, not in one service.
 */
export interface EvidenceStore {
  /**
   * Stores the bytes of a case's evidence (idempotent) and returns their digest and a storage
   * reference. Refused (SubjectErasedError) when the case's personal data was erased.
   */
  put(content: Buffer, caseId: string): Promise<{ sha256: string; sizeBytes: number; storageRef: string }>;
  /**
   * The bytes behind a reference as the case holds them, or undefined when the store does not
   * have them. Throws EvidenceErasedError when the case's key was destroyed.
   */
  get(storageRef: string, caseId: string): Promise<Buffer | undefined>;
}

/** Evidence of a case whose key is destroyed: the file no longer opens (docs/erasure.md). */
export class EvidenceErasedError extends Error {
  readonly code = 'evidence_erased';
  constructor() {
    super("This evidence file was erased with the case's personal data: it can no longer be read.");
    this.name = 'EvidenceErasedError';
  }
}

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const REF = /^sha256:([0-9a-f]{64})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_BYTES = IV_BYTES + TAG_BYTES;

/** The key a case's evidence is sealed under: derived from the case's key, for this use only. */
const fileKey = (caseKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', caseKey, Buffer.alloc(0), 'lse evidence v1', 32));
const aad = (digest: string, keyId: string) =>
  Buffer.from(`lse evidence v1|${digest}|${keyId.toLowerCase()}`);

/**
 * The default adapter (docs/erasure.md#evidence-files). A file is personal data (a worker's pay
 * stubs, their texts), so it is kept only sealed, AES-256-GCM under a key derived from its case's
 * subject key (`case:<caseId>`, the keyring of libs/crypto-shred): destroying that key erases it
 * wherever the bytes are, copies and backups included.
 *
 * Content addressing stays on the plaintext: the reference is `sha256:<digest of the bytes>`, as
 * the EvidenceAttached event records it, and a file is checked against it when opened, so a
 * corrupted or substituted file is never served as evidence. The digest names nothing more than
 * the event already does (it is `pub` there). A file sits at `sealed/ab/cd/<digest>/<keyId>`, one
 * per case key: the same bytes attached to two cases are stored twice, each erasable with its own
 * case (addressing by ciphertext would give each copy another name and lose the one-digest
 * reference the events carry). The random IV makes the sealed bytes differ per write, so a write
 * goes to a temporary file renamed into place, and is skipped when the case already holds it.
 * Files written in clear before sealing (`sha256/ab/cd/<digest>`) are still read while the case's
 * key lives; they are not sealed after the fact.
 */
export class FilesystemEvidenceStore implements EvidenceStore {
  private readonly root: string;

  constructor(
    root: string,
    /** The keyring of the event store (SealedEventStore.keys): the cases' keys. */
    private readonly keys: DataKeys,
  ) {
    this.root = resolve(root);
  }

  private sealedPath(digest: string, keyId: string): string {
    return join(this.root, 'sealed', digest.slice(0, 2), digest.slice(2, 4), digest, keyId.toLowerCase());
  }

  private clearPath(digest: string): string {
    return join(this.root, 'sha256', digest.slice(0, 2), digest.slice(2, 4), digest);
  }

  private async caseKey(caseId: string) {
    const subject = `case:${caseId.toLowerCase()}`;
    const key = (await this.keys.keysFor([subject])).get(subject);
    if (!key) throw new Error(`the keyring gave no key for ${subject}`);
    return key;
  }

  async put(content: Buffer, caseId: string) {
    const sha256 = sha256Of(content);
    const { keyId, key } = await this.caseKey(caseId);
    const path = this.sealedPath(sha256, keyId);
    const exists = await stat(path).then(
      (s) => s.size === content.length + SEALED_BYTES,
      () => false,
    );
    if (!exists) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', fileKey(key), iv);
      cipher.setAAD(aad(sha256, keyId));
      const sealed = Buffer.concat([iv, cipher.update(content), cipher.final(), cipher.getAuthTag()]);
      await mkdir(join(path, '..'), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, sealed, { flag: 'wx' });
      await rename(temp, path);
    }
    return { sha256, sizeBytes: content.length, storageRef: `sha256:${sha256}` };
  }

  async get(storageRef: string, caseId: string): Promise<Buffer | undefined> {
    const match = REF.exec(storageRef);
    if (!match) return undefined;
    const digest = match[1];
    let caseKey;
    try {
      caseKey = await this.caseKey(caseId);
    } catch (err) {
      if (err instanceof SubjectErasedError) throw new EvidenceErasedError();
      throw err;
    }
    const sealed = await readFile(this.sealedPath(digest, caseKey.keyId)).catch(() => undefined);
    const content = sealed ? open(sealed, digest, caseKey.keyId, caseKey.key) : await this.readClear(digest);
    if (!content) return undefined;
    if (sha256Of(content) !== digest) throw new Error(`evidence ${storageRef} does not match its digest`);
    return content;
  }

  private readClear(digest: string): Promise<Buffer | undefined> {
    return readFile(this.clearPath(digest)).catch(() => undefined);
  }
}

function open(sealed: Buffer, digest: string, keyId: string, key: Buffer): Buffer {
  if (sealed.length < SEALED_BYTES) throw new Error(`evidence sha256:${digest} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', fileKey(key), sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad(digest, keyId));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new Error(`evidence sha256:${digest} does not open with its case's key: it was altered`);
  }
}
