import { z } from 'zod';
import { deliberative, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, officeCode, repeatedIndexes, text, uuid } from '../fields';
import { REFERRAL_CHANNEL_NAMES } from './channel-rules';
import { AllegationSchema, CHANNELS, COMPLAINT_CATEGORY, ComplainantSchema, EmployerSchema } from './parts';

const REFERRAL_CHANNELS = new Set<string>(REFERRAL_CHANNEL_NAMES);

export const ComplaintReceived = defineEvent({
  type: 'ComplaintReceived',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      channel: pub(z.enum(CHANNELS)),
      // The partner referral this came from (an opaque id; the partner is in the referral stream).
      referralId: pub(uuid()).optional(),
      receivedAt: pub(instant()),
      office: pub(officeCode()),
      complainants: z.array(ComplainantSchema).max(100),
      employer: EmployerSchema,
      allegations: z.array(AllegationSchema).min(1).max(50),
      intakeNotes: deliberative(text(5000)).optional(),
    })
    .superRefine((data, ctx) => {
      if (data.channel === 'partner_referral' && !data.referralId) {
        ctx.addIssue({
          code: 'custom',
          path: ['referralId'],
          message: 'a partner referral needs its referralId',
        });
      }
      if (data.referralId && !REFERRAL_CHANNELS.has(data.channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['referralId'],
          message: `a ${data.channel} complaint has no referralId`,
        });
      }
      // Strategic enforcement starts without a complainant; every other channel has one.
      if (data.channel !== 'agency_initiated' && data.complainants.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['complainants'],
          message: 'at least one complainant is required',
        });
      }
      for (const index of repeatedIndexes(data.complainants.map((c) => c.complainantId)))
        ctx.addIssue({
          code: 'custom',
          path: ['complainants', index, 'complainantId'],
          message: 'duplicate complainantId',
        });
    }),
});
export type ComplaintReceived = z.infer<typeof ComplaintReceived.schema>;
