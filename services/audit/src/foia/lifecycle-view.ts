import { lifecycleRuleFor, owedCents, type FoiaState } from '@lse/audit-domain';
import { addDays, isoDate } from '@lse/domain';
import type { FoiaFeeState, FoiaLifecycle, FoiaResponse } from '@lse/audit-domain';

export interface LifecycleView {
  lifecycle: Omit<FoiaLifecycle, 'fee'> & { fee?: FoiaFeeState & { owedCents: number } };
  response?: FoiaResponse & { appealClosesOn?: string };
}

/**
 * The lifecycle as the request view shows it: the fee with what is still owed, and the final
 * response with the last day an appeal is received (none where the law has no administrative
 * appeal, Cal. Gov. Code § 7923.000).
 */
export function lifecycleView(state: Exclude<FoiaState, { status: 'none' }>): LifecycleView {
  const { fee, ...rest } = state.lifecycle;
  const lifecycle = fee ? { ...rest, fee: { ...fee, owedCents: owedCents(fee) } } : rest;
  if (state.status === 'received') return { lifecycle };
  const { appeal } = lifecycleRuleFor(state.request.jurisdiction);
  const appealClosesOn =
    'none' in appeal
      ? {}
      : { appealClosesOn: addDays(isoDate(state.response.respondedOn), appeal.window.days) };
  return { lifecycle, response: { ...state.response, ...appealClosesOn } };
}
