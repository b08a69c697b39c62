import { randomBytes, randomUUID } from 'node:crypto';
import type { DataKey, DataKeys } from '../src';

/** An in-memory keyring for the unit specs: the PostgreSQL one is tested in subject-keys.spec.ts. */
export class MemoryKeys implements DataKeys {
  readonly bySubject = new Map<string, DataKey>();
  readonly destroyed = new Set<string>();

  keysFor(subjects: readonly string[]): Promise<Map<string, DataKey>> {
    for (const subject of subjects)
      if (!this.bySubject.has(subject))
        this.bySubject.set(subject, { keyId: randomUUID(), key: randomBytes(32) });
    return Promise.resolve(new Map(subjects.map((s) => [s, this.bySubject.get(s)!])));
  }

  keysById(ids: readonly string[]): Promise<Map<string, Buffer | null>> {
    const out = new Map<string, Buffer | null>();
    for (const key of this.bySubject.values())
      if (ids.includes(key.keyId)) out.set(key.keyId, this.destroyed.has(key.keyId) ? null : key.key);
    return Promise.resolve(out);
  }

  keyIdOf(subject: string): string {
    return this.bySubject.get(subject)!.keyId;
  }

  destroy(subject: string): void {
    this.destroyed.add(this.keyIdOf(subject));
  }
}
