/**
 * Audit's own stream categories (docs/architecture.md#audit): `foia-<requestId>`,
 * `access-<caseId>`, `integrity-<id>`.
 */
export const FOIA_CATEGORY = 'foia';
export const ACCESS_CATEGORY = 'access';
export const INTEGRITY_CATEGORY = 'integrity';
export const AUDIT_CATEGORIES = [FOIA_CATEGORY, ACCESS_CATEGORY, INTEGRITY_CATEGORY] as const;

export const foiaStreamId = (requestId: string) => `${FOIA_CATEGORY}-${requestId}`;
export const accessStreamId = (subjectId: string) => `${ACCESS_CATEGORY}-${subjectId}`;

/** One stream holds every integrity checkpoint, in order (a fixed, documented id). */
export const INTEGRITY_STREAM_ID = `${INTEGRITY_CATEGORY}-00000000-0000-4000-8000-000000000001`;

/** A SHA-256 digest, lower-case hex. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
