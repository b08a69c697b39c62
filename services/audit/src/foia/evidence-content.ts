import type { EvidenceAttached } from '@lse/contracts';
import {
  EVIDENCE_TEXT_MAX_BYTES,
  upcastData,
  type CaseRecord,
  type EvidenceContent,
} from '@lse/audit-domain';
import { EvidenceErasedError, type EvidenceStore } from '@lse/service-kit';

/** What audit needs of the evidence store: to read (it never writes). */
const idOfStream = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

export type EvidenceReader = Pick<EvidenceStore, 'get'>;

/**
 * The content of a case's evidence files, by SHA-256, for its FOIA package: each EvidenceAttached
 * record's bytes from the store, except files larger than a package takes (withheld as too large
 * without being read). A file the store does not have is absent (withheld as unavailable); one
 * that no longer matches its digest stops the compilation (the store throws) rather than release
 * other bytes than were attached. A file whose case key is destroyed is `'erased'` (withheld as
 * erased): it is read under the key of its record's case (the investigation stream's id).
 */
export async function evidenceContentOf(
  records: readonly CaseRecord[],
  reader: EvidenceReader | undefined,
): Promise<Record<string, EvidenceContent>> {
  const content: Record<string, EvidenceContent> = {};
  if (!reader) return content;
  for (const record of records) {
    if (record.type !== 'EvidenceAttached') continue;
    const data = upcastData(record) as EvidenceAttached;
    if (data.sizeBytes > EVIDENCE_TEXT_MAX_BYTES || data.sha256 in content) continue;
    content[data.sha256] = await reader
      .get(data.storageRef, idOfStream(record.streamId))
      .catch((err: unknown) => {
        if (err instanceof EvidenceErasedError) return 'erased' as const;
        throw err;
      });
  }
  return content;
}
