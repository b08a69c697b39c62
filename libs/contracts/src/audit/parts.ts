/**
 * Audit's own stream categories (docs/architecture.md#audit): `foia-<requestId>`,
 * `access-<caseId>`, `integrity-<id>`.
 */
export const FOIA_CATEGORY = 'foia';
export const ACCESS_CATEGORY = 'access';
export const INTEGRITY_CATEGORY = 'integrity';
/** Records management: `records-<caseId>` (legal holds, dispositions due), one `retention-<id>` stream of reviews. */
export const RECORDS_CATEGORY = 'records';
export const RETENTION_CATEGORY = 'retention';
export const AUDIT_CATEGORIES = [
  FOIA_CATEGORY,
  ACCESS_CATEGORY,
  INTEGRITY_CATEGORY,
  RECORDS_CATEGORY,
  RETENTION_CATEGORY,
] as const;

export const foiaStreamId = (requestId: string) => `${FOIA_CATEGORY}-${requestId}`;
export const accessStreamId = (subjectId: string) => `${ACCESS_CATEGORY}-${subjectId}`;
/** A case's holds and dispositions due (a FOIA request's disposition: under the request's id). */
export const recordsStreamId = (recordId: string) => `${RECORDS_CATEGORY}-${recordId}`;
/** One stream holds every retention review's report, in order (a fixed, documented id). */
export const RETENTION_STREAM_ID = `${RETENTION_CATEGORY}-00000000-0000-4000-8000-000000000002`;

/** One stream holds every integrity checkpoint, in order (a fixed, documented id). */
export const INTEGRITY_STREAM_ID = `${INTEGRITY_CATEGORY}-00000000-0000-4000-8000-000000000001`;

/** A SHA-256 digest, lower-case hex. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
