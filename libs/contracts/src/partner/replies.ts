import { z } from 'zod';
import { personal, pub } from '../classification';
import { openReply, pageReply } from '../replies';

/*
 * What partners answers: a partner, an agreement or a referral as its stream folds it, consent
 * changes, list pages and the expiry check. The views carry the registration's or the
 * agreement's own fields beside these (loose objects); their events classify those.
 */

const versioned = {
  id: pub(z.uuid()),
  version: pub(z.int()).describe('The stream version; the next If-Match.'),
};

// The registration's point people (names, phones, e-mails) are among the rest.
export const PartnerViewReply = openReply('personal', {
  ...versioned,
  status: pub(z.string()),
  needsPointPeople: pub(z.boolean()).optional().describe('Fewer than two point people.'),
});
export type PartnerViewReply = z.infer<typeof PartnerViewReply>;

// An agreement's terms are a public record of the agency's partnerships.
export const AgreementViewReply = openReply('public', {
  ...versioned,
  status: pub(z.string()),
  clauseVersion: pub(z.int()).optional(),
});
export type AgreementViewReply = z.infer<typeof AgreementViewReply>;

export const ReferralResultReply = openReply('public', {
  ...versioned,
  id: pub(z.uuid()).describe(
    'The referral id, which is also the case id: intake receives the referral as a complaint under it (GET /complaints/{caseId}), and the investigation and collection case use it too.',
  ),
  status: pub(z.string()),
});
export type ReferralResultReply = z.infer<typeof ReferralResultReply>;

const Consent = openReply('personal', {
  workerId: personal(z.uuid()).describe(
    'The referred worker (the `workerId` sent with the referral, or the one the referral gave).',
  ),
  version: pub(z.int()),
  scopes: personal(z.array(z.string())),
});

export const ConsentResultReply = openReply('personal', {
  ...versioned,
  events: pub(z.array(z.string())),
  consents: z.array(Consent),
});
export type ConsentResultReply = z.infer<typeof ConsentResultReply>;

export const ReferralViewReply = openReply('public', {
  ...versioned,
  status: pub(z.string()),
  consents: z
    .array(Consent)
    .describe("Each referred worker's consent as it stands: `workerId` is what POST .../consent takes."),
  disclosures: z.array(openReply('personal', { milestone: pub(z.string()) })),
});
export type ReferralViewReply = z.infer<typeof ReferralViewReply>;

/** A row of a partners list: every list is keyset-paged by (at, id). */
// Some lists carry people: partners' point people, meeting attendees, what a disclosure shared.
export const PartnersListItemReply = openReply('personal', { id: pub(z.uuid()), at: pub(z.string()) });
export type PartnersListItemReply = z.infer<typeof PartnersListItemReply>;
export const PartnersListPageReply = pageReply(PartnersListItemReply);

export const ExpiryCheckReply = z.object({ expired: pub(z.array(z.uuid())) });
export type ExpiryCheckReply = z.infer<typeof ExpiryCheckReply>;

/** An outreach event recorded: its id and version, with the event as it was held. */
export const OutreachRecordedReply = openReply('public', { id: pub(z.uuid()), version: pub(z.int()) });
export type OutreachRecordedReply = z.infer<typeof OutreachRecordedReply>;
