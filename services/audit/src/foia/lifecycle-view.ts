import { lifecycleRuleFor, owedCents, type FoiaState } from '@lse/audit-domain';
import { addDays, isoDate } from '@lse/domain';
import type { FoiaFeeState, FoiaLifecycle, FoiaResponse } from '@lse/audit-domain';

export interface LifecycleView {
  lifecycle: Omit<FoiaLifecycle, 'fee'> & { fee?: FoiaFeeState & { owedCents: number } };
  response?: FoiaResponse & { appealClosesOn?: string };
  /** Once the appeal is upheld: the provision under which the requester may go to court. */
  judicialReview?: string;
}

/**
 * The lifecycle as the request view shows it: the fee with what is still owed, and the final
 * response with the last day an appeal is received (none where the law has no administrative
 * appeal, Cal. Gov. Code § 7923.000); once an appeal is upheld, that the court is next.
 */
export function lifecycleView(state: Exclude<FoiaState, { status: 'none' }>): LifecycleView {
  const { fee, ...rest } = state.lifecycle;
  const lifecycle = fee ? { ...rest, fee: { ...fee, owedCents: owedCents(fee) } } : rest;
  // Open (or open again after an appeal): no final response to appeal yet.
  if (state.status === 'received' || state.status === 'reprocessing') return { lifecycle };
  const { appeal } = lifecycleRuleFor(state.request.jurisdiction);
  const judicialReview =
    state.status === 'appeal_decided' && !('none' in appeal) ? { judicialReview: appeal.judicialReview } : {};
  const appealClosesOn =
    'none' in appeal
      ? {}
      : { appealClosesOn: addDays(isoDate(state.response.respondedOn), appeal.window.days) };
  return { lifecycle, response: { ...state.response, ...appealClosesOn }, ...judicialReview };
}
