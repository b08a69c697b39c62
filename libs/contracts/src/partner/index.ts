import type { z } from 'zod';
import {
  AgreementAmended,
  AgreementDrafted,
  AgreementExpired,
  AgreementRenewed,
  AgreementSigned,
  AgreementTerminated,
} from './agreement';
import { DisclosureWithheld, StatusSharedWithPartner } from './disclosure';
import { OutreachEventHeld } from './outreach';
import {
  ContactAdded,
  ContactRemoved,
  PartnerDeactivated,
  PartnerMeetingLogged,
  PartnerRegistered,
} from './partner';
import {
  ConsentGranted,
  ConsentNarrowed,
  ConsentRevoked,
  ReferralAccepted,
  ReferralClosed,
  ReferralDeclined,
  ReferralSubmitted,
} from './referral';

export * from './parts';
export * from './partner';
export * from './agreement';
export * from './referral';
export * from './disclosure';
export * from './outreach';
export * from './commands';
export * from './replies';

export const PARTNER_EVENTS = {
  PartnerRegistered,
  ContactAdded,
  ContactRemoved,
  PartnerDeactivated,
  PartnerMeetingLogged,
} as const;
export const AGREEMENT_EVENTS = {
  AgreementDrafted,
  AgreementSigned,
  AgreementAmended,
  AgreementRenewed,
  AgreementExpired,
  AgreementTerminated,
} as const;
export const REFERRAL_EVENTS = {
  ReferralSubmitted,
  ConsentGranted,
  ConsentNarrowed,
  ConsentRevoked,
  ReferralAccepted,
  ReferralDeclined,
  StatusSharedWithPartner,
  DisclosureWithheld,
  ReferralClosed,
} as const;
export const OUTREACH_EVENTS = { OutreachEventHeld } as const;

type EventOf<D extends Record<string, { schema: z.ZodType }>> = {
  [K in keyof D & string]: { type: K; data: z.output<D[K]['schema']> };
}[keyof D & string];

export type PartnerEvent = EventOf<typeof PARTNER_EVENTS>;
export type AgreementEvent = EventOf<typeof AGREEMENT_EVENTS>;
export type ReferralEvent = EventOf<typeof REFERRAL_EVENTS>;
export type OutreachEvent = EventOf<typeof OUTREACH_EVENTS>;
