import { EXEMPTION_CATALOGS, type Classification, type RedactedRecord } from '@lse/contracts';
import { canonicalJson, sha256Hex } from '../canonical';
import {
  recordWarnings,
  redactRecordSections,
  sectionRecordCount,
  type RecordSections,
  type RecordSectionsInput,
} from '../records/sections';
import { renameKey, replaceAt, upcastData, withheldFields, type CaseRecord } from './redact';

export const FOIA_PACKAGE_FORMAT = 'lse-foia-package/1';

export interface FoiaPackageInput {
  requestId: string;
  jurisdiction: string;
  /** Only records recorded at or before it are in the package. */
  cutoff: string;
  cases: Array<{ caseId: string; openAtCutoff: boolean; records: CaseRecord[] }>;
  /** Fields a FOIA officer released (RedactionOverridden), by event id and path. */
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
  cases: Array<{ caseId: string; openAtCutoff: boolean; records: PackageRecord[] }>;
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
 * open at the cut-off), except fields released by an override; and the log of every redaction.
 * Pure and deterministic: no clock, ordered by case request order and global position.
 */
export function buildFoiaPackage(input: FoiaPackageInput): FoiaPackage {
  const catalog = EXEMPTION_CATALOGS[input.jurisdiction];
  if (!catalog)
    throw new RangeError(`no public-records exemption catalog for jurisdiction '${input.jurisdiction}'`);
  const released = new Set(input.overrides.map((o) => `${o.eventId}|${o.path}`));
  const log: RedactionEntry[] = [];
  const cited = new Set<string>();
  const cutoff = Date.parse(input.cutoff);
  const cases = input.cases.map(({ caseId, openAtCutoff, records }) => ({
    caseId,
    openAtCutoff,
    records: records
      .filter((r) => Date.parse(r.recordedAt) <= cutoff)
      .sort((a, b) => a.globalPosition - b.globalPosition)
      .map((record) => {
        const out: PackageRecord = {
          eventId: record.eventId,
          streamId: record.streamId,
          streamVersion: record.streamVersion,
          type: record.type,
          recordedAt: record.recordedAt,
          data: clone(upcastData(record)),
          metadata: clone(record.metadata),
        };
        const fields = withheldFields(record, { caseOpen: openAtCutoff, jurisdiction: input.jurisdiction });
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
        return out;
      }),
  }));
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

/**
 * What a FOIA officer must hear before releasing: a requested case with no records at or
 * before the cut-off (a cut-off before the case existed, or a mistyped case id), and a package
 * with no records at all. Not part of the package or its digest: a warning, not a refusal, since
 * "no records" is itself a lawful answer to a request.
 */
export function packageWarnings(
  pkg: Pick<FoiaPackage, 'cutoff' | 'cases' | 'summary' | 'records'>,
  /** When each case's first record was made, for the cases that have any after the cut-off. */
  firstRecordedAt: Record<string, string> = {},
): string[] {
  const warnings: string[] = [...recordWarnings(pkg.records, pkg.cutoff)];
  // A request naming records only has no case to be empty of (recordWarnings speaks for those).
  if (pkg.summary.records === 0 && pkg.cases.length > 0)
    warnings.push(
      `The package is empty: none of the ${pkg.cases.length} requested case(s) has a record at or before the cut-off ${pkg.cutoff}.`,
    );
  for (const c of pkg.cases) {
    if (c.records.length > 0) continue;
    const first = firstRecordedAt[c.caseId];
    warnings.push(
      first
        ? `Case ${c.caseId} has no records at or before the cut-off ${pkg.cutoff}; its first record is of ${first}: choose a later cut-off to include it.`
        : `Case ${c.caseId} has no records at all: check the case id.`,
    );
  }
  return warnings;
}
