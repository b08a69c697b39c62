import { ValidationError } from '@lse/domain';

/** A request that names neither a case nor any other record could never be answered. */
export class NothingRequestedError extends ValidationError {
  constructor() {
    super(
      "The request names no case and no record: give caseIds, or records (an agreement, a partner's referral statistics or disclosure ledger).",
      { reason: 'nothing_requested' },
    );
  }
}

export class RecordNotRequestedError extends ValidationError {
  constructor(section: string, id: string) {
    super('The record is not one this request asks for.', { reason: 'record_not_requested', section, id });
  }
}
