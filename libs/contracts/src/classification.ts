import { z } from 'zod';

/** Every event field carries one of these, beside it (docs/architecture.md#classification-of-fields). */
export const CLASSIFICATIONS = [
  'public',
  'personal',
  'confidential_source',
  'deliberative',
  'enforcement_sensitive',
  'commercial',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface ClassificationMeta {
  classification: Classification;
}
export type ClassificationRegistry = z.core.$ZodRegistry<ClassificationMeta>;

/** The registry the FOIA redaction and the completeness test read. */
export const classifications: ClassificationRegistry = z.registry<ClassificationMeta>();

/**
 * Classifies a copy of `schema`, so a shared building block can be classified differently in
 * different places. A classification covers everything inside an object or array, and zod
 * carries it over to refinements (`.min()`, `.refine()`...) made afterwards.
 */
export function classify<S extends z.ZodType>(
  classification: Classification,
  schema: S,
  registry: ClassificationRegistry = classifications,
): S {
  const copy = schema.clone();
  registry.add(copy, { classification });
  return copy;
}

export const pub = <S extends z.ZodType>(schema: S) => classify('public', schema);
export const personal = <S extends z.ZodType>(schema: S) => classify('personal', schema);
export const confidentialSource = <S extends z.ZodType>(schema: S) => classify('confidential_source', schema);
export const deliberative = <S extends z.ZodType>(schema: S) => classify('deliberative', schema);
export const enforcementSensitive = <S extends z.ZodType>(schema: S) =>
  classify('enforcement_sensitive', schema);
export const commercial = <S extends z.ZodType>(schema: S) => classify('commercial', schema);

export function classificationOf(
  schema: z.core.$ZodType,
  registry: ClassificationRegistry = classifications,
): Classification | undefined {
  return registry.get(schema)?.classification;
}

export interface ConfidentialityMeta {
  /** A boolean field of the same object: when true, its `personal` fields become `confidential_source`. */
  confidentialWhen: string;
}
export const confidentialityMarkers = z.registry<ConfidentialityMeta>();

/**
 * Marks an object (e.g. a complainant) whose identity is a confidential source when it asked for
 * confidentiality: the classification stays declared per field, and `classifyData` raises it per
 * record. Such identities must then never reach employer-facing documents.
 */
export function confidentialWhen<S extends z.ZodObject>(flag: keyof z.output<S> & string, schema: S): S {
  const copy = schema.clone();
  confidentialityMarkers.add(copy, { confidentialWhen: flag });
  return copy;
}
