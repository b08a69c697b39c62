import type { TextFindingKind } from '../audit/text-redaction';
import { findPatterns } from './text-patterns';

/** One thing to redact in a text: what it is and where (UTF-16 offsets into the text, end exclusive). */
export interface TextFinding {
  kind: TextFindingKind;
  start: number;
  end: number;
  /** A name the case records only as a confidential source's (it cites that source's exemption). */
  confidential?: boolean;
  /** Whose name it is, when the names were given with owners (crypto-shredding's data subjects). */
  owners?: string[];
}

/*
 * Folding: names match whatever the accents and case ("José" and "JOSE" are "jose"). The text is
 * folded code point by code point, remembering where each folded character came from, so a match
 * in the folded text maps back to a span of the original.
 */
interface Folded {
  text: string;
  /** For each folded UTF-16 unit, the offset of the original character it came from. */
  from: number[];
  /** For each folded UTF-16 unit, the end of that original character. */
  to: number[];
}

const foldChar = (c: string) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + c.length);
    }
    out += f;
    i += c.length;
  }
  return { text: out, from, to };
}

export const foldName = (name: string) => fold(name).text;

/** A word of the text: letters and digits (and inner apostrophes, "O'Brien"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Particles of names that are never a name alone ("de", "del", "van"). */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'da',
  'do',
  'dos',
  'das',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'y',
  'e',
  'bin',
  'ibn',
  'st',
  'mc',
  'mac',
]);

/**
 * Names that are also common words: alone, they match only when the text capitalises them
 * ("Rose said" but not "the rent rose"). Written as a name in full they match in any case.
 */
const COMMON_WORDS = new Set(
  (
    'will bill mark grant hope joy faith may june april august dawn art amber bell brown green white ' +
    'black young king long hill wood stone case rich price cook baker miller page ray sky summer ' +
    'winter love star rock lane field rose lily iris ivy jade pearl ruby daisy holly penny sandy ' +
    'rusty chase hunter mason carter major march frank sterling earnest ernest guy jack rob sue ' +
    'pat don jean rosa flor paz luz cruz santos angel sol mar rey leal blanco moreno rubio delgado ' +
    'alegre bueno soto vega campos rios flores prado worker owner manager boss cash job wage ' +
    'paid pay day week work overtime the and for'
  ).split(' '),
);

/** A name the case knows, as written in its records; a confidential source's name is flagged. */
/**
 * The record fields that hold a person's name (when classified personal): where the FOIA
 * redaction and the narrative sealer learn the names a free text may contain.
 */
export const PERSON_NAME_KEYS: ReadonlySet<string> = new Set([
  'name',
  'fullName',
  'givenName',
  'familyName',
  'firstName',
  'lastName',
  'middleName',
  'preferredName',
  'legalName',
]);

export interface KnownName {
  name: string;
  confidential?: boolean;
  /** Whose name it is (a data subject, `worker:<id>`): findings of it name their owners. */
  owner?: string;
}

interface Token {
  folded: string;
  start: number;
  end: number;
  /** The original's first letter is upper case. */
  capitalised: boolean;
}

interface Variant {
  tokens: string[];
  /** A single name part alone: subject to the common-word and capitalisation rules. */
  alone: boolean;
  confidential: boolean;
  /** A piece of a hyphenated part alone ("Planted" of "Planted-Complainant"): capitalised only. */
  piece: boolean;
  /** Everyone whose name may be written this way (several when two people share a surname). */
  owners: string[];
}

const lettersOf = (s: string) => [...s.replace(/[^\p{L}]/gu, '')].length;

/**
 * The ways a text may write a name: in full, first and last, any run of its parts, "Last, First"
 * (and "Last1 Last2, First"), and each part of at least 3 letters alone. Parts are split on white space; a
 * hyphenated part is also matched piece by piece, capitalised.
 */
