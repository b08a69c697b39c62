import {
  InvestigationListPositionSchema,
  ListInvestigationsQuery,
  type InvestigationItemReply,
} from '@lse/contracts';
import { z } from 'zod';
import { PAGE_QUERY, type Keyset } from '../http/pagination';

/* Request shapes of the investigation routes (the replies are the service's contracts in @lse/contracts). */

export const ComputationParams = z.strictObject({ caseId: z.uuid(), computationId: z.uuid() });
export const EvidenceParams = z.strictObject({ caseId: z.uuid(), evidenceId: z.uuid() });

/** Query strings are text: `unassigned=true`. */
export const InvestigationListQuery = ListInvestigationsQuery.extend({
  unassigned: z.enum(['true', 'false']).optional(),
  determinationStatus: ListInvestigationsQuery.shape.determinationStatus.describe(
    '`proposed`: waiting for a supervisor’s approval; `approved`: to be issued; `issued`; `none`: not proposed yet.',
  ),
  ...PAGE_QUERY,
});
/** Investigations by urgency: priority, then the oldest first, then caseId. */
export const BY_URGENCY: Keyset<InvestigationItemReply> = {
  position: InvestigationListPositionSchema,
  of: (last) => ({ priority: last.priority, openedAt: last.openedAt, caseId: last.caseId }),
};
export const WorkloadQuery = z.strictObject(PAGE_QUERY);

/** A raw evidence upload names its file and describes it in the query string. */
export const EvidenceUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional(),
  description: z.string().trim().min(1).max(4000).optional(),
});
/** A CSV upload's record-set fields in the query string (a JSON upload carries them in the body). */
export const HoursCsvQuery = z.strictObject({
  source: z.enum(['employer_payroll', 'worker_records', 'investigator_reconstruction']).optional(),
  employerId: z.uuid().optional(),
  recordSetId: z.uuid().optional(),
  workweekStart: z
    .enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])
    .optional()
    .describe("The employer's workweek start day (29 CFR 778.105): every row's week must start on it."),
});

export const TraceQuery = z.strictObject(PAGE_QUERY);
