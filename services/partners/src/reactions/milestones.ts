import { fromEpochDay, type IsoDate } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';
import type { ReferralDeclined, ReferralClosed } from '@lse/contracts';
import type { MilestoneFacts } from '@lse/partners-domain';
import { z } from 'zod';

/*
 * What a referred case's milestones mean for the partner: the facts of each, before the
 * disclosure matrix filters them. Other services' events are read through small local schemas of
 * the few fields needed (their own contracts validate them fully when appended), so a new optional
 * field there never breaks this reaction.
 */

const dateOf = (instant: string) => fromEpochDay(Math.floor(Date.parse(instant) / 86_400_000));

const CaseOpened = z.object({ caseNumber: z.string(), openedAt: z.string() });
const ComplaintDeclined = z.object({ reasonCode: z.string() });
const ComplaintReferredOut = z.object({ crossFiled: z.boolean() });
const InvestigationOpened = z.object({ openedAt: z.string() });
const DeterminationIssued = z.object({
  issuedAt: z.string(),
  violationIds: z.array(z.string()).optional(),
  totals: z.object({
    unpaidWagesCents: z.number().int(),
    liquidatedDamagesCents: z.number().int(),
    civilPenaltiesCents: z.number().int(),
    totalCents: z.number().int(),
  }),
});
const InvestigationClosed = z.object({ reason: z.string(), closedAt: z.string() });
const CollectionCaseClosed = z.object({
  reason: z.string(),
  closedOn: z.string(),
  collectedCents: z.number().int().optional(),
});

/** What a case event asks of the referral made from it (if the case came from one). */
export type ReferralReaction =
  | { kind: 'accept'; facts: MilestoneFacts }
  | { kind: 'decline'; reasonCode: ReferralDeclined['reasonCode'] }
  | { kind: 'milestone'; facts: MilestoneFacts }
  | { kind: 'close'; reason: ReferralClosed['reason']; facts?: MilestoneFacts };

export const COMPLAINT_TYPES = [
  'CaseOpened',
  'ComplaintDeclined',
  'ComplaintReferredOut',
  'ComplaintWithdrawn',
  'DuplicateLinked',
  'ComplaintMerged',
];
export const INVESTIGATION_TYPES = ['InvestigationOpened', 'DeterminationIssued', 'InvestigationClosed'];
export const COLLECTION_TYPES = ['CollectionCaseClosed'];

const closureReason = (reason: string) =>
  reason
    .toLowerCase()
    .replace(/[^a-z_]/g, '_')
    .slice(0, 60);

export function reactionTo(event: Pick<RecordedEvent, 'type' | 'data'>): ReferralReaction | undefined {
  switch (event.type) {
    case 'CaseOpened': {
      const d = CaseOpened.parse(event.data);
      return {
        kind: 'accept',
        facts: {
          milestone: 'case_opened',
          fields: {
            stage: 'investigation',
            status: 'case_opened',
            occurredOn: dateOf(d.openedAt),
            caseNumber: d.caseNumber,
          },
        },
      };
    }
    case 'ComplaintDeclined':
      return {
        kind: 'decline',
        reasonCode: ComplaintDeclined.parse(event.data).reasonCode as ReferralDeclined['reasonCode'],
      };
    case 'ComplaintReferredOut':
      // Cross-filed: the agency keeps its case too, so the referral stands.
      return ComplaintReferredOut.parse(event.data).crossFiled
        ? undefined
        : { kind: 'decline', reasonCode: 'referred_out' };
    case 'ComplaintWithdrawn':
      return { kind: 'close', reason: 'withdrawn' };
    // Merged into another case, too: its workers are now that case's, the referral as such ends.
    case 'DuplicateLinked':
    case 'ComplaintMerged':
      return { kind: 'close', reason: 'duplicate' };
    case 'InvestigationOpened': {
      const d = InvestigationOpened.parse(event.data);
      return {
        kind: 'milestone',
        facts: {
          milestone: 'investigation_opened',
          fields: { stage: 'investigation', status: 'investigation_opened', occurredOn: dateOf(d.openedAt) },
        },
      };
    }
    case 'DeterminationIssued': {
      const d = DeterminationIssued.parse(event.data);
      const found = (d.violationIds?.length ?? 0) > 0 || d.totals.totalCents > 0;
      return {
        kind: 'milestone',
        facts: {
          milestone: 'determination_issued',
          fields: {
            stage: 'determination',
            status: 'determination_issued',
            occurredOn: dateOf(d.issuedAt),
            determinationOutcome: found ? 'violations_found' : 'no_violations_found',
            backWagesAssessedCents: d.totals.unpaidWagesCents + d.totals.liquidatedDamagesCents,
            civilPenaltiesCents: d.totals.civilPenaltiesCents,
          },
        },
      };
    }
    case 'InvestigationClosed': {
      const d = InvestigationClosed.parse(event.data);
      return {
        kind: 'milestone',
        facts: {
          milestone: 'investigation_closed',
          fields: {
            stage: 'closed',
            status: 'investigation_closed',
            occurredOn: dateOf(d.closedAt),
            closureReason: closureReason(d.reason),
          },
        },
      };
    }
    case 'CollectionCaseClosed': {
      const d = CollectionCaseClosed.parse(event.data);
      return {
        kind: 'close',
        reason: 'case_closed',
        facts: {
          milestone: 'case_closed',
          fields: {
            stage: 'closed',
            status: 'case_closed',
            occurredOn: d.closedOn as IsoDate,
            closureReason: closureReason(d.reason),
            ...(d.collectedCents !== undefined ? { amountCollectedCents: d.collectedCents } : {}),
          },
        },
      };
    }
    default:
      return undefined;
  }
}
