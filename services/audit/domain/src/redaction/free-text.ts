import {
  exemptionsFor,
  PERSON_NAME_KEYS,
  textRedactionPath,
  type Classification,
  type ClassifiedValue,
  type TextFindingKind,
  type TextSpan,
} from '@lse/contracts';
import { classifiedValues, pathOf, type CaseRecord, type RedactionContext } from './redact';
import { findInText, NameFinder, type KnownName } from './text-finder';

/**
 * The people a case knows by name: every personal or confidential-source value of its records
 * under a name key (complainants, workers of the hours records, interviewees and witnesses...),
 * given and family names also together. From the records given, so a package built as of a
 * cut-off uses the names known then. A name known only as a confidential source's is flagged.
 */
export function namesKnownTo(
  records: readonly CaseRecord[],
  /** Each record's classified values, when the caller has them already. */
  classified: ReadonlyArray<ReturnType<typeof classifiedValues>> = records.map((r) => classifiedValues(r)),
): KnownName[] {
  const names = new Map<string, boolean>();
  const add = (name: string, confidential: boolean) =>
    names.set(name, (names.get(name) ?? false) || confidential);
  for (const values of classified) {
    const parts = new Map<string, Record<string, string>>();
    for (const { root, entry } of values) {
      const key = entry.path.at(-1);
      if (
        entry.isKey ||
        typeof entry.value !== 'string' ||
        typeof key !== 'string' ||
        !PERSON_NAME_KEYS.has(key)
      )
        continue;
      if (entry.classification !== 'personal' && entry.classification !== 'confidential_source') continue;
      const confidential = entry.classification === 'confidential_source';
      add(entry.value, confidential);
      const parent = `${root}.${entry.path.slice(0, -1).join('.')}|${confidential}`;
      parts.set(parent, { ...parts.get(parent), [key]: entry.value });
    }
    for (const [parent, p] of parts) {
      const full = [p.givenName ?? p.firstName, p.middleName, p.familyName ?? p.lastName].filter(Boolean);
      if (full.length > 1) add(full.join(' '), parent.endsWith('|true'));
    }
  }
  return [...names].map(([name, confidential]) => (confidential ? { name, confidential } : { name }));
}

/** What each kind of finding is, for the redaction log (never the text itself). */
export const FINDING_REASONS: Record<TextFindingKind, string> = {
  name: "a person's name known to the case",
  phone: 'a phone number',
  email: 'an e-mail address',
  ssn: 'a Social Security number',
  itin: 'an Individual Taxpayer Identification Number',
  address: 'a street address',
};

/** One redaction inside a free-text field. */
export interface TextRedaction {
  /** The field's path, as a whole-field redaction would name it. */
  fieldPath: string;
  /** The redaction's own address: `<fieldPath>@<start>-<end>` (what an override names). */
  path: string;
  span: TextSpan;
  kind: TextFindingKind;
  classification: Classification;
  exemptions: string[];
  reason: string;
}

/** A free-text value of a record with its path. */
export interface FreeTextValue {
  path: string;
  text: string;
}

/** The free-text values of a record (classified values whose schema is free text). */
export function freeTextValues(
  values: ReadonlyArray<{ root: 'data' | 'metadata'; entry: ClassifiedValue }>,
): FreeTextValue[] {
  return values
    .filter(({ entry }) => entry.freeText && typeof entry.value === 'string')
    .map(({ root, entry }) => ({ path: pathOf(root, entry), text: entry.value as string }));
}

/**
 * The redactions inside one text: each name the case knows and each phone number, e-mail
 * address, SSN or ITIN and street address, citing what the catalog cites for personal data (for
 * a confidential source's name, what it cites for confidential sources). In text order.
 */
export function redactText(
  value: FreeTextValue,
  names: NameFinder,
  context: RedactionContext,
): TextRedaction[] {
  const out: TextRedaction[] = [];
  for (const finding of findInText(value.text, names)) {
    const classification: Classification = finding.confidential ? 'confidential_source' : 'personal';
    const exemptions = exemptionsFor(classification, {
      caseOpen: context.caseOpen,
      jurisdiction: context.jurisdiction,
    });
    if (exemptions.length === 0) continue;
    const span = { start: finding.start, end: finding.end };
    out.push({
      fieldPath: value.path,
      path: textRedactionPath(value.path, span),
      span,
      kind: finding.kind,
      classification,
      exemptions,
      reason: finding.confidential
        ? "a confidential source's name known to the case"
        : FINDING_REASONS[finding.kind],
    });
  }
  return out;
}

/**
 * The text with each span replaced by its marker (`markers[i]` for `redactions[i]`), from the
 * end so earlier spans keep their offsets. A span left out (released) keeps its text.
 */
export function applyTextRedactions(
  text: string,
  redactions: ReadonlyArray<{ span: TextSpan; marker: string }>,
): string {
  let out = text;
  for (const { span, marker } of [...redactions].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, span.start) + marker + out.slice(span.end);
  return out;
}
