import {
  ListAgreementsQuery,
  ListDisclosuresQuery,
  ListOutreachQuery,
  ListPartnersQuery,
  ListReferralsQuery,
  PartnersListPosition,
  type PartnersListItemReply,
} from '@lse/contracts';
import { z } from 'zod';
import { PAGE_QUERY, type Keyset } from '../http/pagination';

/* Request shapes of the partner routes (the replies are partners' contracts in @lse/contracts). */

export const IdParams = z.strictObject({ id: z.uuid() });
export const ContactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });

export const PartnersQuery = ListPartnersQuery.extend(PAGE_QUERY);
export const AgreementsQuery = ListAgreementsQuery.extend(PAGE_QUERY);
export const ReferralsQuery = ListReferralsQuery.extend(PAGE_QUERY);
export const DisclosuresQuery = ListDisclosuresQuery.extend(PAGE_QUERY);
export const OutreachQuery = ListOutreachQuery.extend(PAGE_QUERY);
export const MeetingsQuery = z.strictObject(PAGE_QUERY);

/** Every partners list is keyset-paged by (at, id). */
export const BY_TIME_AND_ID: Keyset<PartnersListItemReply> = {
  position: PartnersListPosition,
  of: (row) => ({ at: row.at, id: row.id }),
};
