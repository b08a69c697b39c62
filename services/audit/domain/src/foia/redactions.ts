import {
  REDACTIONS_PER_EVENT,
  type RedactedRecord,
  type RedactionApplied,
  type TextFindingKind,
  type TextSpan,
} from '@lse/contracts';
import { canonicalJson, sha256Hex } from '../canonical';

/** One entry of a package's redaction log, as recorded (the release flag belongs to overrides). */
export interface LoggedRedaction {
  n: number;
  /** The case the field belongs to; absent for a field of a named record (`record`). */
  caseId?: string;
  record?: RedactedRecord;
  /** Absent only for a computed figure (a suppressed statistics cell). */
  eventId?: string;
  path: string;
  classification: string;
  exemptions: string[];
  /** Inside free text: what was found and where (never the text). */
  kind?: TextFindingKind;
  span?: TextSpan;
}

/** A free-text redaction's kind and span, when it is one (a whole field's entry is unchanged). */
const inText = (e: Pick<LoggedRedaction, 'kind' | 'span'>) =>
  e.kind && e.span ? { kind: e.kind, span: { start: e.span.start, end: e.span.end } } : {};

// Keys only when present, so a case-only log digests exactly as before records could be named.
const entryOf = (e: LoggedRedaction): LoggedRedaction => ({
  n: e.n,
  ...(e.caseId !== undefined ? { caseId: e.caseId } : {}),
  ...(e.record ? { record: { section: e.record.section, id: e.record.id } } : {}),
  ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
  path: e.path,
  classification: e.classification,
  exemptions: [...e.exemptions],
  ...inText(e),
});

/** What a part of a set belongs to: one case, or one named record. */
const ownerOf = (e: LoggedRedaction) =>
  e.caseId !== undefined ? `case:${e.caseId}` : `${e.record?.section}:${e.record?.id}`;

/**
 * The digest of a redaction set: the log's entries in order, without `released` (an override
 * releases a field; it does not change what the classification withheld). The same records as of
 * the same cut-off give the same digest, which is how a recompilation is recognised.
 */
export function redactionLogDigest(log: readonly LoggedRedaction[]): string {
  return sha256Hex(canonicalJson(log.map(entryOf)));
}

/**
 * The RedactionApplied events of a redaction set, in log order: one case per event and at most
 * REDACTIONS_PER_EVENT entries each (see there why neither one event per field nor one per
 * compilation), numbered `part` of `parts`. Concatenated, their entries are the package's log.
 */
export function redactionParts(cutoff: string, log: readonly LoggedRedaction[]): RedactionApplied[] {
  const digest = redactionLogDigest(log);
  const chunks: Array<{ owner: string; first: LoggedRedaction; entries: LoggedRedaction[] }> = [];
  for (const entry of log) {
    const last = chunks.at(-1);
    if (last && last.owner === ownerOf(entry) && last.entries.length < REDACTIONS_PER_EVENT)
      last.entries.push(entry);
    else chunks.push({ owner: ownerOf(entry), first: entry, entries: [entry] });
  }
  return chunks.map((chunk, i) => ({
    cutoff,
    redactionLogSha256: digest,
    part: i + 1,
    parts: chunks.length,
    ...(chunk.first.caseId !== undefined
      ? { caseId: chunk.first.caseId }
      : { record: { section: chunk.first.record!.section, id: chunk.first.record!.id } }),
    redactions: chunk.entries.map((e) => ({
      n: e.n,
      ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
      path: e.path,
      classification: e.classification,
      exemptions: [...e.exemptions],
      ...inText(e),
    })),
  }));
}

/** The log entries a set of RedactionApplied events records, in order (to compare with a package). */
export function redactionLogOf(events: readonly RedactionApplied[]): LoggedRedaction[] {
  return [...events]
    .sort((a, b) => a.part - b.part)
    .flatMap((e) =>
      e.redactions.map((r) => ({
        ...(e.caseId !== undefined ? { caseId: e.caseId } : {}),
        ...(e.record ? { record: e.record } : {}),
        ...r,
      })),
    );
}
