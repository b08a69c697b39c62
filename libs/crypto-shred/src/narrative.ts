import { ERASED, SealedValueError, shareBytes, type DataKey } from './leaf-cipher';
import type { NamedSpan, SpanFinder } from './people';
import type { SealPlan } from './seal';

/**
 * A free text that names people, as its own box holds it (marker `enc:v3:`): `t` the text with
 * each named span cut out, `h` the holes in text order, each `[offset into t, refs]`; a ref is
 * `[box, fragment index]` into that box's `f`. One ref: the fragment is the span's text, in the
 * box of the one person it names. Several (a span written the same way for several people, a
 * shared surname): each box holds a share, and the span is the XOR of all the shares, so it
 * reads only while every one of their keys lives.
 */
export interface Composite {
  t: string;
  h: Array<[number, Array<[number, number]>]>;
}

/** A fragment as its box holds it: the path of its text (checked on opening) and the span or a share. */
export type Fragment = [string, string];

/**
 * Cuts the named spans out of `text`. `fragment(subject, entry)` stores one fragment in the
 * subject's box and answers its [box, index]. Deterministic: the same text, spans and keys give
 * the same composite and fragments (a retried append stores the same bytes).
 */
export function splitText(
  text: string,
  spans: readonly NamedSpan[],
  eventId: string,
  where: string,
  keys: ReadonlyMap<string, DataKey>,
  fragment: (subject: string, entry: Fragment) => [number, number],
): Composite {
  let t = '';
  let at = 0;
  const h: Composite['h'] = [];
  spans.forEach((span, n) => {
    t += text.slice(at, span.start);
    at = span.end;
    const piece = text.slice(span.start, span.end);
    if (span.owners.length === 1) {
      h.push([t.length, [fragment(span.owners[0], [where, piece])]]);
      return;
    }
    const bytes = Buffer.from(piece, 'utf8');
    const last = Buffer.from(bytes);
    const refs = span.owners.slice(0, -1).map((owner) => {
      const key = keys.get(owner);
      if (!key) throw new Error(`no key for a person named in event ${eventId}`);
      const share = shareBytes(key.key, eventId, `${where}#${n}`, bytes.length);
      for (let i = 0; i < last.length; i++) last[i] ^= share[i];
      return fragment(owner, [where, share.toString('base64url')]);
    });
    refs.push(fragment(span.owners[span.owners.length - 1], [where, last.toString('base64url')]));
    h.push([t.length, refs]);
  });
  return { t: t + text.slice(at), h };
}

const isComposite = (value: unknown): value is Composite =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Composite).t === 'string' &&
  Array.isArray((value as Composite).h);

/**
 * The text again: each hole filled with its fragment, or with `[erased]` when a box it needs
 * was sealed under a destroyed key (`fragmentOf` answers null). A fragment of another path (a
 * box's fragments moved, or a ref altered) throws `SealedValueError`.
 */
export function joinText(
  value: unknown,
  where: string,
  eventId: string,
  fragmentOf: (box: number, index: number) => Fragment | null,
): { text: string; erased: boolean } {
  const fail = () => new SealedValueError(`event ${eventId.toLowerCase()}`);
  if (!isComposite(value)) throw fail();
  let text = '';
  let at = 0;
  let erased = false;
  for (const [offset, refs] of value.h) {
    if (
      typeof offset !== 'number' ||
      offset < at ||
      offset > value.t.length ||
      !Array.isArray(refs) ||
      !refs.length
    )
      throw fail();
    text += value.t.slice(at, offset);
    at = offset;
    const fragments = refs.map(([box, index]) => fragmentOf(box, index));
    if (fragments.some((f) => f === null)) {
      erased = true;
      text += ERASED;
      continue;
    }
    if (fragments.some((f) => !Array.isArray(f) || f[0] !== where || typeof f[1] !== 'string')) throw fail();
    const pieces = fragments as Fragment[];
    if (pieces.length === 1) {
      text += pieces[0][1];
      continue;
    }
    const shares = pieces.map((f) => Buffer.from(f[1], 'base64url'));
    if (shares.some((s) => s.length !== shares[0].length)) throw fail();
    const bytes = Buffer.alloc(shares[0].length);
    for (const share of shares) for (let i = 0; i < bytes.length; i++) bytes[i] ^= share[i];
    text += bytes.toString('utf8');
  }
  return { text: text + value.t.slice(at), erased };
}

/** True when the plan seals a non-empty free text: only then are the case's people looked for. */
export const hasFreeText = (plan: SealPlan | undefined): boolean =>
  plan?.leaves.some((leaf) => leaf.freeText && typeof leaf.value === 'string' && leaf.value.trim() !== '') ??
  false;

/**
 * Finds, in each free text of the plan, the spans naming a person the finder knows other than
 * the text's own subject (whose key seals the text anyway); sets `spans` on those leaves and
 * answers the subjects named, whose keys the seal needs too.
 */
export function nameSpans(plan: SealPlan, finder: SpanFinder): Set<string> {
  const named = new Set<string>();
  if (finder.empty) return named;
  for (const leaf of plan.leaves) {
    delete leaf.spans;
    if (!leaf.freeText || typeof leaf.value !== 'string') continue;
    const spans = finder
      .find(leaf.value)
      .map((span) => ({ ...span, owners: span.owners.filter((owner) => owner !== leaf.subject) }))
      .filter((span) => span.owners.length > 0);
    if (spans.length === 0) continue;
    leaf.spans = spans;
    for (const span of spans) for (const owner of span.owners) named.add(owner);
  }
  return named;
}
