import { idempotencyKey, ifMatch } from '../../../../api/client';
import { may } from '../../../../auth/may';
import type { Actor } from '../../../../auth/session';
import { determinationStatus } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';

/** The determination's steps, in order. */
export const STEPS = ['proposed', 'approved', 'issued'] as const;

/** What a determination awards: the computation's back wages and damages, and the penalties in it. */
export function amountsOf(
  view: InvestigationView,
  computationId: string | undefined,
  penaltyIds: readonly string[],
) {
  const computation = view.computations.find((c) => c.computationId === computationId);
  const penalties = view.civilPenalties
    .filter((p) => penaltyIds.includes(p.penaltyId))
    .reduce((sum, p) => sum + p.amountCents, 0);
  const unpaid = computation?.totals.unpaidWagesCents ?? 0;
  const damages = computation?.totals.liquidatedDamagesCents ?? 0;
  return { computation, unpaid, damages, penalties, total: unpaid + damages + penalties };
}

/**
 * A supervisor looking at a determination they proposed themself (a supervisor acting as the
 * case's investigator): the API refuses them its approval, so the screen says so first.
 */
export function selfApproval(view: InvestigationView, actor: Actor): boolean {
  return (
    determinationStatus(view.determination) === 'proposed' &&
    may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/approval') &&
    view.determination?.proposal.proposedBy === actor.id
  );
}

/** What every step of the determination sends: a fresh idempotency key and the version it saw. */
export const header = (view: InvestigationView) => ({
  'Idempotency-Key': idempotencyKey(),
  'If-Match': ifMatch(view.version),
});
