import { ValidationError } from '@lse/domain';

/**
 * What is wrong with a computation's input, by name, so a caller can map it (HTTP 422 with the
 * problem and the field) instead of parsing a message; every one is a ValidationError.
 */
export type BackWageInputProblem =
  | 'malformed_filing_date'
  | 'overlapping_workweeks'
  | 'workweek_start_mismatch'
  | 'unknown_rule_set'
  | 'malformed_rule_set';

/**
 * `details.reason` names the rule, as every domain refusal's does: the problem, or a finer rule
 * within it (`version_exists` is a malformed_rule_set).
 */
export class BackWageInputError extends ValidationError {
  constructor(
    readonly problem: BackWageInputProblem,
    message: string,
    details: Record<string, unknown> & { reason?: string } = {},
  ) {
    super(message, { problem, reason: problem, ...details });
  }
}
