import type { EvidenceAttached } from '@lse/contracts';
import { EVIDENCE_TEXT_MAX_BYTES, upcastData, type CaseRecord } from '@lse/audit-domain';
import type { EvidenceStore } from '@lse/service-kit';

/** What audit needs of the evidence store: to read (it never writes). */
export type EvidenceReader = Pick<EvidenceStore, 'get'>;

/**
 * The content of a case's evidence files, by SHA-256, for its FOIA package: each EvidenceAttached
 * record's bytes from the store, except files larger than a package takes (withheld as too large
 * without being read). A file the store does not have is absent (withheld as unavailable); one
 * that no longer matches its digest stops the compilation (the store throws) rather than release
 * other bytes than were attached.
 */
export async function evidenceContentOf(
  records: readonly CaseRecord[],
  reader: EvidenceReader | undefined,
): Promise<Record<string, Uint8Array | undefined>> {
  const content: Record<string, Uint8Array | undefined> = {};
  if (!reader) return content;
  for (const record of records) {
    if (record.type !== 'EvidenceAttached') continue;
    const data = upcastData(record) as EvidenceAttached;
    if (data.sizeBytes > EVIDENCE_TEXT_MAX_BYTES || data.sha256 in content) continue;
    content[data.sha256] = await reader.get(data.storageRef);
  }
  return content;
}
