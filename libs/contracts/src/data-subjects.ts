import { z } from 'zod';

/**
 * Whose personal data a value is: the data subject whose key seals it (docs/architecture.md#crypto-shredding).
 * A marked object's personal and confidential-source leaves belong to `<kind>:<object[idField]>`;
 * destroying that subject's key erases them everywhere they were stored or published.
 */
export interface DataSubjectMeta {
  /** e.g. `worker`, `complainant`. */
  kind: string;
  /** A string field of the same object that identifies the person (a UUID). */
  idField: string;
}
export const dataSubjectMarkers = z.registry<DataSubjectMeta>();

/**
 * Marks an object as one person's record, like `confidentialWhen`: the subject is read per value.
 * When the id field is absent (an interviewee who is not a worker of the records), the leaves
 * belong to the enclosing subject (see `subjectOf` in classify-data.ts).
 */
export function dataSubject<S extends z.ZodObject>(
  kind: string,
  idField: keyof z.output<S> & string,
  schema: S,
): S {
  const copy = schema.clone();
  dataSubjectMarkers.add(copy, { kind, idField });
  return copy;
}

/** A subject's key name: `<kind>:<id>`; ids are lower-cased so a UUID's two spellings share a key. */
export const subjectName = (kind: string, id: string): string => `${kind}:${id.toLowerCase()}`;
