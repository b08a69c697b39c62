import type { CollectionCaseOpened, CollectionEvent } from '@lse/contracts';
import { emptyLedger, postEvent } from './ledger';
import type { CollectionState, OpenCollection, Plan } from './state';

function opened(data: CollectionCaseOpened): OpenCollection {
  return {
    status: 'open',
    determinationId: data.determinationId,
    ...(data.caseNumber ? { caseNumber: data.caseNumber } : {}),
    office: data.office,
    ...(data.naics ? { naics: data.naics } : {}),
    openedOn: data.openedOn,
    debtors: data.debtors,
    workers: data.workers,
    civilPenaltiesCents: data.civilPenaltiesCents,
    ledger: emptyLedger,
    offers: [],
    orders: [],
    pastPlans: [],
    payments: [],
    disbursementIds: [],
    escalations: [],
    defaults: [],
    unlocatedSince: {},
    compromiseIds: [],
  };
}

const withPlan = (plan: Plan | undefined, change: (p: Plan) => Plan) => (plan ? change(plan) : plan);

/** Folds one event onto the case: every event posts to the ledger, then updates what it changes. */
export function evolve(state: CollectionState, event: CollectionEvent): CollectionState {
  if (event.type === 'CollectionCaseOpened')
    return { ...opened(event.data), ledger: postEvent(emptyLedger, event) };
  if (state.status === 'none') return state;
  const s = { ...state, ledger: postEvent(state.ledger, event) };
  switch (event.type) {
    case 'SettlementOffered':
      return { ...s, offers: [...s.offers, event.data] };
    case 'SettlementCountered':
      return { ...s, offers: [...s.offers, event.data] };
    case 'SettlementAgreed':
      return { ...s, settlement: event.data };
    case 'OrderIssued':
      return { ...s, orders: [...s.orders, event.data] };
    case 'JudgmentEntered':
      return { ...s, judgment: event.data };
    case 'PaymentPlanEstablished': {
      const plan: Plan = { ...event.data, paidCents: 0, missed: [], status: 'active' };
      return { ...s, plan, pastPlans: s.plan ? [...s.pastPlans, s.plan] : s.pastPlans };
    }
    case 'PaymentReceived': {
      const counts = event.data.planId !== undefined && event.data.planId === s.plan?.planId;
      return {
        ...s,
        payments: [...s.payments, { ...event.data, reversed: false }],
        plan: counts
          ? withPlan(s.plan, (p) => ({ ...p, paidCents: p.paidCents + event.data.amountCents }))
          : s.plan,
      };
    }
    case 'PaymentReversed': {
      const payment = s.payments.find((p) => p.paymentId === event.data.paymentId);
      const counted = payment?.planId !== undefined && payment.planId === s.plan?.planId;
      return {
        ...s,
        payments: s.payments.map((p) =>
          p.paymentId === event.data.paymentId ? { ...p, reversed: true } : p,
        ),
        plan: counted
          ? withPlan(s.plan, (p) => ({ ...p, paidCents: p.paidCents - event.data.amountCents }))
          : s.plan,
      };
    }
    case 'InstallmentMissed':
      return {
        ...s,
        plan: withPlan(s.plan, (p) =>
          p.planId === event.data.planId ? { ...p, missed: [...p.missed, event.data.installmentNo] } : p,
        ),
      };
    case 'DefaultDeclared':
      return {
        ...s,
        defaults: [...s.defaults, event.data],
        plan: withPlan(s.plan, (p) => (p.planId === event.data.planId ? { ...p, status: 'defaulted' } : p)),
      };
    case 'EscalationTaken':
      return { ...s, escalations: [...s.escalations, event.data] };
    case 'DisbursementIssued':
      return { ...s, disbursementIds: [...s.disbursementIds, event.data.disbursementId] };
    case 'WorkerUnlocated':
      return { ...s, unlocatedSince: { ...s.unlocatedSince, [event.data.workerId]: event.data.declaredOn } };
    case 'UnclaimedWagesTransferred':
      return s;
    case 'DebtCompromised':
      return { ...s, compromiseIds: [...s.compromiseIds, event.data.compromiseId] };
    case 'CollectionCaseClosed':
      return { ...s, status: 'closed', closed: event.data };
    case 'CollectionCaseReopened': {
      if (s.status !== 'closed') return s;
      const { closed: _closed, ...rest } = s;
      return { ...rest, status: 'open' };
    }
  }
}
