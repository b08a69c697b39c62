import { HttpException } from '@nestjs/common';

export const PROBLEM_BASE = 'https://lse.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A stable, documented URI for a kind of problem; clients switch on it, never on `detail`. */
export const problemType = (slug: string) => `${PROBLEM_BASE}${slug}`;

export interface FieldError {
  /** Dotted path into the request body or query, e.g. `complainants.0.language`. */
  path: string;
  /** What to do, in English (problems/field-errors.ts). */
  message: string;
  /**
   * What is wrong, for a client to say in its own language: `required`, `too_short`,
   * `too_long`, `too_few`, `too_many`, `too_small`, `too_big`, `invalid_format`,
   * `invalid_option`, `invalid_type`, `unknown_field`; absent for a rule's own message.
   */
  code?: string;
  /** The bound a size code refers to (characters, items or the number). */
  limit?: number;
  /** `too_small`/`too_big` with a bound that is itself refused (more than 0, not 0 or more). */
  inclusive?: false;
  /** `invalid_format`: email, uuid, date, datetime. */
  format?: string;
  /** `invalid_option`: the values allowed, when there are few. */
  options?: string[];
}

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * An HTTP error that already knows its problem type. Throw it from handlers, guards and
 * interceptors; the problem filter sends it as it is.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}
