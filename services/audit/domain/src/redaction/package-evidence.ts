import type { EvidenceAttached, EvidenceWithheldReason } from '@lse/contracts';
import { evidenceText, type EvidenceContent } from './evidence';
import type { FreeTextValue } from './free-text';
import { upcastData, type CaseRecord } from './redact';

/**
 * An evidence file in a package: its text with the same redactions as free text (each logged
 * against its EvidenceAttached record, at `evidence.<evidenceId>.text@<start>-<end>`), or why it
 * is withheld whole. Its file name and description are in its record, redacted there.
 */
export interface PackageEvidence {
  evidenceId: string;
  /** The EvidenceAttached record. */
  eventId: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** The redacted text, when released. */
  text?: string;
  /** Pictures in a released PDF, which are not part of its text and not in the package. */
  imagesNotIncluded?: number;
  withheld?: { reason: EvidenceWithheldReason; detail: string };
}

/** Where an evidence file's text sits in the package: the path its redactions name. */
export const evidenceTextPath = (evidenceId: string) => `evidence.${evidenceId}.text`;

/** The package's evidence of one case, from its EvidenceAttached records (in record order). */
export function evidenceOf(
  records: readonly CaseRecord[],
  content: Readonly<Record<string, EvidenceContent>>,
  redact: (eventId: string, value: FreeTextValue) => string,
): PackageEvidence[] {
  return records
    .filter((r) => r.type === 'EvidenceAttached')
    .map((record) => {
      const data = upcastData(record) as EvidenceAttached;
      const file = {
        evidenceId: data.evidenceId,
        mediaType: data.mediaType,
        sizeBytes: data.sizeBytes,
        sha256: data.sha256,
      };
      const read = evidenceText({ ...file, content: content[data.sha256] });
      if (read.status === 'withheld')
        return { ...file, eventId: record.eventId, withheld: { reason: read.reason, detail: read.detail } };
      const text = redact(record.eventId, { path: evidenceTextPath(data.evidenceId), text: read.text });
      return {
        ...file,
        eventId: record.eventId,
        text,
        ...(read.images > 0 ? { imagesNotIncluded: read.images } : {}),
      };
    });
}
