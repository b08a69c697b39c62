/**
 * What changed in a case between an instant and now, field by field: each stream's replayed
 * state is flattened to paths (`investigation.determination.issuedAt`, `workers[1].name`) and
 * the two sides compared. Pure: the as-of screen and its tests share it.
 */

export type Change = 'added' | 'changed' | 'removed' | 'unchanged';

export interface FieldDiff {
  path: string;
  change: Change;
  /** Absent when the field did not exist on that side. */
  then?: unknown;
  now?: unknown;
}

export interface StreamDiff {
  streamId: string;
  category: string;
  /** 'added': the stream did not exist at the instant; 'removed' cannot happen in an append-only store but is shown if seen. */
  change: Change;
  versionThen: number;
  versionNow: number;
  fields: FieldDiff[];
}

export interface StreamSide {
  streamId: string;
  category: string;
  version: number;
  state: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every leaf of a value with its path. Empty objects and arrays are leaves of their own, so
 * "no penalties yet" and "one penalty" differ by more than a missing line.
 */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // No state at all (a stream that did not exist yet) has no fields.
  if (value === undefined) return out;
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v) && v.length > 0) v.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (isRecord(v) && Object.keys(v).length > 0)
      for (const [k, item] of Object.entries(v)) walk(item, path ? `${path}.${k}` : k);
    else out.set(path, v);
  };
  walk(value, prefix);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffFields(then: unknown, now: unknown): FieldDiff[] {
  const a = flatten(then);
  const b = flatten(now);
  const out: FieldDiff[] = [];
  for (const [path, value] of b) {
    if (!a.has(path)) out.push({ path, change: 'added', now: value });
    else if (!same(a.get(path), value)) out.push({ path, change: 'changed', then: a.get(path), now: value });
    else out.push({ path, change: 'unchanged', then: value, now: value });
  }
  for (const [path, value] of a) if (!b.has(path)) out.push({ path, change: 'removed', then: value });
  // The state's own order (the decider's), removed fields where they were.
  const order = [...new Set([...a.keys(), ...b.keys()])].sort(byPath);
  const rank = new Map(order.map((p, i) => [p, i]));
  return out.sort((x, y) => rank.get(x.path)! - rank.get(y.path)!);
}

/** Paths in document order: `a[2]` before `a[10]`, parents' keys grouped. */
function byPath(x: string, y: string): number {
  return x.localeCompare(y, 'en', { numeric: true });
}

/** The case then and now, stream by stream: streams in the order they began, new ones last. */
export function diffCase(then: readonly StreamSide[], now: readonly StreamSide[]): StreamDiff[] {
  const before = new Map(then.map((s) => [s.streamId, s]));
  const after = new Map(now.map((s) => [s.streamId, s]));
  const ids = [...new Set([...then.map((s) => s.streamId), ...now.map((s) => s.streamId)])];
  return ids.map((streamId) => {
    const a = before.get(streamId);
    const b = after.get(streamId);
    const fields = diffFields(a?.state, b?.state);
    const change: Change = !a
      ? 'added'
      : !b
        ? 'removed'
        : fields.some((f) => f.change !== 'unchanged')
          ? 'changed'
          : 'unchanged';
    return {
      streamId,
      category: (b ?? a)!.category,
      change,
      versionThen: a?.version ?? 0,
      versionNow: b?.version ?? 0,
      fields,
    };
  });
}

/** How many fields were added, changed and removed since the instant, over all streams. */
export function countChanges(streams: readonly StreamDiff[]): Record<Exclude<Change, 'unchanged'>, number> {
  const counts = { added: 0, changed: 0, removed: 0 };
  for (const s of streams) for (const f of s.fields) if (f.change !== 'unchanged') counts[f.change]++;
  return counts;
}
