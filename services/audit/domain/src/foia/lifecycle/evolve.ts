import {
  FOIA_LIFECYCLE_EVENTS,
  type FoiaAppealDecided,
  type FoiaEvent,
  type FoiaLifecycleEvent,
} from '@lse/contracts';
import {
  isOpenFoia,
  type FoiaLifecycle,
  type FoiaResponse,
  type FoiaState,
  type OpenFoiaState,
} from '../state';

export const isLifecycleEvent = (event: FoiaEvent): event is FoiaLifecycleEvent =>
  Object.hasOwn(FOIA_LIFECYCLE_EVENTS, event.type);

const withLifecycle = (state: OpenFoiaState, change: Partial<FoiaLifecycle>): FoiaState => ({
  ...state,
  lifecycle: { ...state.lifecycle, ...change },
});

/**
 * What an open request keeps once answered: everything but why it was reopened (that decision is
 * in `lifecycle.appeals`). The earlier final release stays until a new one replaces it.
 */
export function answeredFrom(state: OpenFoiaState) {
  if (state.status === 'received') return state;
  const { reopened, ...rest } = state;
  void reopened;
  return rest;
}

/** The final response closes the request: it keeps what was recorded and stops its clock. */
const responded = (state: OpenFoiaState, response: FoiaResponse): FoiaState => ({
  ...answeredFrom(state),
  status: 'responded',
  response,
});

/**
 * An appeal reversed, partly reversed or remanded (recorded with its reprocessing due date) opens
 * the request again: the releases, the response appealed and the appeal are kept, and the clock
 * runs to the due date the decision set (agency policy) as a new processing period.
 */
function decided(state: Extract<FoiaState, { status: 'appealed' }>, decision: FoiaAppealDecided): FoiaState {
  if (!decision.reprocessDueOn) return { ...state, status: 'appeal_decided', appealDecision: decision };
  const { status, appeal, response, release, ...reviewed } = state;
  void status;
  const appeals = [...(reviewed.lifecycle.appeals ?? []), { response, appeal, decision }];
  return {
    ...reviewed,
    ...(release ? { release } : {}),
    status: 'reprocessing',
    lifecycle: { ...reviewed.lifecycle, appeals },
    clock: { extended: false, dueOn: decision.reprocessDueOn },
    reopened: {
      appeal,
      decision,
      dueOn: decision.reprocessDueOn,
      source: decision.reprocessSource ?? 'agency policy',
    },
  };
}

/** Folds one lifecycle event; one that cannot apply leaves the state as it is (never thrown on replay). */
export function evolveLifecycle(state: FoiaState, event: FoiaLifecycleEvent): FoiaState {
  if (state.status === 'appealed' && event.type === 'FoiaAppealDecided') return decided(state, event.data);
  if ((state.status === 'released' || state.status === 'responded') && event.type === 'FoiaAppealReceived')
    return { ...state, status: 'appealed', appeal: event.data };
  if (!isOpenFoia(state)) return state;
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
