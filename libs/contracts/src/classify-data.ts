import type { z } from 'zod';
import {
  classifications,
  confidentialityMarkers,
  type Classification,
  type ClassificationRegistry,
} from './classification';
import { dataSubjectMarkers, subjectName } from './data-subjects';
import { childSchemas } from './schema-walk';

export interface ClassifiedValue {
  path: Array<string | number>;
  value: unknown;
  classification: Classification;
  /** The value is a record key (keys are data: they may be names). */
  isKey?: boolean;
  /** A string whose schema is free text (see `isFreeTextSchema`): it may name anyone. */
  freeText?: boolean;
  /** With `withSubjects`: whose data it is (`<kind>:<id>`), when an enclosing object says. */
  subject?: string;
  /** With `withSubjects`: the value sits under an optional wrapper (it may be left out). */
  optional?: boolean;
}

export interface ClassifyDataOptions {
  /**
   * Also say whose each value is and whether it is optional (what crypto-shredding needs): the
   * nearest object marked by `dataSubject` whose id field is set; else the nearest object with a
   * string `workerId`; else, in an array named `workerIds`, the worker the element names.
   */
  withSubjects?: boolean;
}

const FREE_TEXT_CHECKS = new Set(['overwrite', 'min_length', 'max_length', 'length_equals']);

/** The shortest bound a narrative field has (notes, reasons, descriptions: `text(500)` and up). */
export const FREE_TEXT_MIN_BOUND = 500;

/**
 * Free text: a string schema with no format and no pattern, only trimming and length bounds
 * (`text(max)` in fields.ts), bounded at FREE_TEXT_MIN_BOUND characters or more (or not at all).
 * Ids, dates, codes and enums have a format, a pattern or a refinement; a shorter text is a
 * structured value (a name, a title, a street, a docket number), public or withheld as a whole:
 * an employer's business address is released on purpose and is no narrative naming a person.
 */
export function isFreeTextSchema(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as unknown as { type: string; format?: string; checks?: z.core.$ZodCheck[] };
  if (def.type !== 'string' || def.format) return false;
  const checks = (def.checks ?? []).map(
    (c) => c._zod.def as { check: string; maximum?: number; length?: number },
  );
  if (!checks.every((c) => FREE_TEXT_CHECKS.has(c.check))) return false;
  const bound = checks.find((c) => c.check === 'max_length' || c.check === 'length_equals');
  return bound === undefined || (bound.maximum ?? bound.length ?? 0) >= FREE_TEXT_MIN_BOUND;
}

/** Data the schema does not classify: the FOIA build must stop rather than release it. */
export class UnclassifiedDataError extends Error {
  constructor(readonly path: Array<string | number>) {
    super(`no classification for the value at ${path.join('.') || '(root)'}`);
    this.name = 'UnclassifiedDataError';
  }
}

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
type DefLike = Record<string, unknown> & { type: string };
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as DefLike;

/**
 * The classification of every leaf value of one event's data, for redaction. The nearest
 * classified ancestor decides (as in `findUnclassifiedFields`); a `personal` value inside an object
 * whose confidentiality flag is true becomes `confidential_source`. Absent and null values are
 * skipped: they disclose nothing.
 */
