import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ROLES, type Actor } from '../auth/roles';
import { ApiController, Endpoint } from '../openapi/endpoint';

export const ActorSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  org: z.string().optional(),
});

/** Who the token says you are: lets clients and tests exercise the whole auth path. */
@ApiController()
export class WhoamiController {
  @Endpoint({
    operationId: 'whoami',
    method: 'GET',
    path: 'whoami',
    summary: 'The authenticated actor, as it would be recorded in event metadata',
    tags: ['auth'],
    roles: [...ROLES],
    response: { status: 200, description: 'The actor.', schema: ActorSchema },
  })
  whoami(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
