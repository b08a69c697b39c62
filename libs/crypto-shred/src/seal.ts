import { classifyData } from '@lse/contracts';
import type { z } from 'zod';
import { erasedValue, openLeaf, parseSealed, sealLeaf, type DataKey, type SealedLeaf } from './leaf-cipher';

/** Where the sealer gets keys: `SubjectKeys` over PostgreSQL, or any other keyring. */
export interface DataKeys {
  /** The key of each subject, created the first time a subject is asked for. */
  keysFor(subjects: readonly string[]): Promise<Map<string, DataKey>>;
  /** Keys by id: null for a destroyed key; absent for an id the keyring never issued. */
  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>>;
}

type Path = Array<string | number>;
type Json = Record<string, unknown>;

/** Personal and confidential-source values are sealed; every other classification stays readable. */
const SEALED_CLASSES = new Set(['personal', 'confidential_source']);

/** The associated data of a leaf: a ciphertext opens only in its own event, at its own path. */
export const leafAad = (eventId: string, path: Path): string =>
  `${eventId.toLowerCase()}|${JSON.stringify(path)}`;

/** A personal value the sealer cannot seal without changing the data's structure. */
export class UnsealableValueError extends Error {
  constructor(readonly path: Path) {
    super(`a record key at ${path.join('.')} is classified personal: record keys cannot be sealed`);
    this.name = 'UnsealableValueError';
  }
}

export interface SealPlan {
  leaves: Array<{ path: Path; value: unknown; optional: boolean; subject: string }>;
}

/**
 * The personal and confidential-source leaves of one event's data and whose each is
 * (`classifyData` with subjects); a leaf no enclosing object claims is `fallbackSubject`'s.
 */
export function planSeal(schema: z.core.$ZodType, data: unknown, fallbackSubject: string): SealPlan {
  const leaves: SealPlan['leaves'] = [];
  for (const entry of classifyData(schema, data, undefined, { withSubjects: true })) {
    if (!SEALED_CLASSES.has(entry.classification)) continue;
    if (entry.isKey) throw new UnsealableValueError(entry.path);
    leaves.push({
      path: entry.path,
      value: entry.value,
      optional: entry.optional ?? false,
      subject: entry.subject ?? fallbackSubject,
    });
  }
  return { leaves };
}

/** A copy of `data` with each planned leaf replaced by its sealed string; the structure is unchanged. */
export function applySeal(
  data: Json,
  eventId: string,
  plan: SealPlan,
  keys: ReadonlyMap<string, DataKey>,
): Json {
  if (plan.leaves.length === 0) return data;
  const copy = structuredClone(data);
  for (const leaf of plan.leaves) {
    const key = keys.get(leaf.subject);
    if (!key) throw new Error(`no key for a subject of event ${eventId}`);
    setAt(copy, leaf.path, sealLeaf(key, leafAad(eventId, leaf.path), leaf.value, leaf.optional));
  }
  return copy;
}

export interface FoundSealed {
  path: Path;
  sealed: SealedLeaf;
}

/** Every sealed string of stored data, wherever it is (no schema needed: any stored version opens). */
export function findSealed(data: unknown): FoundSealed[] {
  const found: FoundSealed[] = [];
  const walk = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      const sealed = parseSealed(value);
      if (sealed) found.push({ path, sealed });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(data, []);
  return found;
}

export interface Opened {
  data: Json;
  /** Paths (`workers.0.name`) whose subject's key was destroyed: their values are stand-ins. */
  erasedPaths: string[];
}

/**
 * Stored data with its sealed leaves opened; a leaf whose key was destroyed becomes its erased
 * stand-in (`erasedValue`). A string that only looks sealed (its key id was never issued, e.g.
 * text someone typed) is left as it is.
 */
export function applyOpen(
  data: Json,
  eventId: string,
  found: readonly FoundSealed[],
  keys: ReadonlyMap<string, Buffer | null>,
): Opened {
  const erasedPaths: string[] = [];
  const known = found.filter((f) => keys.has(f.sealed.keyId));
  if (known.length === 0) return { data, erasedPaths };
  const copy = structuredClone(data);
  for (const { path, sealed } of known) {
    const key = keys.get(sealed.keyId);
    const where = path.join('.');
    if (key) {
      setAt(copy, path, openLeaf(key, leafAad(eventId, path), sealed, where));
      continue;
    }
    erasedPaths.push(where);
    const field = [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
    const erased = erasedValue(sealed, field);
    if (erased.remove) removeAt(copy, path);
    else setAt(copy, path, erased.value);
  }
  return { data: copy, erasedPaths };
}

function parentOf(root: Json, path: Path): Record<string | number, unknown> {
  let node: unknown = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  return node as Record<string | number, unknown>;
}

function setAt(root: Json, path: Path, value: unknown): void {
  parentOf(root, path)[path[path.length - 1]] = value;
}

function removeAt(root: Json, path: Path): void {
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent[last as number] = null;
  else delete parent[last];
}
