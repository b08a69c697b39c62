import {
  exemptionsFor,
  foiaRecordSection,
  type FoiaRecordRequest,
  type RedactedRecord,
} from '@lse/contracts';
import { applyTextRedactions, freeTextValues, namesKnownTo, redactText } from '../redaction/free-text';
import type { PackageRecord, RedactionEntry } from '../redaction/package';
import {
  classifiedValues,
  renameKey,
  replaceAt,
  upcastData,
  withheldFields,
  type CaseRecord,
} from '../redaction/redact';
import { NameFinder } from '../redaction/text-finder';
import { countReferrals, suppressedCells, type ReferralCounts, type ReferralFacts } from './statistics';

/*
 * The sections of a package for records named besides cases (libs/contracts/src/audit/records.ts).
 * Events are redacted exactly as a case's records are: by their contract's field classifications
 * (withheldFields), each withheld field replaced by the marker citing its log entry. Statistics
 * are computed, then their small cells withheld (statistics.ts).
 */

/** What the audit service gathered from the event store as of the cut-off, per named record. */
export interface RecordSectionsInput {
  /** Each agreement once (named by id or through a partner): its own events and its parties' point people. */
  agreements: Array<{ agreementId: string; records: CaseRecord[] }>;
  referralStatistics: Array<{ partnerId: string; from: string; to: string; referrals: ReferralFacts[] }>;
  /** Each entry with whether its case was open at the cut-off ((b)(7)(A) applies only then). */
  disclosureLedger: Array<{
    partnerId: string;
    /** The recipient organization's registered name (public), null when it is not registered. */
    organization: string | null;
    from: string;
    to: string;
    entries: Array<{ caseOpen: boolean; record: CaseRecord }>;
  }>;
}

/** A count as released: the number, or the marker of its withheld cell. */
export type StatisticCell = number | string;

export interface ReferralStatisticsSection {
  partnerId: string;
  from: string;
  to: string;
  referrals: StatisticCell;
  workersReferred: StatisticCell;
  byStatus: Record<string, StatisticCell>;
  byChannel: Record<string, StatisticCell>;
}

export interface RecordSections {
  agreements: Array<{ agreementId: string; records: PackageRecord[] }>;
  referralStatistics: ReferralStatisticsSection[];
  disclosureLedger: Array<{
    partnerId: string;
    organization: string | null;
    from: string;
    to: string;
    entries: PackageRecord[];
  }>;
}

