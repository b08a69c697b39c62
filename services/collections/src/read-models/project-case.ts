import type { CollectionEvent } from '@lse/contracts';
import { replay } from '@lse/domain';
import {
  collectionDecider,
  installmentStatuses,
  ledgerView,
  type CollectionState,
} from '@lse/collections-domain';
import type { EntityManager } from 'typeorm';
import { CollectionCaseRow, DefaultRow, InstallmentRow, WorkerBalanceRow } from './entities';

const decider = collectionDecider();

/** The date the oldest unpaid amount fell due, which aging counts from. */
function agingFrom(state: Exclude<CollectionState, { status: 'none' }>, outstanding: number): string | null {
  if (outstanding === 0) return null;
  if (state.plan?.status === 'defaulted')
    return state.defaults[state.defaults.length - 1]?.declaredOn ?? state.openedOn;
  if (state.plan) {
    // Far-future "today" so every installment reports how much of it is paid.
    const unpaid = installmentStatuses(state.plan, '9999-12-31').find((i) => i.paidCents < i.amountCents);
    if (unpaid) return unpaid.dueOn;
  }
  const dues = state.orders.map((o) => o.dueOn).sort();
  return dues[0] ?? state.openedOn;
}

/**
 * Rewrites every read-model row of one case from its events (up to `version`), inside the
 * caller's transaction. Recomputing the case keeps the rows exact however often it runs.
 */
export async function projectCase(
  em: EntityManager,
  caseId: string,
  events: CollectionEvent[],
  version: number,
): Promise<void> {
  const state = replay(decider, events);
  if (state.status === 'none') return;
  const view = ledgerView(state.ledger);
  const t = view.totals;
  await em.getRepository(CollectionCaseRow).upsert(
    {
      caseId,
      caseNumber: state.caseNumber ?? null,
      office: state.office,
      naics: state.naics ?? null,
      industry: state.naics ? state.naics.slice(0, 2) : null,
      openedOn: state.openedOn,
      status: state.status,
      planStatus: state.plan?.status ?? 'none',
      debtorNames: state.debtors.map((d) => d.name).join('; '),
      assessedCents: t.assessedCents,
      collectedCents: t.collectedCents,
      disbursedCents: t.disbursedCents,
      heldCents: t.heldForUnlocatedCents,
      transferredCents: t.transferredUnclaimedCents,
      writtenOffCents: t.writtenOffCents,
      outstandingCents: t.outstandingCents,
      agingFrom: state.status === 'open' ? agingFrom(state, t.outstandingCents) : null,
      version,
    },
    ['caseId'],
  );
  await em.getRepository(InstallmentRow).delete({ caseId });
  if (state.plan && state.status === 'open') {
    const plan = state.plan;
    const rows = installmentStatuses(plan, '9999-12-31').map((i) => ({
      caseId,
      planId: plan.planId,
      installmentNo: i.installmentNo,
      dueOn: i.dueOn,
      amountCents: i.amountCents,
      paidCents: i.paidCents,
      missed: plan.missed.includes(i.installmentNo),
    }));
    if (rows.length) await em.getRepository(InstallmentRow).insert(rows);
  }
  await em.getRepository(WorkerBalanceRow).delete({ caseId });
  const balances = view.workers.map((w) => ({
    caseId,
    workerId: w.workerId,
    assessedCents: w.assessedCents,
    collectedCents: w.collectedCents,
    disbursedCents: w.disbursedCents,
    heldCents: w.heldForUnlocatedCents,
    transferredCents: w.transferredUnclaimedCents,
    writtenOffCents: w.writtenOffCents,
    outstandingCents: w.outstandingCents,
    unlocatedSince: state.unlocatedSince[w.workerId] ?? null,
  }));
  if (balances.length) await em.getRepository(WorkerBalanceRow).insert(balances);
  await em.getRepository(DefaultRow).delete({ caseId });
  const defaults =
    state.status === 'open' && state.plan?.status === 'defaulted'
      ? state.defaults.filter((d) => d.planId === state.plan?.planId)
      : [];
  if (defaults.length)
    await em
      .getRepository(DefaultRow)
      .insert(
        defaults.map((d) => ({
          caseId,
          planId: d.planId,
          declaredOn: d.declaredOn,
          balanceDueCents: d.balanceDueCents,
          missedInstallments: d.missedInstallments,
        })),
      );
}
