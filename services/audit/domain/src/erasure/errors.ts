import { DomainError } from '@lse/domain';
import type { CaseHolds } from './decider';

/** No erasure while a legal hold is in effect on a case the person appears in (the duty to preserve). */
export class ErasureUnderLegalHoldError extends DomainError {
  readonly code = 'conflict';
  constructor(held: CaseHolds[]) {
    // Ids only (cases and holds): the problem's detail names them, so the caller knows what to lift.
    const named = held.map((h) => `case ${h.caseId} (hold ${h.holdIds.join(', hold ')})`).join('; ');
    super(
      `A legal hold is in effect on a case this person appears in: ${named}. Nothing may be erased until every hold is lifted (POST /cases/{caseId}/legal-holds/{holdId}/lift).`,
      { reason: 'under_legal_hold', holds: held },
    );
  }
}

/** The person's key seals values in cases the request did not name: erasing would reach them too. */
export class ErasureScopeError extends DomainError {
  readonly code = 'conflict';
  constructor(missingCaseIds: string[]) {
    super(
      `The person appears in cases the request does not name (${missingCaseIds.join(', ')}); one key per person erases them from every case: name them all, or send cases "all".`,
      { reason: 'erasure_scope_incomplete', missingCaseIds },
    );
  }
}
