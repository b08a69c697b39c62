import { z } from 'zod';
import { deliberative } from '../classification';
import { defineEvent } from '../registry';
import { text } from '../fields';
import { AllegationSchema, COMPLAINT_CATEGORY, ComplainantSchema, EmployerSchema } from './parts';

/** Each part present replaces that part of the complaint as a whole; absent parts are unchanged. */
export const ComplaintAmended = defineEvent({
  type: 'ComplaintAmended',
  category: COMPLAINT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    changes: z
      .strictObject({
        complainants: z.array(ComplainantSchema).max(100).optional(),
        employer: EmployerSchema.optional(),
        allegations: z.array(AllegationSchema).min(1).max(50).optional(),
      })
      .refine((c) => Object.values(c).some((part) => part !== undefined), { message: 'no change given' }),
    // Intake staff's account of why (often quoting the worker): an internal note.
    reason: deliberative(text(2000)),
  }),
});
export type ComplaintAmended = z.infer<typeof ComplaintAmended.schema>;
