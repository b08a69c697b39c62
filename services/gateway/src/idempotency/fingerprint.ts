import { createHash } from 'node:crypto';

type Piece = { text: string } | { value: unknown };

/**
 * JSON with object keys sorted, so the same body always hashes the same. Iterative, not
 * recursive: a body is fingerprinted before it is validated, and a request of nested brackets
 * within the body limit (100,000 levels in 200 kB) must not overflow the stack (a 500 found by
 * test/security/fuzz.spec.ts).
 */
export function canonicalJson(value: unknown): string {
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
