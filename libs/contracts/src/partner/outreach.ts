import { z } from 'zod';
import { pub } from '../classification';
import { defineEvent } from '../registry';
import { isoDate, officeCode, text, uuid } from '../fields';
import { industryName, languageList, OUTREACH_CATEGORY } from './parts';

export const OUTREACH_KINDS = [
  'labor_rights_week',
  'legal_clinic',
  'know_your_rights_training',
  'staff_training',
  'community_meeting',
  'media_event',
  'other',
] as const;

/** Labor Rights Week, clinics, trainings: held with partners, counted, never naming attendees. */
export const OutreachEventHeld = defineEvent({
  type: 'OutreachEventHeld',
  category: OUTREACH_CATEGORY,
  version: 1,
  schema: z.strictObject({
    kind: pub(z.enum(OUTREACH_KINDS)),
    title: pub(text(300)),
    heldOn: pub(isoDate()),
    office: pub(officeCode()),
    partnerIds: pub(z.array(uuid()).max(50)),
    location: pub(text(300)).optional(),
    attendance: pub(z.int().min(0).max(1_000_000)),
    languages: pub(languageList()),
    industries: pub(z.array(industryName()).max(50)),
    /** Complaints taken on the spot, if any. */
    complaintsTaken: pub(z.int().min(0).max(100_000)).optional(),
  }),
});
export type OutreachEventHeld = z.infer<typeof OutreachEventHeld.schema>;