export function classifyData(
  schema: z.core.$ZodType,
  data: unknown,
  registry: ClassificationRegistry = classifications,
  options: ClassifyDataOptions = {},
): ClassifiedValue[] {
  const out: ClassifiedValue[] = [];
  // Whose the values being walked are, and whether they sit under an optional wrapper.
  let subject: string | undefined;
  let optional = false;
  let sawIntersection = false;
  const emit = (
    path: Array<string | number>,
    value: unknown,
    cls: Classification | undefined,
    raise: boolean,
    isKey = false,
    leaf?: z.core.$ZodType,
  ) => {
    if (!cls) throw new UnclassifiedDataError(path);
    const classification = raise && cls === 'personal' ? 'confidential_source' : cls;
    const entry: ClassifiedValue = isKey
      ? { path, value, classification, isKey }
      : { path, value, classification };
    if (leaf && typeof value === 'string' && isFreeTextSchema(leaf)) entry.freeText = true;
    if (options.withSubjects) {
      if (subject !== undefined) entry.subject = subject;
      if (optional) entry.optional = true;
    }
    out.push(entry);
  };
  /** Runs `walk` with the subject and optionality of one step down, then restores them. */
  const within = (nextSubject: string | undefined, nextOptional: boolean, walk: () => void) => {
    const [savedSubject, savedOptional] = [subject, optional];
    subject = nextSubject;
    optional = nextOptional;
    try {
      walk();
    } finally {
      subject = savedSubject;
      optional = savedOptional;
    }
  };
  const subjectOf = (node: z.core.$ZodType, value: unknown): string | undefined => {
    if (!options.withSubjects || !isRecord(value)) return subject;
    const marker = dataSubjectMarkers.get(node);
    const id = marker ? value[marker.idField] : undefined;
    if (marker && typeof id === 'string') return subjectName(marker.kind, id);
    if (defOf(node).type === 'object' && typeof value.workerId === 'string' && !marker)
      return subjectName('worker', value.workerId);
    return subject;
  };
  // A value below a classified node whose schema gives no more structure (e.g. z.unknown()).
  const emitAll = (
    path: Array<string | number>,
    value: unknown,
    cls: Classification | undefined,
    raise: boolean,
    leaf?: z.core.$ZodType,
  ) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => emitAll([...path, i], item, cls, raise));
    else if (isRecord(value)) Object.entries(value).forEach(([k, v]) => emitAll([...path, k], v, cls, raise));
    else emit(path, value, cls, raise, false, leaf);
  };

  const visit = (
    node: z.core.$ZodType,
    value: unknown,
    path: Array<string | number>,
    inherited: Classification | undefined,
    raisedAbove: boolean,
  ): void => {
    if (value === undefined || value === null) return;
    const cls = inherited ?? registry.get(node)?.classification;
    const marker = confidentialityMarkers.get(node);
    const raise =
      raisedAbove || (marker !== undefined && isRecord(value) && value[marker.confidentialWhen] === true);
    const def = defOf(node);
    const children = childSchemas(node);
    if (children === null) return emitAll(path, value, cls, raise, node);

    switch (def.type) {
      case 'object': {
        if (!isRecord(value)) return emitAll(path, value, cls, raise);
        const shape = def.shape as Record<string, z.core.$ZodType>;
        const extra = children.find((child) => child.step.kind === 'extra')?.schema;
        within(subjectOf(node, value), false, () => {
          for (const [key, item] of Object.entries(value)) {
            const child = shape[key] ?? extra;
            if (child) visit(child, item, [...path, key], cls, raise);
            else emitAll([...path, key], item, cls, raise);
          }
        });
        return;
      }
      case 'array':
      case 'set':
      case 'tuple': {
        const items = value instanceof Set ? [...value] : Array.isArray(value) ? value : null;
        if (!items) return emitAll(path, value, cls, raise);
        const workerIds = options.withSubjects && path[path.length - 1] === 'workerIds';
        items.forEach((item, index) => {
          const child =
            children.find((c) => c.step.kind === 'index' && c.step.index === index) ??
            children.find((c) => c.step.kind === 'element');
          const itemSubject = workerIds && typeof item === 'string' ? subjectName('worker', item) : subject;
          within(itemSubject, false, () => {
            if (child) visit(child.schema, item, [...path, index], cls, raise);
            else emitAll([...path, index], item, cls, raise);
          });
        });
        return;
      }
      case 'union': {
        // The option the value actually matches decides its classification.
        const match = children.find((child) => (child.schema as z.ZodType).safeParse(value).success);
        return match ? visit(match.schema, value, path, cls, raise) : emitAll(path, value, cls, raise);
      }
      case 'record':
      case 'map': {
        const [keyType, valueType] = children.map((child) => child.schema);
        const entries =
          value instanceof Map ? [...value.entries()] : isRecord(value) ? Object.entries(value) : null;
        if (!entries) return emitAll(path, value, cls, raise);
        for (const [key, item] of entries) {
          emit([...path, String(key)], key, cls ?? registry.get(keyType)?.classification, raise, true);
          within(subject, false, () => visit(valueType, item, [...path, String(key)], cls, raise));
        }
        return;
      }
      default:
        // Wrappers, pipes, lazies and intersections: same value, each child in turn.
        if (def.type === 'intersection') sawIntersection = true;
        within(subjectOf(node, value), optional || def.type === 'optional', () => {
          for (const child of children) visit(child.schema, value, path, cls, raise);
        });
    }
  };

  visit(schema, data, [], undefined, false);
  // An intersection visits one value twice: keep the first classification of each path. (Only
  // then: every append of a 5,000-row payroll is classified to be sealed.)
  if (!sawIntersection) return out;
  const seen = new Set<string>();
  return out.filter((entry) => {
    const key = JSON.stringify([entry.path, entry.isKey ?? false]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
