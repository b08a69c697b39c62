import type { InstallmentMissed } from '@lse/contracts';
import { addDays, type IsoDate } from '@lse/domain';
import type { Plan } from './state';

export type InstallmentStatus = 'paid' | 'missed' | 'overdue' | 'due' | 'partly_paid';

/**
 * Payments toward a plan pay its installments in due-date order: installment n is paid when
 * what was paid toward the plan covers installments 1..n together.
 */
export function installmentStatuses(
  plan: Plan,
  today: string,
  graceDays = 0,
): Array<{
  installmentNo: number;
  dueOn: IsoDate;
  amountCents: number;
  paidCents: number;
  status: InstallmentStatus;
}> {
  let cumulativeDue = 0;
  return plan.installments.map((i) => {
    const before = cumulativeDue;
    cumulativeDue += i.amountCents;
    const paidCents = Math.max(0, Math.min(i.amountCents, plan.paidCents - before));
    const late = addDays(i.dueOn, graceDays) < today;
    const status: InstallmentStatus =
      paidCents === i.amountCents
        ? 'paid'
        : plan.missed.includes(i.installmentNo)
          ? 'missed'
          : late
            ? 'overdue'
            : paidCents > 0
              ? 'partly_paid'
              : 'due';
    return { installmentNo: i.installmentNo, dueOn: i.dueOn, amountCents: i.amountCents, paidCents, status };
  });
}

/**
 * Installments whose due date (plus grace) passed without being paid in full, not yet recorded
 * as missed. The data depends only on the plan and the installment, so every replica that finds
 * one records the same event.
 */
export function missedInstallments(plan: Plan, today: string, graceDays = 0): InstallmentMissed[] {
  return installmentStatuses(plan, today, graceDays)
    .filter((i) => i.status === 'overdue')
    .map((i) => ({
      planId: plan.planId,
      installmentNo: i.installmentNo,
      dueOn: i.dueOn,
      amountDueCents: i.amountCents,
    }));
}
