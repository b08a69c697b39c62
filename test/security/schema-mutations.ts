import fc from 'fast-check';
import type { Schema } from './operations';
import { dateKind, firstVariant, isUuid, sampleValid } from './schema-sample';

/*
 * Malformed request bodies for one operation, generated from its schema: each input breaks the
 * schema in one named way (so the API must refuse it) starting from a minimal valid body, or
 * breaks the HTTP request itself (JSON text, content type, emptiness).
 */

export interface MalformedInput {
  kind: string;
  /** What was broken where, for the failure message. */
  detail: string;
  contentType?: string;
  /** The exact request body, text or bytes (bytes that are not UTF-8); undefined sends none. */
  body?: string | Uint8Array;
}

type Path = Array<string | number>;

/** A place in the body the schema describes. */
interface Site {
  path: Path;
  name: string | number | undefined;
  schema: Schema;
  /** Present in the valid baseline. */
  present: boolean;
  /** A required property of its object. */
  required: boolean;
}

/** The sites of `value` (an instance of `schema`), including absent optional properties. */
function sites(schema: Schema, value: unknown, path: Path = [], name?: string | number): Site[] {
  const s = firstVariant(schema);
  const out: Site[] = [];
  if (s.type === 'object' && s.properties && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [key, prop] of Object.entries(s.properties)) {
      const present = key in obj;
      out.push({
        path: [...path, key],
        name: key,
        schema: prop,
        present,
        required: !!s.required?.includes(key),
      });
      if (present) out.push(...sites(prop, obj[key], [...path, key], key));
    }
  }
  if (s.type === 'array' && s.items && Array.isArray(value) && value.length > 0) {
    out.push({ path: [...path, 0], name, schema: s.items, present: true, required: true });
    out.push(...sites(s.items, value[0], [...path, 0], name));
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const label = (path: Path) => (path.length ? path.join('.') : '(root)');

/** The JSON types an instance of the schema may have. */
function allowedTypes(schema: Schema): Set<string> {
  const variants = schema.oneOf ?? schema.anyOf ?? [schema];
  const types = new Set<string>();
  for (const v of variants) {
    if (v.type) types.add(v.type);
    else if (v.const !== undefined || v.enum) for (const e of v.enum ?? [v.const]) types.add(jsonType(e));
    else return new Set(['any']);
  }
  if (types.has('number')) types.add('integer');
  return types;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const WRONG_TYPED: unknown[] = [
  null,
  true,
  0,
  42,
  -7.25,
  'text',
  '',
  [],
  [1, 'two'],
  {},
  { nested: { x: 1 } },
];

const BAD_DATES = [
  '2025-02-30',
  '2025-13-01',
  '2023-02-29',
  '2025-1-1',
  '20250601',
  'yesterday',
  '',
  '0000-00-00',
  '2025-06-02T25:00:00Z',
  '02/06/2025',
  '+275760-09-14',
  '2025-06-02 junk',
];
const BAD_INSTANTS = [
  '2025-06-02T25:00:00Z',
  '2025-02-30T10:00:00Z',
  'now',
  '',
  '1717340400',
  '2025-06-02T10:00:00',
  '2025-06-02T10:00:00+25:00',
];
const OUTSIDE_ENUMS = [
  'NOT_ALLOWED',
  ' ',
  '\u0000',
  'ñandú',
  '<script>alert(1)</script>',
  '%s%n',
  '-leading-dash',
];
/** Strings no contract allows: NUL, a lone high or low surrogate, a surrogate pair broken in the middle. */
export const UNSAFE_TEXT = ['Ana\u0000Ruiz', '\u0000', 'Ana \ud800', '\udc00Ana', 'x\udc00\ud83d'];

/** Byte sequences that are not UTF-8: a stray byte, an overlong '/', an encoded surrogate, a cut-off sequence. */
export const INVALID_UTF8: number[][] = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80]];
const INVALID_UTF8_MARKER = '__invalid_utf8__';

const BAD_UUIDS = [
  'not-a-uuid',
  '',
  '0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2',
  '0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2ag',
  'zb8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2a',
  '0b8f6c1e3f5a4c2e9d7b2a1e5f4c3b2a0',
  '../../etc/passwd',
  "1' OR '1'='1",
  '{0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2a}',
  ' 0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2a',
];

