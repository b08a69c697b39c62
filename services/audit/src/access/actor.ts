import { ActorRoleSchema } from '@lse/contracts';
import { z } from 'zod';

/** Who asks, as the gateway verified it (or the CLI's operator). */
export const ActorSchema = z.object({
  id: z.string().min(1).max(200),
  role: ActorRoleSchema,
  org: z.string().min(1).max(200).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** What the gateway sends: the verified actor, the correlation id, the Idempotency-Key if any. */
export const RequestEnvelope = z.object({
  actor: ActorSchema,
  correlationId: z.string().min(1).max(200),
  idempotencyKey: z.string().min(1).max(255).optional(),
  data: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;
