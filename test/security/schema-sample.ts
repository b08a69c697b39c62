import fc from 'fast-check';
import type { Schema } from './operations';

/*
 * Minimal valid instances of the OpenAPI document's JSON Schemas: required properties only, the
 * first variant of a oneOf, the smallest allowed sizes. zod refinements the document cannot
 * express (calendar dates, orderings) are met by the name heuristics below; the instance is a
 * starting point for mutations (schema-mutations.ts) and a body that lets an allowed role reach
 * the service in the authorization matrix.
 */

export const SAMPLE_DATE = '2025-06-02'; // a Monday: weekStart and workweeks accept it
export const SAMPLE_LATER_DATE = '2026-06-01';
export const SAMPLE_INSTANT = '2025-06-02T15:00:00Z';
export const SAMPLE_UUID = '0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2a';

/** Fields the API reads as calendar dates or instants though the schema only says "string". */
export function dateKind(name: string | number | undefined, schema: Schema): 'date' | 'instant' | undefined {
  if (schema.format === 'date-time') return 'instant';
  if (typeof name !== 'string' || schema.type !== 'string' || schema.pattern || schema.enum) return undefined;
  if (/At$/.test(name)) return 'instant';
  if (/(On|Date)$/.test(name) || /^(asOf|from|to|payday|periodStart|periodEnd|weekStart)$/.test(name))
    return 'date';
  return undefined;
}

export const isUuid = (schema: Schema) => schema.format === 'uuid';

/** The schema a oneOf/anyOf instance takes: the first variant. */
export const firstVariant = (schema: Schema): Schema => schema.oneOf?.[0] ?? schema.anyOf?.[0] ?? schema;

function sampleString(name: string | number | undefined, schema: Schema, seed: number): string {
  if (typeof schema.const === 'string') return schema.const;
  if (schema.enum) return String(schema.enum[0]);
  if (schema.format === 'uuid') return SAMPLE_UUID;
  if (schema.format === 'email') return 'worker@example.org';
  if (schema.format === 'base64') return 'aGVsbG8gd29ybGQ=';
  const kind = dateKind(name, schema);
  // An end after its start: agreements expire after they take effect, periods end after they begin.
  if (kind === 'date')
    return /^(expiresOn|periodEnd|to)$/.test(String(name)) ? SAMPLE_LATER_DATE : SAMPLE_DATE;
  if (kind === 'instant') return SAMPLE_INSTANT;
  if (schema.pattern) {
    const [s] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed, numRuns: 1 });
    return s;
  }
  const min = schema.minLength ?? 1;
  const text = `sample ${String(name ?? 'text')}`;
  return text.length >= min ? text.slice(0, schema.maxLength ?? text.length) : text.padEnd(min, 'x');
}

function sampleNumber(schema: Schema): number {
  let n = 1;
  if (schema.minimum !== undefined && schema.minimum > n) n = schema.minimum;
  if (schema.exclusiveMinimum !== undefined && schema.exclusiveMinimum >= n) n = schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && schema.maximum < n) n = schema.maximum;
  return schema.type === 'integer' ? Math.ceil(n) : n;
}

/** A minimal instance of `schema` (deterministic for a seed). */
export function sampleValid(schema: Schema, name?: string | number, seed = 1): unknown {
  if (schema.default !== undefined) return schema.default;
  const s = firstVariant(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleValid(s.properties?.[key] ?? {}, key, seed);
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, 1);
      return Array.from({ length: Math.min(n, s.maxItems ?? n) }, () =>
        sampleValid(s.items ?? {}, name, seed),
      );
    }
    case 'string':
      return sampleString(name, s, seed);
    case 'integer':
    case 'number':
      return sampleNumber(s);
    case 'boolean':
      return false;
    default:
      return 'sample';
  }
}