function variantsOf(name: string, confidential: boolean, owner?: string): Variant[] {
  const parts = name
    .split(/[\s,]+/)
    .map((p) => [...fold(p).text.matchAll(WORD)].map((m) => m[0]))
    .filter((p) => p.length > 0);
  if (parts.length === 0) return [];
  const flat = (ps: string[][]) => ps.flat();
  const variants: Variant[] = [];
  const add = (tokens: string[], alone = false, piece = false) => {
    if (tokens.length > 0)
      variants.push({ tokens, alone, piece, confidential, owners: owner ? [owner] : [] });
  };
  const real = parts.filter((p) => !(p.length === 1 && PARTICLES.has(p[0])));
  // A one-word name is only ever a part alone (below), under the rules for parts.
  if (flat(parts).length > 1) add(flat(parts));
  if (real.length >= 2) {
    const first = real[0];
    const last = real[real.length - 1];
    add([...first, ...last]);
    add([...last, ...first]);
    add([...flat(parts.slice(1)), ...first]);
    add([...last, ...flat(parts.slice(0, -1))]);
    // Any run of two parts or more in order ("José García" of "José García López").
    for (let a = 0; a < parts.length; a++)
      for (let b = a + 2; b <= parts.length; b++) add(flat(parts.slice(a, b)));
  }
  for (const part of real) {
    if (lettersOf(part.join('')) >= 3) add(part, true);
    if (part.length > 1)
      for (const piece of part) if (lettersOf(piece) >= 3 && !PARTICLES.has(piece)) add([piece], true, true);
  }
  return variants;
}

/** Between two words of a name: spaces, a hyphen, or the comma of "Last, First". */
const GAP = /^(?:\s+|\s*-\s*|\s*,\s*)$/u;

/**
 * Where the names a case knows appear in a text: case- and accent-insensitive, on word
 * boundaries, in full or by part. A part shorter than 3 letters is never matched alone, a
 * particle never, and a part that is also a common word only when capitalised. Longest first:
 * "Rosa Planted-Complainant" is one finding, not three.
 */
export class NameFinder {
  /** First folded token -> the variants that start with it, longest first. */
  private readonly byFirst = new Map<string, Variant[]>();

  constructor(names: Iterable<string | KnownName>) {
    const seen = new Map<string, Variant>();
    for (const known of names) {
      const { name, confidential = false, owner } = typeof known === 'string' ? { name: known } : known;
      for (const v of variantsOf(name, confidential, owner)) {
        const key = `${v.tokens.join(' ')}|${v.alone}|${v.piece}`;
        const same = seen.get(key);
        if (same) {
          // Written the same way as a confidential source's name: it cites the stricter exemption.
          same.confidential ||= v.confidential;
          for (const o of v.owners) if (!same.owners.includes(o)) same.owners.push(o);
          continue;
        }
        seen.set(key, v);
        const list = this.byFirst.get(v.tokens[0]) ?? [];
        list.push(v);
        this.byFirst.set(v.tokens[0], list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  find(text: string): TextFinding[] {
    if (this.empty) return [];
    const folded = fold(text);
    const tokens: Token[] = [...folded.text.matchAll(WORD)].map((m) => {
      const start = folded.from[m.index];
      let end = folded.to[m.index + m[0].length - 1];
      // Combining marks after the last letter ("e" + U+0301) belong to the word.
      while (end < text.length && /\p{M}/u.test(text[end])) end++;
      return {
        folded: m[0],
        start,
        end,
        capitalised: /^\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(start) ?? 32)),
      };
    });
    const out: TextFinding[] = [];
    for (let i = 0; i < tokens.length;) {
      const match = this.matchAt(text, tokens, i);
      if (!match) {
        i++;
        continue;
      }
      const end = tokens[i + match.tokens.length - 1].end;
      out.push({
        kind: 'name',
        start: tokens[i].start,
        end,
        ...(match.confidential ? { confidential: true } : {}),
        ...(match.owners.length ? { owners: [...match.owners].sort() } : {}),
      });
      i += match.tokens.length;
    }
    return out;
  }

  /** The longest variant that matches the tokens from `i`, if any. */
  private matchAt(text: string, tokens: Token[], i: number): Variant | undefined {
    for (const v of this.byFirst.get(tokens[i].folded) ?? []) {
      if (i + v.tokens.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < v.tokens.length && ok; k++) {
        ok =
          tokens[i + k].folded === v.tokens[k] &&
          GAP.test(text.slice(tokens[i + k - 1].end, tokens[i + k].start));
      }
      if (!ok) continue;
      if (v.alone) {
        const t = tokens[i];
        if ((v.piece || COMMON_WORDS.has(t.folded)) && !t.capitalised) continue;
      }
      return v;
    }
    return undefined;
  }
}

/**
 * Everything to redact in a text, without overlaps: where two findings overlap, the one that
 * starts first (the longer on a tie) stands for both and is stretched to cover the other, so an
 * e-mail address that contains a name is one finding and nothing of either shows. In text order.
 */
export function findInText(text: string, names: NameFinder): TextFinding[] {
  const all = [...findPatterns(text), ...names.find(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextFinding[] = [];
  for (const f of all) {
    const last = out.at(-1);
    if (last && f.start < last.end) {
      if (f.end > last.end) last.end = f.end;
      continue;
    }
    out.push({ ...f });
  }
  return out;
}
