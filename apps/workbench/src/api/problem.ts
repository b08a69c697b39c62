import i18n from 'i18next';
import { operationRoles } from './operation-roles';

export interface FieldProblem {
  path: string;
  /** What to do, in English. */
  message: string;
  /** What is wrong (the gateway's field-error codes), so it can be said in the interface's language. */
  code?: string;
  limit?: number;
  /** False when the bound itself is refused ("more than 0"). */
  inclusive?: boolean;
  format?: string;
}

const SAID_BY_CODE = new Set([
  'required',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_option',
  'unknown_field',
]);
const SAID_BY_FORMAT = new Set(['email', 'uuid', 'date', 'datetime']);

/**
 * A field error in the interface's language when the gateway gave its code; otherwise the
 * server's own words (a domain rule's message, English).
 */
export function fieldMessage(e: FieldProblem): string {
  const key =
    e.code === 'invalid_format' && e.format && SAID_BY_FORMAT.has(e.format)
      ? `format_${e.format}`
      : e.code && SAID_BY_CODE.has(e.code)
        ? e.inclusive === false && (e.code === 'too_small' || e.code === 'too_big')
          ? `${e.code}_exclusive`
          : e.code
        : undefined;
  if (!key) return e.message;
  return i18n.t(`errors.rejected.field.${key}` as 'errors.rejected.field.required', {
    limit: e.limit ?? '',
  });
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  correlationId?: string;
  errors?: FieldProblem[];
}

/**
 * A failed API call, with what a screen needs to explain it: the HTTP status (0 when the gateway
 * could not be reached), the problem+json body, and the operation (`POST /api/v1/...`) so that a
 * 403 can name the roles that may do it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly operation: string,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The gateway or a service behind it is down or overloaded: a banner, not a form error. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  /** Field errors keyed by path (`complainants.0.language`), for showing beside their fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.path] ??= fieldMessage(e);
    return out;
  }

  /** The roles that may perform the operation (from the OpenAPI document's x-roles). */
  allowedRoles(): readonly string[] {
    return operationRoles[this.operation] ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
