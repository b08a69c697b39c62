import { HttpException } from '@nestjs/common';
import { CodeMapping, mappingForCode, mappingForStatus, ERROR_CODES } from './error-codes';
import { FieldError, ProblemDetails, ProblemException, problemType } from './problem';

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
  /** False for errors nobody anticipated: those are logged and answered with a generic 500. */
  expected: boolean;
}

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isZodError(err: unknown): err is { issues: ZodLikeIssue[] } {
  return isObject(err) && (err.name === 'ZodError' || err.name === '$ZodError') && Array.isArray(err.issues);
}

export function fieldErrorsFromZod(issues: ZodLikeIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function fromMapping(
  mapping: CodeMapping,
  detail?: string,
  extra: Partial<ProblemDetails> = {},
): ProblemResponse {
  const body: ProblemDetails = {
    type: problemType(mapping.slug),
    title: mapping.title,
    status: mapping.status,
  };
  if (detail) body.detail = detail;
  return { status: mapping.status, body: { ...body, ...extra }, headers: {}, expected: true };
}

function asFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (e): e is FieldError => isObject(e) && typeof e.path === 'string' && typeof e.message === 'string',
  );
}

function fromHttpException(err: HttpException): ProblemResponse {
  const status = err.getStatus();
  const response = err.getResponse();
  let detail: string | undefined;
  if (typeof response === 'string') detail = response;
  else if (isObject(response)) {
    const message = response.message;
    detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  }
  const mapping = mappingForStatus(status);
  return fromMapping({ ...mapping, status }, detail);
}

/**
 * Body-parser and other `http-errors`: their messages can quote the body, which may hold
 * personal data, so only fixed texts go out.
 */
function fromHttpError(err: Record<string, unknown>): ProblemResponse | undefined {
  if (err.type === 'entity.too.large') {
    return fromMapping(ERROR_CODES.payload_too_large, 'The request body exceeds the size limit.');
  }
  if (err.type === 'entity.parse.failed') {
    return fromMapping(ERROR_CODES.bad_request, 'The request body is not valid JSON.');
  }
  const status = typeof err.status === 'number' ? err.status : err.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && err.expose === true) {
    return fromMapping(mappingForStatus(status));
  }
  return undefined;
}

/**
 * What body-parser or Express threw, when NestJS 12's Express adapter has wrapped it: it turns
 * http-errors and the SyntaxError of a malformed JSON body into an HttpException carrying their
 * own message, which for JSON.parse (V8 in Node 24) quotes the body, and it hides a
 * ProblemException thrown by a body-parser `verify` the same way. The original is answered.
 */
function unwrapAdapterError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  const cause: unknown = err.cause;
  if (cause instanceof ProblemException) return cause;
  const fromBodyParser =
    isObject(cause) && typeof cause.type === 'string' && cause.type.startsWith('entity.');
  return fromBodyParser || cause instanceof URIError ? cause : err;
}

/** Turns anything thrown into problem details. Never includes a stack trace. */
export function problemFromError(thrown: unknown): ProblemResponse {
  const err = unwrapAdapterError(thrown);
  if (err instanceof ProblemException) {
    return { status: err.problem.status, body: err.problem, headers: err.headers, expected: true };
  }
  if (isZodError(err)) {
    return fromMapping(ERROR_CODES.validation, 'The request is not valid.', {
      errors: fieldErrorsFromZod(err.issues),
    });
  }
  if (err instanceof HttpException) return fromHttpException(err);
  // Express decoding a path parameter such as '%FF'; its message quotes the parameter.
  if (err instanceof URIError) return fromMapping(ERROR_CODES.bad_request, 'The request URL is not valid.');
  if (isObject(err) && typeof err.code === 'string') {
    // Typed domain and service errors: only codes in the table; Node system errors also have a
    // `code` (ECONNREFUSED...) and must stay unexpected.
    const mapping = mappingForCode(err.code);
    if (mapping) {
      const details = isObject(err.details) ? err.details.errors : err.details;
      const errors = asFieldErrors(details) ?? (mapping.slug === 'validation' ? [] : undefined);
      return fromMapping(
        mapping,
        typeof err.message === 'string' ? err.message : undefined,
        errors ? { errors } : {},
      );
    }
  }
  if (isObject(err)) {
    const httpError = fromHttpError(err);
    if (httpError) return httpError;
  }
  return { ...fromMapping(ERROR_CODES.internal, 'An unexpected error occurred.'), expected: false };
}
