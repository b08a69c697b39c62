import type {
  CollectionCaseOpened,
  CollectionEvent,
  Installment,
  InstallmentMissed,
  PaymentReceived,
} from '@lse/contracts';
import { addDays, cents, utcDateOf, type Decider, type IsoDate } from '@lse/domain';
import { allocateAcrossWorkers } from './allocation';
import type { CollectionCommand } from './commands';
import {
  CaseNotSettledError,
  CollectionCaseAlreadyOpenedError,
  CollectionCaseClosedError,
  CollectionCaseNotFoundError,
  CompromiseReasonRequiredError,
  DuplicateIdError,
  ExceedsOutstandingError,
  FutureDateError,
  InvalidAmountError,
  NoActivePlanError,
  NoMissedInstallmentError,
  NothingHeldError,
  NothingOutstandingError,
  NothingToDisburseError,
  NothingToEnforceError,
  OfferNotFoundError,
  OverDisbursementError,
  PaymentAlreadyDisbursedError,
  PaymentAlreadyReversedError,
  PaymentNotFoundError,
  SupervisorApprovalRequiredError,
  UnclaimedPeriodNotOverError,
  UnknownPartyError,
  WorkerAlreadyUnlocatedError,
  WorkerNotUnlocatedError,
} from './errors';
import { emptyLedger, ledgerView, postEvent, workerFigures } from './ledger';
import { DEFAULT_COLLECTIONS_POLICY, type CollectionsPolicy } from './policy';
import { initialCollectionState, type CollectionState, type OpenCollection, type Plan } from './state';
import { missedInstallments } from './installments';

export type CollectionDecider = Decider<CollectionCommand, CollectionEvent, CollectionState>;

const numbered = (items: ReadonlyArray<{ dueOn: IsoDate; amountCents: number }>): Installment[] =>
  items.map((item, index) => ({
    installmentNo: index + 1,
    dueOn: item.dueOn,
    amountCents: item.amountCents,
  }));

/** Case-wide outstanding balance and per-worker balances from the ledger. */
const totals = (state: OpenCollection) => ledgerView(state.ledger).totals;
const outstandingByWorker = (state: OpenCollection) =>
  ledgerView(state.ledger).workers.map((w) => ({
    workerId: w.workerId,
    outstandingCents: w.outstandingCents,
  }));

function positiveAmount(field: string, amount: unknown): void {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
    throw new InvalidAmountError(field, Number(amount));
}

function requireOpen(state: CollectionState, caseId: string): OpenCollection {
  if (state.status === 'none') throw new CollectionCaseNotFoundError(caseId);
  if (state.status === 'closed') throw new CollectionCaseClosedError(state.closed.closedOn);
  return state;
}

/**
 * The collection case decider. Pure: the command brings time, actor and ids; the policy brings
 * the configured periods. Every refusal is a typed DomainError and produces no event.
 */
export function collectionDecider(policy: CollectionsPolicy = DEFAULT_COLLECTIONS_POLICY): CollectionDecider {
  return { initialState: initialCollectionState, decide: (c, s) => decide(c, s, policy), evolve };
}

