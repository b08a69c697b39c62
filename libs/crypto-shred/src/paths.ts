import type { Fragment } from './narrative';

/** A leaf's place in an event's data. */
export type Path = Array<string | number>;
export type Json = Record<string, unknown>;

/** A path as one comparable string; a box lists its values in the order of these (key order is not kept by jsonb). */
export const pathKey = (path: Path) => JSON.stringify(path);
export const byPath = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** The sorted paths of a box's markers, as its associated data covers them. */
export const pathsOf = (sorted: ReadonlyArray<{ key: string }>) =>
  sorted.map((entry) => entry.key).join('\n');

/** A box's plaintext: distinct values, and for each marker in path order the index of its value. */
export interface BoxContent {
  v: unknown[];
  i: number[];
  /** Spans of free texts of the event that name this box's subject (narrative.ts); absent when none. */
  f?: Fragment[];
}

function parentOf(root: Json, path: Path): Record<string | number, unknown> {
  let node: unknown = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  return node as Record<string | number, unknown>;
}

export function setAt(root: Json, path: Path, value: unknown): void {
  parentOf(root, path)[path[path.length - 1]] = value;
}

export function removeAt(root: Json, path: Path): void {
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent[last as number] = null;
  else delete parent[last];
}
