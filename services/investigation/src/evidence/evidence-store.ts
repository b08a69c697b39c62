// The store itself is in libs/service-kit (audit reads it too, for FOIA packages).
export { FilesystemEvidenceStore, sha256Of, type EvidenceStore } from '@lse/service-kit';

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');