/** A money-ish or bounded number broken: negative, fractional, out of range, not finite as JSON allows. */
function badNumbers(s: Schema): number[] {
  const out: number[] = [];
  if (s.type === 'integer') out.push(0.5, 10.01, 1.005, 1e-7);
  if (s.minimum !== undefined) out.push(s.minimum - 1, s.minimum - 0.5);
  if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum, s.exclusiveMinimum - 100);
  if (s.maximum !== undefined) out.push(s.maximum + 1, s.maximum * 2 + 1);
  if (s.exclusiveMaximum !== undefined) out.push(s.exclusiveMaximum);
  if (s.type === 'integer' && s.maximum === undefined) out.push(2 ** 53, 1e300);
  return out.filter((n) => Number.isFinite(n));
}

/** Nested arrays or objects `depth` levels deep, as JSON text (built without recursion). */
export const deepJson = (depth: number, shape: 'array' | 'object') =>
  shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const json = (v: unknown) => JSON.stringify(v);

const isFreeText = (s: Site) => {
  const t = firstVariant(s.schema);
  return t.type === 'string' && !t.enum && t.const === undefined && !t.pattern && !t.format;
};

/** The valid body with `bytes` (not UTF-8) inside the string at `site`. */
function invalidUtf8At(base: unknown, site: Site, bytes: number[]): MalformedInput {
  const [before, after] = json(setAt(base, site.path, INVALID_UTF8_MARKER)).split(INVALID_UTF8_MARKER);
  return {
    kind: 'invalid_utf8',
    detail: `${label(site.path)} with bytes ${Buffer.from(bytes).toString('hex')}`,
    contentType: 'application/json',
    body: Buffer.concat([Buffer.from(before + 'Ana'), Buffer.from(bytes), Buffer.from(after)]),
  };
}

/**
 * The text rule's fixed inputs for an operation (every run, not left to chance): NUL and lone
 * surrogates as JSON escapes and bytes that are not UTF-8, in the first free-text field of a
 * minimal valid body. None when the body has no free text.
 */
export function unsafeTextInputs(schema: Schema): MalformedInput[] {
  const base = sampleValid(schema);
  const site = sites(schema, base).find((s) => s.present && isFreeText(s));
  if (!site) return [];
  return [
    ...UNSAFE_TEXT.slice(0, 3).map((v) => ({
      kind: 'unsafe_text',
      detail: `${label(site.path)} = ${json(v)}`,
      contentType: 'application/json',
      body: json(setAt(base, site.path, v)),
    })),
    invalidUtf8At(base, site, INVALID_UTF8[0]),
    invalidUtf8At(base, site, INVALID_UTF8[2]),
  ];
}

