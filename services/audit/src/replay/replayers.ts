import { COMPLAINT_CATEGORY, type ComplaintEvent } from '@lse/contracts';
import { AUDIT_REPLAYERS, replayer, type AnyReplayer } from '@lse/audit-domain';
import {
  evolve as evolveComplaint,
  initialState as initialComplaint,
  type ComplaintState,
} from '@lse/intake-domain';

const CLOSED_COMPLAINT: ReadonlySet<ComplaintState['status']> = new Set([
  'declined',
  'withdrawn',
  'referred_out',
  'duplicate',
]);

/**
 * Every stream category and the decider audit replays it with (the owning service's pure domain
 * package). A category registered in libs/contracts without an entry here fails
 * `replayers.spec.ts`, so a new service's streams cannot silently drop out of "state as of".
 */
export const REPLAYERS: ReadonlyMap<string, AnyReplayer> = new Map(
  [
    replayer<ComplaintState, ComplaintEvent>({
      category: COMPLAINT_CATEGORY,
      source: '@lse/intake-domain',
      initialState: initialComplaint,
      evolve: evolveComplaint,
      closesCase: (state) => CLOSED_COMPLAINT.has(state.status),
    }),
    ...AUDIT_REPLAYERS,
  ].map((r) => [r.category, r]),
);

/** Categories that hold a case's own records (not audit's view of it): what FOIA packages contain. */
export const AUDIT_OWN_CATEGORIES: ReadonlySet<string> = new Set(AUDIT_REPLAYERS.map((r) => r.category));
