import { createHash } from 'node:crypto';

type Piece = { text: string } | { value: unknown };

/** Nesting the recursive writer handles; deeper values go to the iterative one. */
const RECURSION_LIMIT = 256;

class TooDeep extends Error {}

/**
 * JSON with object keys sorted, so the same body always hashes the same. A body is
 * fingerprinted before it is validated, and a request of nested brackets within the body limit
 * (100,000 levels in 200 kB) must not overflow the stack (a 500 found by
 * test/security/fuzz.spec.ts): values nested deeper than RECURSION_LIMIT are written by the
 * iterative `canonicalJsonDeep`, which gives the same text. The recursive writer is the one
 * requests take (JSON bodies are refused beyond 64 levels): the iterative one allocated a piece
 * object per value and a sorted entries array per object, an eighth of the gateway's garbage.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, 0);
  } catch (err) {
    if (err instanceof TooDeep) return canonicalJsonDeep(value);
    throw err;
  }
}

function write(v: unknown, depth: number): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v ?? null) ?? '';
  if (depth >= RECURSION_LIMIT) throw new TooDeep();
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + write(v[i], depth + 1);
    return out + ']';
  }
  const record = v as Record<string, unknown>;
  // Default sort order is by UTF-16 code units, as `a < b` compares strings.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + write(member, depth + 1);
    first = false;
  }
  return out + '}';
}

/** The same text without recursion, for values of any depth. */
export function canonicalJsonDeep(value: unknown): string {
  const out: string[] = [];
  // Pieces to write, last first: a container pushes its closing bracket, its members, its opening bracket.
  const pending: Piece[] = [{ value }];
  for (let piece = pending.pop(); piece; piece = pending.pop()) {
    if ('text' in piece) {
      out.push(piece.text);
      continue;
    }
    const v = piece.value;
    if (Array.isArray(v)) {
      pending.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        pending.push({ value: v[i] });
        if (i > 0) pending.push({ text: ',' });
      }
      pending.push({ text: '[' });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, e]) => e !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      pending.push({ text: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        pending.push({ value: entries[i][1] });
        pending.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(entries[i][0])}:` });
      }
      pending.push({ text: '{' });
    } else out.push(JSON.stringify(v ?? null));
  }
  return out.join('');
}

export const requestHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');