/** Mutations of the body, each an arbitrary of inputs that break the schema. */
export function bodyMutations(schema: Schema, options: { bodyLimit: number; skipContentTypes?: boolean }) {
  const base = sampleValid(schema);
  const all = sites(schema, base);
  const arbs: Array<fc.Arbitrary<MalformedInput>> = [];
  const body = (kind: string, detail: string, value: unknown): MalformedInput => ({
    kind,
    detail,
    contentType: 'application/json',
    body: json(value),
  });
  const pick = <T>(items: T[]) => fc.constantFrom(...items);

  // Wrong type anywhere (present or optional properties, array elements, the root).
  const typed = [{ path: [], name: undefined, schema, present: true, required: true } as Site, ...all];
  const wrongTyped = typed.flatMap((site) => {
    const allowed = allowedTypes(site.schema);
    if (allowed.has('any')) return [];
    return WRONG_TYPED.filter((v) => !allowed.has(jsonType(v))).map((v) => ({ site, v }));
  });
  if (wrongTyped.length)
    arbs.push(
      pick(wrongTyped).map(({ site, v }) =>
        body('wrong_type', `${label(site.path)} = ${json(v)}`, setAt(base, site.path, v)),
      ),
    );
  const required = all.filter(
    (s) => s.required && s.present && typeof s.path[s.path.length - 1] === 'string',
  );
  if (required.length)
    arbs.push(
      pick(required).map((s) =>
        body('missing_required', label(s.path), setAt(base, s.path, undefined, true)),
      ),
    );
  const strictObjects = [typed[0], ...all.filter((s) => s.present)].filter(
    (s) => firstVariant(s.schema).type === 'object' && firstVariant(s.schema).additionalProperties === false,
  );
  if (strictObjects.length)
    arbs.push(
      fc
        .tuple(pick(strictObjects), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
        .filter(([s, key]) => !(key in (firstVariant(s.schema).properties ?? {})) && key !== '__proto__')
        .map(([s, key, v]) =>
          body('extra_field', `${label([...s.path, key])}`, setAt(base, [...s.path, key], v)),
        ),
    );
  const strings = all.filter((s) => firstVariant(s.schema).type === 'string');
  const bounded = strings.filter((s) => s.schema.maxLength !== undefined);
  if (bounded.length)
    arbs.push(
      fc.tuple(pick(bounded), fc.integer({ min: 1, max: 5000 })).map(([s, extra]) => {
        const text = 'x'.repeat(s.schema.maxLength! + extra);
        return body('huge_string', `${label(s.path)} length ${text.length}`, setAt(base, s.path, text));
      }),
    );
  // Larger than the gateway's body limit: refused (413) before anything parses it.
  if (strings.length)
    arbs.push(
      pick(strings).map((s) =>
        body(
          'over_body_limit',
          `${label(s.path)} of ${options.bodyLimit + 1} chars`,
          setAt(base, s.path, 'y'.repeat(options.bodyLimit + 1)),
        ),
      ),
    );
  const numbers = all.filter((s) => ['integer', 'number'].includes(firstVariant(s.schema).type ?? ''));
  const numberCases = numbers.flatMap((s) => badNumbers(s.schema).map((n) => ({ s, n })));
  if (numberCases.length)
    arbs.push(
      pick(numberCases).map(({ s, n }) =>
        body('bad_number', `${label(s.path)} = ${n}`, setAt(base, s.path, n)),
      ),
    );
  const dates = all.flatMap((s) => {
    const kind = dateKind(s.name, s.schema);
    return kind ? [{ s, values: kind === 'date' ? BAD_DATES : BAD_INSTANTS }] : [];
  });
  if (dates.length)
    arbs.push(
      pick(dates).chain(({ s, values }) =>
        pick(values).map((v) => body('bad_date', `${label(s.path)} = ${json(v)}`, setAt(base, s.path, v))),
      ),
    );
  const uuids = all.filter((s) => isUuid(s.schema));
  if (uuids.length)
    arbs.push(
      fc
        .tuple(pick(uuids), pick(BAD_UUIDS))
        .map(([s, v]) => body('bad_uuid', `${label(s.path)} = ${json(v)}`, setAt(base, s.path, v))),
    );
  const breaksClosed = (schema: Schema, v: string) =>
    schema.enum
      ? !schema.enum.includes(v)
      : schema.const !== undefined
        ? schema.const !== v
        : !new RegExp(schema.pattern!).test(v);
  const closed = strings
    .filter((s) => s.schema.enum || s.schema.const !== undefined || s.schema.pattern)
    .flatMap((s) => OUTSIDE_ENUMS.filter((v) => breaksClosed(s.schema, v)).map((v) => ({ s, v })));
  if (closed.length)
    arbs.push(
      pick(closed).map(({ s, v }) =>
        body('not_in_enum_or_pattern', `${label(s.path)} = ${json(v)}`, setAt(base, s.path, v)),
      ),
    );
  // Text no contract allows (libs/contracts/src/text-rule.ts): NUL and unpaired surrogates as JSON
  // escapes (valid JSON, valid UTF-8), in any string, free text above all. PostgreSQL refuses both.
  if (strings.length)
    arbs.push(
      fc
        .tuple(pick(strings), pick(UNSAFE_TEXT))
        .map(([s, v]) => body('unsafe_text', `${label(s.path)} = ${json(v)}`, setAt(base, s.path, v))),
    );
  // Bytes that are not UTF-8 inside a string: decoded, they would be stored as U+FFFD.
  const freeText = strings.filter(isFreeText);
  if (freeText.length)
    arbs.push(
      fc.tuple(pick(freeText), pick(INVALID_UTF8)).map(([s, bytes]) => invalidUtf8At(base, s, bytes)),
    );
  const arrays = all.filter((s) => s.present && firstVariant(s.schema).type === 'array');
  const arrayCases = arrays.flatMap((s) => {
    const a = firstVariant(s.schema);
    const out: Array<{ s: Site; n: number }> = [];
    if ((a.minItems ?? 0) > 0) out.push({ s, n: 0 });
    if (a.maxItems !== undefined && a.maxItems <= 5000) out.push({ s, n: a.maxItems + 1 });
    return out;
  });
  if (arrayCases.length)
    arbs.push(
      pick(arrayCases).map(({ s, n }) => {
        const item = sampleValid(firstVariant(s.schema).items ?? {});
        return body(
          'array_size',
          `${label(s.path)} with ${n} items`,
          setAt(base, s.path, Array(n).fill(item)),
        );
      }),
    );
  // Deeply nested JSON at the root or in place of a property: parsers and hashers must not recurse to death.
  arbs.push(
    fc
      .tuple(pick(typed), fc.integer({ min: 64, max: 100_000 }), pick(['array', 'object'] as const))
      .map(([s, depth, shape]) => {
        const marker = '"__deep__"';
        const text = json(setAt(base, s.path, '__deep__')).replace(marker, deepJson(depth, shape));
        return {
          kind: 'deep_nesting',
          detail: `${label(s.path)} ${shape} depth ${depth}`,
          contentType: 'application/json',
          body: text,
        };
      }),
  );
  arbs.push(rawMutations(json(base), options.skipContentTypes ?? false));
  return fc.oneof(...arbs);
}

/** Broken requests rather than broken values: JSON text, content type, emptiness, wrong roots. */
export function rawMutations(validText: string, skipContentTypes: boolean): fc.Arbitrary<MalformedInput> {
  const invalid: MalformedInput[] = [
    {
      kind: 'invalid_json',
      detail: 'truncated',
      contentType: 'application/json',
      body: validText.slice(0, -1),
    },
    {
      kind: 'invalid_json',
      detail: 'trailing comma',
      contentType: 'application/json',
      body: validText.replace(/}$/, ',}'),
    },
    {
      kind: 'invalid_json',
      detail: 'single quotes',
      contentType: 'application/json',
      body: `{'x': 1, ${validText.slice(1)}`,
    },
    { kind: 'invalid_json', detail: 'NaN', contentType: 'application/json', body: '{"amountCents": NaN}' },
    {
      kind: 'invalid_json',
      detail: 'two documents',
      contentType: 'application/json',
      body: `${validText}${validText}`,
    },
    {
      kind: 'invalid_json',
      detail: 'BOM and garbage',
      contentType: 'application/json',
      body: '\ufeff{"a":1',
    },
    {
      kind: 'invalid_json',
      detail: 'lone surrogate, unterminated',
      contentType: 'application/json',
      body: '{"name":"\\ud800"',
    },
    { kind: 'invalid_json', detail: 'not JSON', contentType: 'application/json', body: '<xml/>' },
    { kind: 'empty_body', detail: 'JSON content type, no bytes', contentType: 'application/json', body: '' },
    { kind: 'empty_body', detail: 'no content type, no body' },
    { kind: 'wrong_root', detail: 'null', contentType: 'application/json', body: 'null' },
    { kind: 'wrong_root', detail: 'array', contentType: 'application/json', body: `[${validText}]` },
    { kind: 'wrong_root', detail: 'string', contentType: 'application/json', body: '"text"' },
    { kind: 'wrong_root', detail: 'number', contentType: 'application/json', body: '42' },
    {
      kind: 'wrong_root',
      detail: '__proto__ pollution',
      contentType: 'application/json',
      body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    },
  ];
  if (!skipContentTypes)
    for (const contentType of [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-7',
    ])
      invalid.push({ kind: 'wrong_content_type', detail: contentType, contentType, body: validText });
  return fc.constantFrom(...invalid);
}
