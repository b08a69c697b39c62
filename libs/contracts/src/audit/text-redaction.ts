import { z } from 'zod';

/**
 * What a redaction inside free text found: a person the case knows by name, or personal data
 * recognised by its pattern. A whole classified field has no kind.
 */
export const TEXT_FINDING_KINDS = ['name', 'phone', 'email', 'ssn', 'itin', 'address'] as const;
export type TextFindingKind = (typeof TEXT_FINDING_KINDS)[number];

/** Where in the field's text (UTF-16 offsets, end exclusive), never the text itself. */
export const TextSpanSchema = z.strictObject({
  start: z.int().nonnegative(),
  end: z.int().positive(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

/**
 * The address of a redaction inside free text, as the log and an override name it: the field's
 * path and the span, `data.summary@12-24`. A whole field's address is its path alone.
 */
export const textRedactionPath = (fieldPath: string, span: TextSpan) =>
  `${fieldPath}@${span.start}-${span.end}`;

const ADDRESS = /^(.+)@(\d+)-(\d+)$/;

/** The field path and span of a free-text redaction's address; undefined for a whole field's. */
export function parseTextRedactionPath(path: string): { fieldPath: string; span: TextSpan } | undefined {
  const match = ADDRESS.exec(path);
  if (!match) return undefined;
  return { fieldPath: match[1], span: { start: Number(match[2]), end: Number(match[3]) } };
}

/** Why an evidence file is in a FOIA package by its description only, not by its text. */
export const EVIDENCE_WITHHELD_REASONS = [
  /** A PDF or text file the reader could not decode (audit's pdf-text.ts lists its limits). */
  'unreadable',
  /** A PDF of page images: no text to redact without OCR or a person reading it. */
  'scanned_image',
  /** Larger than a package takes. */
  'too_large',
  /** Not text or PDF (images, spreadsheets, audio...): reviewed by a person, outside the package. */
  'other_format',
  /** The evidence store does not have the file's content. */
  'unavailable',
  /** The file was erased with its case's personal data: its key is destroyed (docs/erasure.md). */
  'erased',
] as const;
export type EvidenceWithheldReason = (typeof EVIDENCE_WITHHELD_REASONS)[number];
