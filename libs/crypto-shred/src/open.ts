import {
  erasedValue,
  isMarkerLike,
  markerCheck,
  openBox,
  parseMarker,
  SealedValueError,
  type Marker,
  type SealedBox,
} from './leaf-cipher';
import { joinText } from './narrative';
import { byPath, pathKey, pathsOf, removeAt, setAt, type BoxContent, type Json, type Path } from './paths';

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
      if (isMarkerLike(value)) {
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
  const fail = () => new SealedValueError(`event ${eventId.toLowerCase()}`);
  // Each box opened once, when its markers or a text's holes need it; null: its key was destroyed.
  const opened = new Map<
    number,
    { content: BoxContent; valid: Array<FoundMarker & { key: string }> } | null
  >();
  const open = (index: number) => {
    if (opened.has(index)) return opened.get(index)!;
    const box = boxes[index];
    // A hole naming no box, or a box of a key the keyring never issued: altered.
    if (!box || !keys.has(box.k)) throw fail();
    const key = keys.get(box.k);
    if (!key) {
      opened.set(index, null);
      return null;
    }
    const checks = { 2: markerCheck(key, eventId, 2), 3: markerCheck(key, eventId, 3) };
    const valid = (byBox.get(index) ?? [])
      .filter((f) => f.marker.check === checks[f.marker.version])
      .map((f) => ({ ...f, key: pathKey(f.path) }))
      .sort(byPath);
    const content = openBox(key, eventId, pathsOf(valid), box) as BoxContent;
    if (!Array.isArray(content.i) || content.i.length !== valid.length) throw fail();
    const result = { content, valid };
    opened.set(index, result);
    return result;
  };
  const texts: Array<{ path: Path; key: string; value: unknown }> = [];
  for (const [index, markers] of byBox) {
    const box = boxes[index];
    const result = open(index);
    if (!result) {
      for (const { path, marker: m } of markers) {
        erasedPaths.push(path.join('.'));
        const field = [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
        const erased = erasedValue(m.tag, box.k, field);
        if (erased.remove) removeAt(data, path);
        else setAt(data, path, erased.value);
      }
      continue;
    }
    result.valid.forEach((f, j) => {
      const value = result.content.v[result.content.i[j]];
      if (f.marker.version === 3) texts.push({ path: f.path, key: f.key, value });
      else setAt(data, f.path, value);
    });
  }
  // Texts naming people: their spans come from the boxes of those people.
  for (const { path, key, value } of texts) {
    const joined = joinText(value, key, eventId, (box, index) => {
      if (!Number.isInteger(box) || !Number.isInteger(index)) throw fail();
      const result = open(box);
      if (!result) return null;
      const fragment = result.content.f?.[index];
      if (!fragment) throw fail();
      return fragment;
    });
    setAt(data, path, joined.text);
    if (joined.erased) erasedPaths.push(path.join('.'));
  }
  return { data, erasedPaths };
}
