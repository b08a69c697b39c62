import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { AuthedRequest } from './request-user';

/** The actor the RolesGuard established from the verified token; never from the body. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
  // Only reachable on a @Public route, which has no actor by design.
  if (!actor) throw new InternalServerErrorException();
  return actor;
});
