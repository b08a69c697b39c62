import {
  ListAgreementsQuery,
  ListDisclosuresQuery,
  ListOutreachQuery,
  ListPartnersQuery,
  ListReferralsQuery,
} from '@lse/contracts';
import { z } from 'zod';
import { pageSchema } from '../http/pagination';

/* Request and response shapes of the partner routes, for validation and the OpenAPI document. */

export const IdParams = z.strictObject({ id: z.uuid() });
export const ContactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });

const page = { cursor: z.string().optional(), limit: z.string().optional() };
export const PartnersQuery = ListPartnersQuery.extend(page);
export const AgreementsQuery = ListAgreementsQuery.extend(page);
export const ReferralsQuery = ListReferralsQuery.extend(page);
export const DisclosuresQuery = ListDisclosuresQuery.extend(page);
export const OutreachQuery = ListOutreachQuery.extend(page);
export const MeetingsQuery = z.strictObject(page);

const versioned = { id: z.uuid(), version: z.int().describe('The stream version; the next If-Match.') };
export const PartnerViewSchema = z.looseObject({
  ...versioned,
  status: z.string(),
  needsPointPeople: z.boolean().optional().describe('Fewer than two point people.'),
});
export const AgreementViewSchema = z.looseObject({
  ...versioned,
  status: z.string(),
  clauseVersion: z.int().optional(),
});
export const ReferralResultSchema = z.looseObject({ ...versioned, status: z.string() });
export const ReferralViewSchema = z.looseObject({
  ...versioned,
  status: z.string(),
  disclosures: z.array(z.looseObject({ milestone: z.string() })),
});
export const ListItemSchema = z.looseObject({ id: z.uuid(), at: z.string() });
export const ListPageSchema = pageSchema(ListItemSchema);
export const ExpiryCheckSchema = z.object({ expired: z.array(z.uuid()) });
