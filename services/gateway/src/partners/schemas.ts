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
export const ReferralResultSchema = z.looseObject({
  ...versioned,
  id: z
    .uuid()
    .describe(
      'The referral id, which is also the case id: intake receives the referral as a complaint under it (GET /complaints/{caseId}), and the investigation and collection case use it too.',
    ),
  status: z.string(),
});
const ConsentSchema = z.looseObject({
  workerId: z
    .uuid()
    .describe('The referred worker (the `workerId` sent with the referral, or the one the referral gave).'),
  version: z.int(),
  scopes: z.array(z.string()),
});
export const ConsentResultSchema = z.looseObject({
  ...versioned,
  events: z.array(z.string()),
  consents: z.array(ConsentSchema),
});
export const ReferralViewSchema = z.looseObject({
  ...versioned,
  status: z.string(),
  consents: z
    .array(ConsentSchema)
    .describe("Each referred worker's consent as it stands: `workerId` is what POST .../consent takes."),
  disclosures: z.array(z.looseObject({ milestone: z.string() })),
});
export const ListItemSchema = z.looseObject({ id: z.uuid(), at: z.string() });
export const ListPageSchema = pageSchema(ListItemSchema);
export const ExpiryCheckSchema = z.object({ expired: z.array(z.uuid()) });
