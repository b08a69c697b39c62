import {
  EXEMPTION_CATALOGS,
  exemptionsFor,
  textRedactionPath,
  type Classification,
  type RedactedRecord,
  type TextFindingKind,
  type TextSpan,
} from '@lse/contracts';
import { canonicalJson, sha256Hex } from '../canonical';
import {
  redactRecordSections,
  sectionRecordCount,
  type RecordSections,
  type RecordSectionsInput,
} from '../records/sections';
import type { EvidenceContent } from './evidence';
import { evidenceOf, type PackageEvidence } from './package-evidence';
import {
  applyTextRedactions,
  freeTextValues,
  namesKnownTo,
  redactText,
  type FreeTextValue,
} from './free-text';
import {
  classifiedValues,
  renameKey,
  replaceAt,
  upcastData,
  withheldFields,
  type CaseRecord,
} from './redact';
import { NameFinder } from './text-finder';

export const FOIA_PACKAGE_FORMAT = 'lse-foia-package/1';

/** Why a narrative of a case someone was erased from is withheld whole (the log's reason). */
export const ERASED_CASE_TEXT_REASON =
  'free text of a case a person was erased from: the names in it can no longer be found';

export interface FoiaPackageInput {
  requestId: string;
  jurisdiction: string;
  /** Only records recorded at or before it are in the package. */
  cutoff: string;
  /**
   * `evidenceContent`: the bytes of the case's evidence files by SHA-256, as the evidence store
   * gave them (a file it does not have is withheld as unavailable).
   */
  cases: Array<{
    caseId: string;
    openAtCutoff: boolean;
    records: CaseRecord[];
    evidenceContent?: Readonly<Record<string, EvidenceContent>>;
  }>;
  /** Redactions a FOIA officer released (RedactionOverridden), by event id and path. */
  overrides: Array<{ eventId: string; path: string }>;
  /** Records named besides cases (agreements, referral statistics, disclosure ledgers), gathered. */
  records?: RecordSectionsInput;
}

export interface RedactionEntry {
  /** Numbered in package order; the marker in the record cites it. */
  n: number;
  /** The case of the field; absent for a field of a named record. */
  caseId?: string;
  /** The named record (agreement, statistics, ledger) of the field; absent for a case's. */
  record?: RedactedRecord;
  /** Absent only for a computed figure (a suppressed statistics cell). */
  eventId?: string;
  path: string;
  classification: Classification;
  exemptions: string[];
  /** False: withheld, a marker stands in the record. True: released by a recorded override. */
  released: boolean;
  /**
   * Inside free text (a field's or an evidence file's): what was found, where in the text, and
   * why it is withheld; `path` is then `<field>@<start>-<end>`. Absent for a whole field.
   */
  kind?: TextFindingKind;
  span?: TextSpan;
  reason?: string;
}

