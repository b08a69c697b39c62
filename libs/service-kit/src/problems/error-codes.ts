/**
 * The error codes services and the domain use, and what each becomes over HTTP. One table, so
 * a code means the same status and problem type everywhere (RPC replies, domain errors, HTTP).
 */
export interface CodeMapping {
  status: number;
  slug: string;
  title: string;
}

export const ERROR_CODES: Record<string, CodeMapping> = {
  validation: { status: 400, slug: 'validation', title: 'The request is not valid' },
  bad_request: { status: 400, slug: 'bad-request', title: 'Bad request' },
  /** A pagination cursor the server did not issue, or a limit out of range. */
  invalid_cursor: { status: 400, slug: 'invalid-cursor', title: 'Invalid pagination parameters' },
  /** An If-Match header that is not one strong ETag holding a stream version, or `*`. */
  invalid_if_match: { status: 400, slug: 'invalid-if-match', title: 'Invalid If-Match header' },
  unauthorized: { status: 401, slug: 'unauthorized', title: 'Authentication required' },
  forbidden: { status: 403, slug: 'forbidden', title: 'Not allowed' },
  not_found: { status: 404, slug: 'not-found', title: 'Not found' },
  /** A known path asked with a method it does not serve; the answer carries `Allow`. */
  method_not_allowed: { status: 405, slug: 'method-not-allowed', title: 'Method not allowed' },
  conflict: { status: 409, slug: 'conflict', title: 'Conflict' },
  wrong_expected_version: {
    status: 409,
    slug: 'concurrency-conflict',
    title: 'The resource was changed by someone else',
  },
  request_in_progress: {
    status: 409,
    slug: 'request-in-progress',
    title: 'A request with this key is in progress',
  },
  /**
   * A command that would record new data of a person whose data was erased (crypto-shred's
   * SubjectErasedError): the key is destroyed, nothing can be sealed for them again.
   */
  subject_erased: {
    status: 409,
    slug: 'subject-erased',
    title: "This person's data was erased; the record cannot be changed",
  },
  /** Evidence of a case whose personal data was erased: its file no longer opens. */
  evidence_erased: { status: 410, slug: 'evidence-erased', title: 'This evidence file was erased' },
  precondition_failed: { status: 412, slug: 'precondition-failed', title: 'Precondition failed' },
  payload_too_large: { status: 413, slug: 'payload-too-large', title: 'Request body too large' },
  event_too_large: { status: 413, slug: 'event-too-large', title: 'Too large to record as one event' },
  unsupported_media_type: { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type' },
  invalid_transition: { status: 422, slug: 'invalid-transition', title: 'Not allowed in the current state' },
  idempotency_key_reused: {
    status: 422,
    slug: 'idempotency-key-reused',
    title: 'Idempotency key reused with a different request',
  },
  unprocessable: { status: 422, slug: 'unprocessable', title: 'Unprocessable request' },
  rate_limited: { status: 429, slug: 'rate-limited', title: 'Too many requests' },
  internal: { status: 500, slug: 'internal', title: 'Internal error' },
  /**
   * The copy of a released FOIA package kept at release does not open or is not the recorded
   * bytes: altered in the database. Never served; the detail names the check to run.
   */
  released_package_altered: {
    status: 500,
    slug: 'released-package-altered',
    title: 'The stored released package does not match its recorded digest',
  },
  bad_gateway: { status: 502, slug: 'bad-gateway', title: 'A service gave an invalid answer' },
  unavailable: { status: 503, slug: 'service-unavailable', title: 'Service unavailable' },
  timeout: { status: 504, slug: 'timeout', title: 'A service did not answer in time' },
};

/** The code an HTTP status falls back to when an error carries only a status. */
const BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'timeout',
};

export function mappingForCode(code: string): CodeMapping | undefined {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code) ? ERROR_CODES[code] : undefined;
}

export function mappingForStatus(status: number): CodeMapping {
  const code = BY_STATUS[status];
  if (code) return ERROR_CODES[code];
  return status >= 500 ? ERROR_CODES.internal : { status, slug: 'http-' + status, title: 'Request failed' };
}
