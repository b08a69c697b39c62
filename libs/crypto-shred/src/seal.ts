import { classifyData } from '@lse/contracts';
import type { z } from 'zod';
import type { NewSubjectKey } from '@lse/event-store';
import { marker, markerCheck, sealBox, typeTag, type DataKey, type SealedBox } from './leaf-cipher';
import { splitText, type Fragment } from './narrative';
import { byPath, pathKey, pathsOf, setAt, type BoxContent, type Json, type Path } from './paths';
import type { NamedSpan } from './people';

/** Where the sealer gets keys: `SubjectKeys` over PostgreSQL, or any other keyring. */
export interface DataKeys {
  /** The key of each subject, created the first time a subject is asked for. */
  keysFor(subjects: readonly string[]): Promise<Map<string, DataKey>>;
  /**
   * The keys of an append's subjects: those that exist read, the missing ones made but not
   * stored: the append stores `created` in its own statement (event store `subjectKeys`) and
   * calls `stored()` once it committed. Without it, `keysFor` stores them first, in a commit of
   * their own.
   */
  keysForAppend?(subjects: readonly string[]): Promise<KeysForAppend>;
  /** Keys by id: null for a destroyed key; absent for an id the keyring never issued. */
  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>>;
}

export interface KeysForAppend {
  keys: Map<string, DataKey>;
  created: NewSubjectKey[];
  stored(): void;
}

/** Personal and confidential-source values are sealed; every other classification stays readable. */
const SEALED_CLASSES = new Set(['personal', 'confidential_source']);

/** A personal value the sealer cannot seal without changing the data's structure. */
export class UnsealableValueError extends Error {
  constructor(readonly path: Path) {
    super(`a record key at ${path.join('.')} is classified personal: record keys cannot be sealed`);
    this.name = 'UnsealableValueError';
  }
}

export interface SealLeaf {
  path: Path;
  value: unknown;
  optional: boolean;
  subject: string;
  /** A free-text string (`isFreeTextSchema`): it may name people of the case. */
  freeText?: boolean;
  /** The spans of a free text naming people other than its own subject (`nameSpans`). */
  spans?: NamedSpan[];
}

export interface SealPlan {
  leaves: SealLeaf[];
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
      ...(entry.freeText ? { freeText: true } : {}),
    });
  }
  return { leaves };
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
  const bySubject = new Map<string, SealLeaf[]>();
  for (const leaf of plan.leaves) {
    const list = bySubject.get(leaf.subject) ?? bySubject.set(leaf.subject, []).get(leaf.subject)!;
    list.push(leaf);
  }
  // Boxes in the order of the leaves' subjects, then the people only named in a text (sorted):
  // deterministic, and the leaves' boxes keep the indexes they had before texts were split.
  const named = plan.leaves.flatMap((leaf) => leaf.spans?.flatMap((span) => span.owners) ?? []);
  const order = [...bySubject.keys(), ...[...new Set(named)].filter((s) => !bySubject.has(s)).sort()];
  const boxOf = new Map(order.map((subject, index) => [subject, index]));
  const keyOf = (subject: string) => {
    const key = keys.get(subject);
    if (!key) throw new Error(`no key for a subject of event ${eventId}`);
    return key;
  };
  const contents = order.map((): BoxContent => ({ v: [], i: [] }));
  const fragment = (subject: string, entry: Fragment): [number, number] => {
    const box = boxOf.get(subject)!;
    const list = (contents[box].f ??= []);
    return [box, list.push(entry) - 1];
  };
  const pathsByBox: string[] = order.map(() => '');
  for (const [subject, leaves] of bySubject) {
    const box = boxOf.get(subject)!;
    const key = keyOf(subject);
    const content = contents[box];
    const seen = new Map<string, number>();
    const sorted = leaves.map((leaf) => ({ leaf, key: pathKey(leaf.path) })).sort(byPath);
    for (const { leaf, key: where } of sorted) {
      const composite = leaf.spans?.length
        ? splitText(leaf.value as string, leaf.spans, eventId, where, keys, fragment)
        : undefined;
      const value = composite ?? leaf.value;
      const json = JSON.stringify(value);
      let index = seen.get(json);
      if (index === undefined) {
        index = content.v.push(value) - 1;
        seen.set(json, index);
      }
      content.i.push(index);
      const version = composite ? 3 : 2;
      setAt(
        copy,
        leaf.path,
        marker(box, typeTag(leaf.value, leaf.optional), markerCheck(key.key, eventId, version), version),
      );
    }
    pathsByBox[box] = pathsOf(sorted);
  }
  const boxes = order.map((subject, box) => sealBox(keyOf(subject), eventId, pathsByBox[box], contents[box]));
  return { data: copy, boxes };
}
