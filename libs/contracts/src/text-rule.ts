/*
 * The one rule for text in every contract: a string (or an object key) may hold any Unicode text
 * except NUL (U+0000) and unpaired UTF-16 surrogates. Neither is text: PostgreSQL refuses both
 * in json and text columns (so an append failed with a 5xx), and a lone surrogate has no UTF-8
 * encoding (JSON.stringify writes it as an escape that no other system round-trips). The gateway
 * applies the rule to every request (body, query and path parameters) and the event registry to
 * every event it creates, so neither can reach the store. Invalid UTF-8 never becomes a string
 * here at all: the gateway refuses such bytes before decoding (http/json-depth.ts).
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` breaks the rule, or undefined when it is fine. */
export function unsafeTextReason(text: string): string | undefined {
  const found = UNSAFE_TEXT.exec(text);
  if (!found) return undefined;
  return found[0] === '\u0000'
    ? 'must not contain the NUL character (U+0000)'
    : 'must not contain an unpaired surrogate (not valid Unicode text)';
}

export interface UnsafeText {
  /** Where, from the value given: property names and array indexes. */
  path: Array<string | number>;
  message: string;
}

/** A place in the walked value: its key and its parent's place (the path is built only when reported). */
interface Place {
  key: string | number;
  parent?: Place;
}

function pathOf(place: Place | undefined): Array<string | number> {
  const path: Array<string | number> = [];
  for (let p = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * Every string and object key in `value` that breaks the rule (or `reasonOf`'s), at most `limit`. Walks
 * with its own stack, keeping parent links rather than copied paths: linear in the size of the
 * value however deeply it is nested.
 */
export function findUnsafeText(
  value: unknown,
  limit = 20,
  reasonOf: (text: string) => string | undefined = unsafeTextReason,
): UnsafeText[] {
  const found: UnsafeText[] = [];
  const stack: Array<{ value: unknown; place?: Place }> = [{ value }];
  while (stack.length > 0 && found.length < limit) {
    const { value: node, place } = stack.pop()!;
    if (typeof node === 'string') {
      const reason = reasonOf(node);
      if (reason) found.push({ path: pathOf(place), message: reason });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ value: node[i], place: { key: i, parent: place } });
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const reason = reasonOf(key);
        if (reason) found.push({ path: pathOf({ key, parent: place }), message: `property name ${reason}` });
        else stack.push({ value: child, place: { key, parent: place } });
      }
    }
  }
  return found.slice(0, limit);
}
