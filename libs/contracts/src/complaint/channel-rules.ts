/** Channels whose complaint comes from a referral and carries its referralId. */
export const REFERRAL_CHANNEL_NAMES = ['partner_referral', 'consulate_referral'] as const;

/**
 * The channel rules ComplaintReceived's refinement (received.ts) enforces, as JSON Schema for the API document (zod
 * cannot derive a refinement): a partner referral names its referral, only referral channels
 * carry a referralId, and every channel but agency_initiated has at least one complainant.
 */
export const COMPLAINT_CHANNEL_RULES = [
  {
    if: { properties: { channel: { const: 'partner_referral' } }, required: ['channel'] },
    then: { required: ['referralId'] },
  },
  {
    if: { properties: { channel: { not: { enum: [...REFERRAL_CHANNEL_NAMES] } } }, required: ['channel'] },
    then: { not: { required: ['referralId'] } },
  },
  {
    if: { properties: { channel: { not: { const: 'agency_initiated' } } }, required: ['channel'] },
    then: { properties: { complainants: { minItems: 1 } } },
  },
];