function decide(
  command: CollectionCommand,
  state: CollectionState,
  policy: CollectionsPolicy,
): CollectionEvent[] {
  const today = utcDateOf(new Date(command.now));
  /** A date from the input, defaulting to today, never in the future. */
  const dated = (field: string, value: string | undefined): IsoDate => {
    const date = (value ?? today) as IsoDate;
    if (date > today) throw new FutureDateError(field, date, today);
    return date;
  };
  const supervisor = (what: string) => {
    if (command.actor.role !== 'supervisor') throw new SupervisorApprovalRequiredError(what);
  };

  if (command.type === 'OpenCollectionCase') {
    if (state.status !== 'none') {
      // A redelivered determination changes nothing; a different one is a conflict.
      if (state.determinationId === command.opening.determinationId) return [];
      throw new CollectionCaseAlreadyOpenedError(state.determinationId);
    }
    return [{ type: 'CollectionCaseOpened', data: command.opening }];
  }
  if (command.type === 'CheckInstallments') {
    // The scheduled check skips cases with nothing to check rather than failing.
    if (state.status !== 'open' || !state.plan || state.plan.status !== 'active') return [];
    return missedInstallments(state.plan, today, policy.graceDays).map((data): CollectionEvent => ({
      type: 'InstallmentMissed',
      data,
    }));
  }

  const open = requireOpen(state, command.caseId);
  // The contracts refuse these too; the decider does not rely on its callers having parsed them.
  const input = (
    command as { input?: { amountCents?: unknown; installments?: Array<{ amountCents: unknown }> } }
  ).input;
  if (input?.amountCents !== undefined) positiveAmount('amountCents', input.amountCents);
  input?.installments?.forEach((i, n) => positiveAmount(`installments[${n}].amountCents`, i.amountCents));
  const debtor = (debtorId: string) => {
    if (!open.debtors.some((d) => d.debtorId === debtorId)) throw new UnknownPartyError('debtorId', debtorId);
  };
  const worker = (workerId: string) => {
    if (!open.workers.some((w) => w.workerId === workerId)) throw new UnknownPartyError('workerId', workerId);
  };
  const outstanding = totals(open).outstandingCents;

  switch (command.type) {
    case 'OfferSettlement':
    case 'CounterSettlement': {
      const { input } = command;
      if (outstanding === 0) throw new NothingOutstandingError('A settlement offer');
      if (
        command.type === 'CounterSettlement' &&
        !open.offers.some((o) => o.offerId === command.input.inResponseTo)
      )
        throw new OfferNotFoundError(command.input.inResponseTo);
      const data = {
        offerId: command.offerId,
        offeredBy: input.offeredBy,
        offeredOn: dated('offeredOn', input.offeredOn),
        amountCents: input.amountCents,
        installments: numbered(input.installments),
        nonMonetaryTerms: input.nonMonetaryTerms ?? [],
        ...(input.note !== undefined ? { note: input.note } : {}),
      };
      return command.type === 'OfferSettlement'
        ? [{ type: 'SettlementOffered', data }]
        : [{ type: 'SettlementCountered', data: { ...data, inResponseTo: command.input.inResponseTo } }];
    }
    case 'AgreeSettlement': {
      const { input } = command;
      supervisor('A settlement agreement');
      if (input.acceptedOfferId && !open.offers.some((o) => o.offerId === input.acceptedOfferId))
        throw new OfferNotFoundError(input.acceptedOfferId);
      if (outstanding === 0) throw new NothingOutstandingError('A settlement');
      if (input.amountCents > outstanding)
        throw new ExceedsOutstandingError('A settlement', input.amountCents, outstanding);
      const agreedOn = dated('agreedOn', input.agreedOn);
      const installments = numbered(input.installments);
      const events: CollectionEvent[] = [
        {
          type: 'SettlementAgreed',
          data: {
            settlementId: command.settlementId,
            ...(input.acceptedOfferId ? { acceptedOfferId: input.acceptedOfferId } : {}),
            agreedOn,
            amountCents: input.amountCents,
            installments,
            nonMonetaryTerms: input.nonMonetaryTerms ?? [],
            approvedBy: command.actor.id,
          },
        },
      ];
      const reduction = outstanding - input.amountCents;
      if (reduction > 0) {
        if (!input.compromiseReason) throw new CompromiseReasonRequiredError(input.amountCents, outstanding);
        events.push({
          type: 'DebtCompromised',
          data: {
            compromiseId: command.compromiseId,
            kind: 'compromise',
            settlementId: command.settlementId,
            decidedOn: agreedOn,
            amountCents: reduction,
            allocations: allocateAcrossWorkers(cents(reduction), outstandingByWorker(open)),
            reason: input.compromiseReason,
            approvedBy: command.actor.id,
          },
        });
      }
      events.push({
        type: 'PaymentPlanEstablished',
        data: {
          planId: command.planId,
          basis: 'settlement',
          sourceId: command.settlementId,
          establishedOn: agreedOn,
          installments,
        },
      });
      return events;
    }
    case 'IssueOrder': {
      const { input } = command;
      if (input.amountCents > outstanding)
        throw new ExceedsOutstandingError('An order', input.amountCents, outstanding);
      return [
        {
          type: 'OrderIssued',
          data: {
            orderId: command.orderId,
            kind: input.kind,
            issuedOn: dated('issuedOn', input.issuedOn),
            amountCents: input.amountCents,
            dueOn: input.dueOn,
            ...(input.issuer ? { issuer: input.issuer } : {}),
          },
        },
      ];
    }
    case 'EnterJudgment': {
      const { input } = command;
      if (input.amountCents > outstanding)
        throw new ExceedsOutstandingError('A judgment', input.amountCents, outstanding);
      return [
        {
          type: 'JudgmentEntered',
          data: {
            judgmentId: command.judgmentId,
            court: input.court,
            docketNumber: input.docketNumber,
            enteredOn: dated('enteredOn', input.enteredOn),
            amountCents: input.amountCents,
            interestRateBasisPoints: input.interestRateBasisPoints,
          },
        },
      ];
    }
    case 'EstablishPaymentPlan': {
      const { input } = command;
      if (outstanding === 0) throw new NothingOutstandingError('A payment plan');
      const sum = input.installments.reduce((s, i) => s + i.amountCents, 0);
      if (sum > outstanding) throw new ExceedsOutstandingError('A payment plan', sum, outstanding);
      return [
        {
          type: 'PaymentPlanEstablished',
          data: {
            planId: command.planId,
            basis: input.basis,
            ...(input.sourceId ? { sourceId: input.sourceId } : {}),
            establishedOn: dated('establishedOn', input.establishedOn),
            installments: numbered(input.installments),
          },
        },
      ];
    }
    case 'ReceivePayment': {
      const { input } = command;
      debtor(input.debtorId);
      if (open.payments.some((p) => p.paymentId === command.paymentId))
        throw new DuplicateIdError('payment', command.paymentId);
      if (outstanding === 0) throw new NothingOutstandingError('A payment');
      if (input.amountCents > outstanding)
        throw new ExceedsOutstandingError('A payment', input.amountCents, outstanding);
      const data: PaymentReceived = {
        paymentId: command.paymentId,
        debtorId: input.debtorId,
        amountCents: input.amountCents,
        receivedOn: dated('receivedOn', input.receivedOn),
        method: input.method,
        ...(input.reference ? { reference: input.reference } : {}),
        ...(open.plan ? { planId: open.plan.planId } : {}),
        allocations: allocateAcrossWorkers(cents(input.amountCents), outstandingByWorker(open)),
      };
      return [{ type: 'PaymentReceived', data }];
    }
    case 'ReversePayment': {
      const { input } = command;
      const payment = open.payments.find((p) => p.paymentId === input.paymentId);
      if (!payment) throw new PaymentNotFoundError(input.paymentId);
      if (payment.reversed) throw new PaymentAlreadyReversedError(input.paymentId);
      for (const share of payment.allocations) {
        if (workerFigures(open.ledger, share.workerId).undisbursedCents < share.amountCents)
          throw new PaymentAlreadyDisbursedError(input.paymentId);
      }
      return [
        {
          type: 'PaymentReversed',
          data: {
            paymentId: payment.paymentId,
            reason: input.reason,
            reversedOn: dated('reversedOn', input.reversedOn),
            amountCents: payment.amountCents,
            allocations: payment.allocations,
            ...(input.note ? { note: input.note } : {}),
          },
        },
      ];
    }
    case 'DeclareDefault': {
      const plan = open.plan;
      if (!plan || plan.status !== 'active') throw new NoActivePlanError();
      if (plan.missed.length === 0) throw new NoMissedInstallmentError();
      if (outstanding === 0) throw new NothingOutstandingError('A default');
      return [
        {
          type: 'DefaultDeclared',
          data: {
            planId: plan.planId,
            declaredOn: dated('declaredOn', command.input.declaredOn),
            missedInstallments: [...plan.missed].sort((a, b) => a - b),
            balanceDueCents: outstanding,
            ...(command.input.reason ? { reason: command.input.reason } : {}),
          },
        },
      ];
    }
    case 'TakeEscalation': {
      const { input } = command;
      debtor(input.debtorId);
      if (outstanding === 0) throw new NothingOutstandingError('An escalation');
      const enforceable =
        open.orders.length > 0 ||
        open.judgment !== undefined ||
        open.defaults.length > 0 ||
        (open.plan?.missed.length ?? 0) > 0;
      if (!enforceable) throw new NothingToEnforceError();
      return [
        {
          type: 'EscalationTaken',
          data: {
            escalationId: command.escalationId,
            kind: input.kind,
            debtorId: input.debtorId,
            takenOn: dated('takenOn', input.takenOn),
            ...(input.reference ? { reference: input.reference } : {}),
            ...(input.details ? { details: input.details } : {}),
          },
        },
      ];
    }
    case 'IssueDisbursement': {
      const { input } = command;
      worker(input.workerId);
      if (open.disbursementIds.includes(command.disbursementId))
        throw new DuplicateIdError('disbursement', command.disbursementId);
      const available = workerFigures(open.ledger, input.workerId).undisbursedCents;
      const amount = input.amountCents ?? available;
      if (available === 0) throw new NothingToDisburseError();
      if (amount > available) throw new OverDisbursementError(amount, available);
      return [
        {
          type: 'DisbursementIssued',
          data: {
            disbursementId: command.disbursementId,
            workerId: input.workerId,
            amountCents: amount,
            issuedOn: dated('issuedOn', input.issuedOn),
            method: input.method,
            ...(input.reference ? { reference: input.reference } : {}),
          },
        },
      ];
    }
    case 'MarkWorkerUnlocated': {
      const { input } = command;
      worker(input.workerId);
      const since = open.unlocatedSince[input.workerId];
      if (since) throw new WorkerAlreadyUnlocatedError(since);
      return [
        {
          type: 'WorkerUnlocated',
          data: {
            workerId: input.workerId,
            declaredOn: dated('declaredOn', input.declaredOn),
            heldCents: workerFigures(open.ledger, input.workerId).undisbursedCents,
            ...(input.searchEfforts ? { searchEfforts: input.searchEfforts } : {}),
          },
        },
      ];
    }
    case 'TransferUnclaimedWages': {
      const { input } = command;
      worker(input.workerId);
      const since = open.unlocatedSince[input.workerId];
      if (!since) throw new WorkerNotUnlocatedError();
      const transferredOn = dated('transferredOn', input.transferredOn);
      const allowedFrom = addDays(since as IsoDate, policy.unclaimedAfterDays);
      if (transferredOn < allowedFrom)
        throw new UnclaimedPeriodNotOverError(since, allowedFrom, policy.unclaimedAfterDays);
      const held = workerFigures(open.ledger, input.workerId).heldForUnlocatedCents;
      if (held === 0) throw new NothingHeldError();
      return [
        {
          type: 'UnclaimedWagesTransferred',
          data: {
            workerId: input.workerId,
            amountCents: held,
            transferredOn,
            fund: input.fund,
            ...(input.reference ? { reference: input.reference } : {}),
          },
        },
      ];
    }
    case 'CompromiseDebt': {
      const { input } = command;
      supervisor(input.kind === 'write_off' ? 'A write-off' : 'A compromise');
      if (open.compromiseIds.includes(command.compromiseId))
        throw new DuplicateIdError('compromise', command.compromiseId);
      if (outstanding === 0)
        throw new NothingOutstandingError(input.kind === 'write_off' ? 'A write-off' : 'A compromise');
      if (input.amountCents > outstanding)
        throw new ExceedsOutstandingError(
          input.kind === 'write_off' ? 'A write-off' : 'A compromise',
          input.amountCents,
          outstanding,
        );
      return [
        {
          type: 'DebtCompromised',
          data: {
            compromiseId: command.compromiseId,
            kind: input.kind,
            decidedOn: dated('decidedOn', input.decidedOn),
            amountCents: input.amountCents,
            allocations: allocateAcrossWorkers(cents(input.amountCents), outstandingByWorker(open)),
            reason: input.reason,
            approvedBy: command.actor.id,
          },
        },
      ];
    }
    case 'CloseCollectionCase': {
      const { input } = command;
      const t = totals(open);
      if (t.outstandingCents > 0 || t.undisbursedCents > 0)
        throw new CaseNotSettledError(t.outstandingCents, t.undisbursedCents);
      return [
        {
          type: 'CollectionCaseClosed',
          data: {
            closedOn: dated('closedOn', input.closedOn),
            reason: input.reason,
            ...(input.note ? { note: input.note } : {}),
            collectedCents: t.collectedCents,
            writtenOffCents: t.writtenOffCents,
          },
        },
      ];
    }
  }
}

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
  }
}

export type { InstallmentMissed };
