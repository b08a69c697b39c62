import type { DeterminationIssued, WorkerAmountOwed } from '@lse/contracts';
import type { Investigation } from '../state';

/**
 * The determination as served: amounts owed per worker from the proposal's computation (workers
 * owed nothing are left out), names from the record sets, penalties and liable employers from the
 * proposal. Totals are sums of the per-worker figures, which are sums of rounded workweeks.
 */
export function issuedDetermination(inv: Investigation, issuedAt: string): DeterminationIssued {
  const determination = inv.determination;
  if (!determination?.approvedBy) throw new Error('issuedDetermination needs an approved determination');
  const { proposal, approvedBy } = determination;
  const computation = inv.computations[proposal.computationId];
  const names = new Map<string, string>();
  for (const set of Object.values(inv.recordSets)) for (const w of set.workers) names.set(w.workerId, w.name);

  const workers: WorkerAmountOwed[] = computation.workers
    .filter((w) => w.totalCents > 0)
    .map((w) => ({
      workerId: w.workerId,
      name: names.get(w.workerId) ?? 'unnamed worker',
      unpaidWagesCents: w.unpaidWagesCents,
      liquidatedDamagesCents: w.liquidatedDamagesCents,
      totalCents: w.unpaidWagesCents + w.liquidatedDamagesCents,
    }));
  const civilPenalties = proposal.penaltyIds.map((id) => {
    const p = inv.penalties[id];
    return {
      penaltyId: p.penaltyId,
      employerId: p.employerId,
      amountCents: p.amountCents,
      statute: p.statute,
    };
  });
  const liableEmployers = proposal.employerIds.map((id) => {
    const e = inv.employers[id];
    return { employerId: e.employerId, name: e.name, role: e.role, ...(e.fein ? { fein: e.fein } : {}) };
  });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const unpaidWagesCents = sum(workers.map((w) => w.unpaidWagesCents));
  const liquidatedDamagesCents = sum(workers.map((w) => w.liquidatedDamagesCents));
  const civilPenaltiesCents = sum(civilPenalties.map((p) => p.amountCents));
  return {
    caseId: inv.caseId,
    caseNumber: inv.caseNumber,
    determinationId: proposal.determinationId,
    issuedAt,
    computationId: computation.computationId,
    ruleSets: computation.ruleSets,
    workers,
    civilPenalties,
    liableEmployers,
    violationIds: proposal.violationIds,
    totals: {
      unpaidWagesCents,
      liquidatedDamagesCents,
      civilPenaltiesCents,
      totalCents: unpaidWagesCents + liquidatedDamagesCents + civilPenaltiesCents,
    },
    proposedBy: proposal.proposedBy,
    approvedBy,
  };
}
