import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Where evidence content lives, addressed by its SHA-256: the same bytes are stored once. The
 * investigation service writes it (EvidenceAttached); audit reads it to put evidence files in a
 * FOIA package, as it reads every service's records: hence here, not in one service.
 */
export interface EvidenceStore {
  /** Stores the bytes (idempotent) and returns their digest and a storage reference. */
  put(content: Buffer): Promise<{ sha256: string; sizeBytes: number; storageRef: string }>;
  /** The bytes behind a reference, or undefined when the store does not have them. */
  get(storageRef: string): Promise<Buffer | undefined>;
}

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const REF = /^sha256:([0-9a-f]{64})$/;

/**
 * The default adapter: `<root>/sha256/ab/cd/<digest>`. A write goes to a temporary file first and
 * is renamed into place, so a reader never sees a half-written file; the content is checked
 * against its name when read, so a corrupted file is never served as evidence.
 */
export class FilesystemEvidenceStore implements EvidenceStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(digest: string): string {
    return join(this.root, 'sha256', digest.slice(0, 2), digest.slice(2, 4), digest);
  }

  async put(content: Buffer) {
    const sha256 = sha256Of(content);
    const path = this.pathOf(sha256);
    const exists = await stat(path).then(
      (s) => s.size === content.length,
      () => false,
    );
    if (!exists) {
      await mkdir(join(path, '..'), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, content, { flag: 'wx' });
      await rename(temp, path);
    }
    return { sha256, sizeBytes: content.length, storageRef: `sha256:${sha256}` };
  }

  async get(storageRef: string): Promise<Buffer | undefined> {
    const match = REF.exec(storageRef);
    if (!match) return undefined;
    const content = await readFile(this.pathOf(match[1])).catch(() => undefined);
    if (!content) return undefined;
    if (sha256Of(content) !== match[1]) throw new Error(`evidence ${storageRef} does not match its digest`);
    return content;
  }
}