export interface SectionContext {
  jurisdiction: string;
  /** The package's log so far: entries are numbered after it and appended to it. */
  log: RedactionEntry[];
  /** Exemption codes cited by a withheld field, added to. */
  cited: Set<string>;
  /** Fields a FOIA officer released (RedactionOverridden), `eventId|path`. */
  released: ReadonlySet<string>;
  marker: (exemptions: string[], n: number) => string;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * One event of a named record, redacted by its classifications and logged under that record; then,
 * inside each free-text field it releases, the names its record knows (an agreement's point people)
 * and phones, e-mails, SSNs and addresses, as a case's free text is (redaction/free-text.ts).
 */
function redactEvent(
  record: CaseRecord,
  owner: RedactedRecord,
  caseOpen: boolean,
  names: NameFinder,
  ctx: SectionContext,
): PackageRecord {
  const out: PackageRecord = {
    eventId: record.eventId,
    streamId: record.streamId,
    streamVersion: record.streamVersion,
    type: record.type,
    recordedAt: record.recordedAt,
    data: clone(upcastData(record)),
    metadata: clone(record.metadata),
  };
  const context = { caseOpen, jurisdiction: ctx.jurisdiction };
  const values = classifiedValues(record);
  const fields = withheldFields(record, context, values);
  const whole = new Set(fields.map((f) => f.path));
  const log = (entry: Omit<RedactionEntry, 'n' | 'record' | 'eventId' | 'released'>) => {
    const n = ctx.log.length + 1;
    const path = entry.path;
    const released = ctx.released.has(`${record.eventId}|${path}`);
    ctx.log.push({ n, record: owner, eventId: record.eventId, ...entry, released });
    if (!released) entry.exemptions.forEach((code) => ctx.cited.add(code));
    return released ? null : ctx.marker(entry.exemptions, n);
  };
  // Values first, then keys (renaming a key first would move the values below it).
  for (const field of [...fields.filter((f) => !f.isKey), ...fields.filter((f) => f.isKey)]) {
    const marker = log({
      path: field.path,
      classification: field.classification,
      exemptions: field.exemptions,
    });
    if (marker === null) continue;
    const [root, ...segments] = field.path.split('.');
    const target = root === 'data' ? out.data : out.metadata;
    if (field.isKey) renameKey(target, segments.slice(0, -1), marker);
    else replaceAt(target, segments, marker);
  }
  for (const value of freeTextValues(values)) {
    if (whole.has(value.path) && !ctx.released.has(`${record.eventId}|${value.path}`)) continue;
    const markers = redactText(value, names, context).flatMap(
      ({ path, classification, exemptions, kind, span, reason }) => {
        const marker = log({ path, classification, exemptions, kind, span, reason });
        return marker === null ? [] : [{ span, marker }];
      },
    );
    if (markers.length === 0) continue;
    const [root, ...segments] = value.path.split('.');
    replaceAt(root === 'data' ? out.data : out.metadata, segments, applyTextRedactions(value.text, markers));
  }
  return out;
}

const byPosition = (records: CaseRecord[], cutoff: number) =>
  records
    .filter((r) => Date.parse(r.recordedAt) <= cutoff)
    .sort((a, b) => a.globalPosition - b.globalPosition);

/** The statistics table with each small cell replaced by its marker and logged (statistics.ts). */
function statisticsSection(
  s: RecordSectionsInput['referralStatistics'][number],
  ctx: SectionContext,
): ReferralStatisticsSection {
  const counts: ReferralCounts = countReferrals(s.referrals, s.from, s.to);
  const table: ReferralStatisticsSection = {
    partnerId: s.partnerId,
    from: s.from,
    to: s.to,
    referrals: counts.referrals,
    workersReferred: counts.workersReferred,
    byStatus: { ...counts.byStatus },
    byChannel: { ...counts.byChannel },
  };
  // A count small enough to identify a worker is personal information (statistics.ts).
  const exemptions = exemptionsFor('personal', { caseOpen: false, jurisdiction: ctx.jurisdiction });
  for (const path of suppressedCells(counts)) {
    const n = ctx.log.length + 1;
    ctx.log.push({
      n,
      record: { section: 'referral_statistics', id: s.partnerId },
      path,
      classification: 'personal',
      exemptions,
      released: false,
    });
    exemptions.forEach((code) => ctx.cited.add(code));
    replaceAt(table as unknown as Record<string, unknown>, path.split('.'), ctx.marker(exemptions, n));
  }
  return table;
}

/** The named records' sections, redacted, their entries appended to the package's log in section order. */
export function redactRecordSections(
  input: RecordSectionsInput,
  cutoff: string,
  ctx: SectionContext,
): RecordSections {
  const at = Date.parse(cutoff);
  const agreements = input.agreements.map(({ agreementId, records }) => {
    const own = byPosition(records, at);
    const names = new NameFinder(namesKnownTo(own));
    return {
      agreementId,
      records: own.map((r) =>
        // An agreement is no enforcement proceeding: nothing in it is withheld as "open".
        redactEvent(r, { section: 'agreements', id: agreementId }, false, names, ctx),
      ),
    };
  });
  const referralStatistics = input.referralStatistics.map((s) => statisticsSection(s, ctx));
  const disclosureLedger = input.disclosureLedger.map(({ partnerId, organization, from, to, entries }) => {
    const open = new Map(entries.map((e) => [e.record.eventId, e.caseOpen]));
    const own = byPosition(
      entries.map((e) => e.record),
      at,
    );
    const names = new NameFinder(namesKnownTo(own));
    return {
      partnerId,
      organization,
      from,
      to,
      entries: own.map((r) =>
        redactEvent(r, { section: 'disclosure_ledger', id: partnerId }, open.get(r.eventId)!, names, ctx),
      ),
    };
  });
  return { agreements, referralStatistics, disclosureLedger };
}

/** Events of the sections (statistics are computed, not records). */
export const sectionRecordCount = (s: RecordSections) =>
  s.agreements.reduce((n, a) => n + a.records.length, 0) +
  s.disclosureLedger.reduce((n, l) => n + l.entries.length, 0);

/** Whether a redaction's record is one the request names (its section and id). */
export function isRequestedRecord(requested: readonly FoiaRecordRequest[], record: RedactedRecord): boolean {
  return requested.some((r) => {
    if (foiaRecordSection(r) !== record.section) return false;
    // An agreement reached through a partner is logged under its own id: any agreement of a
    // partner_agreements request is named by it.
    if (r.kind === 'partner_agreements') return true;
    return (r.kind === 'agreement' ? r.agreementId : r.partnerId) === record.id;
  });
}

/**
 * What a FOIA officer must hear about named records before releasing: an agreement with no
 * records at or before the cut-off (a mistyped id, or a cut-off before it was drafted). An empty
 * ledger or a table of zeros is a lawful answer (nothing was disclosed, nobody referred): no warning.
 */
export function recordWarnings(sections: RecordSections | undefined, cutoff: string): string[] {
  return (sections?.agreements ?? [])
    .filter((a) => a.records.length === 0)
    .map(
      (a) =>
        `Agreement ${a.agreementId} has no records at or before the cut-off ${cutoff}: check the agreement id, or choose a later cut-off.`,
    );
}