export interface PackageRecord {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface FoiaPackage {
  format: typeof FOIA_PACKAGE_FORMAT;
  requestId: string;
  jurisdiction: string;
  law: string;
  cutoff: string;
  cases: Array<{
    caseId: string;
    openAtCutoff: boolean;
    records: PackageRecord[];
    /** The case's evidence files, if any: each one's redacted text, or why it is withheld whole. */
    evidence?: PackageEvidence[];
  }>;
  /** Only when the request names records besides cases (records/sections.ts). */
  records?: RecordSections;
  redactionLog: RedactionEntry[];
  /** The exemptions cited, with what each withholds. */
  exemptions: Record<string, string>;
  summary: { records: number; withheld: number; released: number };
}

export const withheldMarker = (exemptions: string[], n: number) =>
  `[WITHHELD ${exemptions.join(', ')} #${n}]`;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The package for a FOIA request: every record of the requested cases up to the cut-off, each
 * classified field replaced by a marker citing its exemption ((b)(7)(A) only while the case was
 * open at the cut-off), except fields released by an override; inside every free-text field left
 * released, each name the case knows and each phone, e-mail, SSN/ITIN and street address replaced
 * the same way (free-text.ts); each evidence file's text redacted likewise, or the file withheld
 * with its reason; and the log of every redaction. Pure and deterministic: no clock, ordered by
 * case request order and global position.
 */
export function buildFoiaPackage(input: FoiaPackageInput): FoiaPackage {
  const catalog = EXEMPTION_CATALOGS[input.jurisdiction];
  if (!catalog)
    throw new RangeError(`no public-records exemption catalog for jurisdiction '${input.jurisdiction}'`);
  const released = new Set(input.overrides.map((o) => `${o.eventId}|${o.path}`));
  const log: RedactionEntry[] = [];
  const cited = new Set<string>();
  const cutoff = Date.parse(input.cutoff);
  const cases = input.cases.map(({ caseId, openAtCutoff, records: all, evidenceContent = {} }) => {
    const context = { caseOpen: openAtCutoff, jurisdiction: input.jurisdiction };
    const records = all
      .filter((r) => Date.parse(r.recordedAt) <= cutoff)
      .sort((a, b) => a.globalPosition - b.globalPosition);
    // Classified once: for the names the case knows, then for each record's redactions.
    const classified = records.map((r) => classifiedValues(r));
    const names = new NameFinder(namesKnownTo(records, classified));
    // A person erased from the case (their key destroyed: `erasedPaths` on an opened record) can
    // no longer be found by name in the case's narratives, which stay sealed under the case's
    // key and may still name them: each free text (and evidence text) is then withheld whole.
    const personErased = records.some((r) => (r.erasedPaths?.length ?? 0) > 0);
    const withholdWhole = (eventId: string, value: FreeTextValue): string => {
      const n = log.length + 1;
      const exemptions = exemptionsFor('personal', context);
      // Addressed as the whole text's span: an override of the field does not release it.
      const span = { start: 0, end: value.text.length };
      const path = textRedactionPath(value.path, span);
      const isReleased = released.has(`${eventId}|${path}`);
      log.push({
        n,
        caseId,
        eventId,
        path,
        classification: 'personal',
        exemptions,
        released: isReleased,
        span,
        reason: ERASED_CASE_TEXT_REASON,
      });
      if (isReleased) return value.text;
      exemptions.forEach((code) => cited.add(code));
      return withheldMarker(exemptions, n);
    };
    /** Logs the redactions inside one text and gives the text with their markers. */
    const redactInside = (eventId: string, value: FreeTextValue): string => {
      if (personErased) return withholdWhole(eventId, value);
      const markers: Array<{ span: TextSpan; marker: string }> = [];
      for (const r of redactText(value, names, context)) {
        const n = log.length + 1;
        const isReleased = released.has(`${eventId}|${r.path}`);
        const { path, classification, exemptions, kind, span, reason } = r;
        log.push({
          n,
          caseId,
          eventId,
          path,
          classification,
          exemptions,
          released: isReleased,
          kind,
          span,
          reason,
        });
        if (isReleased) continue;
        exemptions.forEach((code) => cited.add(code));
        markers.push({ span, marker: withheldMarker(exemptions, n) });
      }
      return applyTextRedactions(value.text, markers);
    };
    const packaged = records.map((record, i) => {
      const out: PackageRecord = {
        eventId: record.eventId,
        streamId: record.streamId,
        streamVersion: record.streamVersion,
        type: record.type,
        recordedAt: record.recordedAt,
        data: clone(upcastData(record)),
        metadata: clone(record.metadata),
      };
      const values = classified[i];
      const fields = withheldFields(record, context, values);
      const whole = new Map(fields.map((f) => [f.path, f]));
      // Values first, then keys (renaming a key first would move the values below it).
      const ordered = [...fields.filter((f) => !f.isKey), ...fields.filter((f) => f.isKey)];
      for (const field of ordered) {
        const n = log.length + 1;
        const isReleased = released.has(`${record.eventId}|${field.path}`);
        log.push({
          n,
          caseId,
          eventId: record.eventId,
          path: field.path,
          classification: field.classification,
          exemptions: field.exemptions,
          released: isReleased,
        });
        if (isReleased) continue;
        field.exemptions.forEach((code) => cited.add(code));
        const [root, ...segments] = field.path.split('.');
        const target = root === 'data' ? out.data : out.metadata;
        const marker = withheldMarker(field.exemptions, n);
        if (field.isKey) renameKey(target, segments.slice(0, -1), marker);
        else replaceAt(target, segments, marker);
      }
      // Free text the record releases: public, or withheld whole and released by an override.
      for (const value of freeTextValues(values)) {
        if (whole.has(value.path) && !released.has(`${record.eventId}|${value.path}`)) continue;
        const text = redactInside(record.eventId, value);
        if (text === value.text) continue;
        const [root, ...segments] = value.path.split('.');
        replaceAt(root === 'data' ? out.data : out.metadata, segments, text);
      }
      return out;
    });
    const evidence = evidenceOf(records, evidenceContent, (eventId, value) => redactInside(eventId, value));
    // Absent when the case has none: a package without evidence reads (and digests) as before.
    return { caseId, openAtCutoff, records: packaged, ...(evidence.length > 0 ? { evidence } : {}) };
  });
  // After the cases, so a case's markers number as they did before records could be named.
  const records = input.records
    ? redactRecordSections(input.records, input.cutoff, {
        jurisdiction: input.jurisdiction,
        log,
        cited,
        released,
        marker: withheldMarker,
      })
    : undefined;
  const exemptions: Record<string, string> = {};
  for (const code of [...cited].sort()) exemptions[code] = catalog.exemptions[code] ?? code;
  const withheld = log.filter((e) => !e.released).length;
  return {
    format: FOIA_PACKAGE_FORMAT,
    requestId: input.requestId,
    jurisdiction: input.jurisdiction,
    law: catalog.law,
    cutoff: new Date(cutoff).toISOString(),
    cases,
    ...(records ? { records } : {}),
    redactionLog: log,
    exemptions,
    summary: {
      records: cases.reduce((n, c) => n + c.records.length, 0) + (records ? sectionRecordCount(records) : 0),
      withheld,
      released: log.length - withheld,
    },
  };
}

/** The package's SHA-256: of its canonical JSON, so the same request and cut-off give the same digest. */
export function packageDigest(pkg: FoiaPackage): string {
  return sha256Hex(canonicalJson(pkg));
}

export const packageJson = (pkg: FoiaPackage) => canonicalJson(pkg);
