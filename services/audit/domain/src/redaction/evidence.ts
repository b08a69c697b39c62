import type { EvidenceWithheldReason } from '@lse/contracts';
import { pdfText } from './pdf-text';

/** The largest evidence file whose text a package takes (the upload limit's default, doubled). */
export const EVIDENCE_TEXT_MAX_BYTES = 1024 * 1024;

/**
 * What the evidence store gave for a file: its bytes, `'erased'` when its case's key is destroyed
 * (docs/erasure.md), or nothing when it does not have the file.
 */
export type EvidenceContent = Uint8Array | 'erased' | undefined;

/** An evidence file of a case as the package builder gets it: the record and, if found, the bytes. */
export interface EvidenceFile {
  evidenceId: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content?: EvidenceContent;
}

export type EvidenceText =
  | { status: 'text'; text: string; images: number }
  | { status: 'withheld'; reason: EvidenceWithheldReason; detail: string };

const isText = (mediaType: string) => mediaType.startsWith('text/') || mediaType === 'application/json';

/**
 * The text of an evidence file to redact and release, or why it is withheld whole: text files
 * (UTF-8; anything else is unreadable) and PDFs with a text layer; every other format, a file
 * too large, a scan and what cannot be read are withheld with their reason, never released raw.
 */
export function evidenceText(file: EvidenceFile, maxBytes = EVIDENCE_TEXT_MAX_BYTES): EvidenceText {
  const withheld = (reason: EvidenceWithheldReason, detail: string): EvidenceText => ({
    status: 'withheld',
    reason,
    detail,
  });
  const mediaType = file.mediaType.toLowerCase();
  if (!isText(mediaType) && mediaType !== 'application/pdf')
    return withheld('other_format', `${file.mediaType} files are not released as text.`);
  if (file.sizeBytes > maxBytes)
    return withheld('too_large', `The file is larger than ${maxBytes} bytes, the most a package takes.`);
  if (file.content === 'erased')
    return withheld('erased', "The file was erased with the case's personal data: it can no longer be read.");
  if (!file.content) return withheld('unavailable', 'The evidence store does not have the file.');
  if (mediaType === 'application/pdf') {
    const pdf = pdfText(file.content);
    if (pdf.status === 'text') return pdf;
    if (pdf.status === 'scanned_image')
      return withheld('scanned_image', 'The PDF holds page images and no text: it needs a person to redact.');
    return withheld('unreadable', `The PDF could not be read: ${pdf.detail}.`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.content).replace(/^\uFEFF/, '');
    return { status: 'text', text, images: 0 };
  } catch {
    return withheld('unreadable', 'The file is not UTF-8 text.');
  }
}
