import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, officeCode, text, uuid } from '../fields';
import { ContactSchema, industryName, languageList, PARTNER_CATEGORY, PARTNER_TYPES } from './parts';

export const PartnerRegistered = defineEvent({
  type: 'PartnerRegistered',
  category: PARTNER_CATEGORY,
  version: 1,
  schema: z.strictObject({
    name: pub(text(300)),
    type: pub(z.enum(PARTNER_TYPES)),
    // The communities it reaches: what an agency asks first ("time of day, language issues").
    languages: pub(languageList()),
    industries: pub(z.array(industryName()).max(50)),
    region: pub(text(200)),
    /** The agency office that owns the relationship. */
    office: pub(officeCode()),
    registeredAt: pub(isoDate()),
  }),
});
export type PartnerRegistered = z.infer<typeof PartnerRegistered.schema>;

/** A point person. The agency wants at least two on each side, for continuity. */
export const ContactAdded = defineEvent({
  type: 'ContactAdded',
  category: PARTNER_CATEGORY,
  version: 1,
  schema: z.strictObject({ contact: ContactSchema }),
});
export type ContactAdded = z.infer<typeof ContactAdded.schema>;

export const ContactRemoved = defineEvent({
  type: 'ContactRemoved',
  category: PARTNER_CATEGORY,
  version: 1,
  schema: z.strictObject({
    contactId: pub(uuid()),
    // Often about the person (left the organization, on leave).
    reason: personal(text(500)).optional(),
  }),
});
export type ContactRemoved = z.infer<typeof ContactRemoved.schema>;

export const PartnerDeactivated = defineEvent({
  type: 'PartnerDeactivated',
  category: PARTNER_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reason: deliberative(text(2000)),
    deactivatedOn: pub(isoDate()),
  }),
});
export type PartnerDeactivated = z.infer<typeof PartnerDeactivated.schema>;

export const MEETING_KINDS = ['relationship', 'case_coordination', 'training', 'policy', 'other'] as const;

/** "Get together regularly, even if there's no case": the log of those meetings. */
export const PartnerMeetingLogged = defineEvent({
  type: 'PartnerMeetingLogged',
  category: PARTNER_CATEGORY,
  version: 1,
  schema: z.strictObject({
    meetingId: pub(uuid()),
    heldOn: pub(isoDate()),
    kind: pub(z.enum(MEETING_KINDS)),
    /** How many people came from each side (names stay out of the log). */
    agencyAttendees: pub(z.int().min(0).max(500)),
    partnerAttendees: pub(z.int().min(0).max(500)),
    location: pub(text(300)).optional(),
    topics: pub(z.array(text(200)).max(30)),
    // Staff notes of the discussion: internal, pre-decisional.
    notes: deliberative(text(5000)).optional(),
  }),
});
export type PartnerMeetingLogged = z.infer<typeof PartnerMeetingLogged.schema>;
