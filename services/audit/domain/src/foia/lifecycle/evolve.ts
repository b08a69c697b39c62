import { FOIA_LIFECYCLE_EVENTS, type FoiaEvent, type FoiaLifecycleEvent } from '@lse/contracts';
import type { FoiaLifecycle, FoiaResponse, FoiaState, OpenFoiaState } from '../state';

export const isLifecycleEvent = (event: FoiaEvent): event is FoiaLifecycleEvent =>
  Object.hasOwn(FOIA_LIFECYCLE_EVENTS, event.type);

const withLifecycle = (state: OpenFoiaState, change: Partial<FoiaLifecycle>): FoiaState => ({
  ...state,
  lifecycle: { ...state.lifecycle, ...change },
});

/** The final response closes the request: it keeps what was recorded and stops its clock. */
const responded = (state: OpenFoiaState, response: FoiaResponse): FoiaState => ({
  ...state,
  status: 'responded',
  response,
});

/** Folds one lifecycle event; one that cannot apply leaves the state as it is (never thrown on replay). */
export function evolveLifecycle(state: FoiaState, event: FoiaLifecycleEvent): FoiaState {
  if (state.status === 'appealed' && event.type === 'FoiaAppealDecided')
    return { ...state, status: 'appeal_decided', appealDecision: event.data };
  if ((state.status === 'released' || state.status === 'responded') && event.type === 'FoiaAppealReceived')
    return { ...state, status: 'appealed', appeal: event.data };
  if (state.status !== 'received') return state;
  const { lifecycle } = state;
  switch (event.type) {
    case 'FoiaRequestAcknowledged':
      return withLifecycle(state, { acknowledgment: event.data });
    case 'FoiaClarificationRequested':
      return withLifecycle(state, { clarifications: [...lifecycle.clarifications, event.data] });
    case 'FoiaClarificationReceived':
      return withLifecycle(state, {
        clarifications: lifecycle.clarifications.map((c, i, all) =>
          i === all.length - 1 && !c.answer ? { ...c, answer: event.data } : c,
        ),
      });
    case 'FoiaFeeEstimated':
      return lifecycle.fee
        ? state
        : withLifecycle(state, { fee: { estimate: event.data, payments: [], paidCents: 0 } });
    case 'FoiaFeeWaiverDecided':
      return lifecycle.fee ? withLifecycle(state, { fee: { ...lifecycle.fee, waiver: event.data } }) : state;
    case 'FoiaFeePaid': {
      const { fee } = lifecycle;
      if (!fee) return state;
      return withLifecycle(state, {
        fee: {
          ...fee,
          payments: [...fee.payments, event.data],
          paidCents: fee.paidCents + event.data.amountCents,
        },
      });
    }
    case 'FoiaRequestDenied':
      return responded(state, { kind: 'denied', respondedOn: event.data.respondedOn, denial: event.data });
    case 'FoiaNoRecordsFound':
      return responded(state, {
        kind: 'no_records',
        respondedOn: event.data.respondedOn,
        noRecords: event.data,
      });
    case 'FoiaRequestReferred':
      return responded(state, {
        kind: 'referred',
        respondedOn: event.data.respondedOn,
        referral: event.data,
      });
    default:
      return state;
  }
}
