import { classifyData } from '@lse/contracts';
import type { z } from 'zod';
import {
  erasedValue,
  marker,
  markerCheck,
  openBox,
  parseMarker,
  sealBox,
  SealedValueError,
  typeTag,
  type DataKey,
  type Marker,
  type SealedBox,
} from './leaf-cipher';

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

/** A path as one comparable string; a box lists its values in the order of these (key order is not kept by jsonb). */
const pathKey = (path: Path) => JSON.stringify(path);
const byPath = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** The sorted paths of a box's markers, as its associated data covers them. */
const pathsOf = (sorted: ReadonlyArray<{ key: string }>) => sorted.map((entry) => entry.key).join('\n');

/** A box's plaintext: distinct values, and for each marker in path order the index of its value. */
interface BoxContent {
  v: unknown[];
  i: number[];
}

export interface Sealed {
  data: Json;
  /** One box per data subject of the event (`metadata.sealed`); empty when nothing was sealed. */
  boxes: SealedBox[];
}

/**
 * `data` with each planned leaf replaced by a marker, and the boxes that hold the values: one
 * AES-256-GCM seal per subject of the event (a 5,000-row payroll of 100 workers seals 100
 * boxes, its repeated worker ids once each). The structure of the data is unchanged.
 */
export function applySeal(
  data: Json,
  eventId: string,
  plan: SealPlan,
  keys: ReadonlyMap<string, DataKey>,
): Sealed {
  if (plan.leaves.length === 0) return { data, boxes: [] };
  const copy = structuredClone(data);
  const bySubject = new Map<string, SealPlan['leaves']>();
  for (const leaf of plan.leaves) {
    const list = bySubject.get(leaf.subject) ?? bySubject.set(leaf.subject, []).get(leaf.subject)!;
    list.push(leaf);
  }
  const boxes: SealedBox[] = [];
  for (const [subject, leaves] of bySubject) {
    const key = keys.get(subject);
    if (!key) throw new Error(`no key for a subject of event ${eventId}`);
    const box = boxes.length;
    const content: BoxContent = { v: [], i: [] };
    const seen = new Map<string, number>();
    const check = markerCheck(key.key, eventId);
    const sorted = leaves.map((leaf) => ({ leaf, key: pathKey(leaf.path) })).sort(byPath);
    for (const { leaf } of sorted) {
      const json = JSON.stringify(leaf.value);
      let index = seen.get(json);
      if (index === undefined) {
        index = content.v.push(leaf.value) - 1;
        seen.set(json, index);
      }
      content.i.push(index);
      setAt(copy, leaf.path, marker(box, typeTag(leaf.value, leaf.optional), check));
    }
    boxes.push(sealBox(key, eventId, pathsOf(sorted), content));
  }
  return { data: copy, boxes };
}

export interface FoundMarker {
  path: Path;
  marker: Marker;
}

/** Every marker of stored data, wherever it is (no schema needed: any stored version opens). */
export function findMarkers(data: unknown): FoundMarker[] {
  const found: FoundMarker[] = [];
  // One path, pushed and popped: a 5,000-row payroll is walked on every read.
  const path: Path = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.startsWith('enc:v2:')) {
        const m = parseMarker(value);
        if (m) found.push({ path: [...path], marker: m });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const k in value) {
        path.push(k);
        walk((value as Json)[k]);
        path.pop();
      }
    }
  };
  walk(data);
  return found;
}

/** The boxes of a stored event's metadata, when it has any. */
export function boxesOf(metadata: Record<string, unknown>): SealedBox[] | undefined {
  const boxes = metadata.sealed;
  if (!Array.isArray(boxes)) return undefined;
  return boxes.every((b) => typeof b === 'object' && b && typeof (b as SealedBox).k === 'string')
    ? (boxes as SealedBox[])
    : undefined;
}

export interface Opened {
  data: Json;
  /** Paths (`workers.0.name`) whose subject's key was destroyed: their values are stand-ins. */
  erasedPaths: string[];
}

/**
 * Stored data with its markers replaced by their values, in place (the data is a reader's own
 * copy, just parsed: copying a 5,000-row payroll on every read would cost more than opening it);
 * a marker whose key was destroyed
 * becomes its erased stand-in (`erasedValue`). A string that only looks like a marker (its box
 * does not exist, or its check fails: text someone typed) is left as it is; a real marker moved
 * or a box altered throws `SealedValueError`.
 */
export function applyOpen(
  data: Json,
  eventId: string,
  boxes: readonly SealedBox[] | undefined,
  found: readonly FoundMarker[],
  keys: ReadonlyMap<string, Buffer | null>,
): Opened {
  const erasedPaths: string[] = [];
  if (!boxes || found.length === 0) return { data, erasedPaths };
  const byBox = new Map<number, FoundMarker[]>();
  for (const f of found) {
    const box = boxes[f.marker.box];
    if (!box || !keys.has(box.k)) continue;
    const list = byBox.get(f.marker.box) ?? byBox.set(f.marker.box, []).get(f.marker.box)!;
    list.push(f);
  }
  if (byBox.size === 0) return { data, erasedPaths };
  const copy = data;
  for (const [index, markers] of byBox) {
    const box = boxes[index];
    const key = keys.get(box.k);
    if (!key) {
      for (const { path, marker: m } of markers) {
        erasedPaths.push(path.join('.'));
        const field = [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
        const erased = erasedValue(m.tag, box.k, field);
        if (erased.remove) removeAt(copy, path);
        else setAt(copy, path, erased.value);
      }
      continue;
    }
    const check = markerCheck(key, eventId);
    const valid = markers
      .filter((f) => f.marker.check === check)
      .map((f) => ({ ...f, key: pathKey(f.path) }))
      .sort(byPath);
    const content = openBox(key, eventId, pathsOf(valid), box) as BoxContent;
    if (!Array.isArray(content.i) || content.i.length !== valid.length)
      throw new SealedValueError(`event ${eventId.toLowerCase()}`);
    valid.forEach((f, j) => setAt(copy, f.path, content.v[content.i[j]]));
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
