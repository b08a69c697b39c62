import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import { correlationIdOf } from '@lse/service-kit';
import type { AuthedRequest } from '../auth/request-user';
import type { CallContext } from './services-client';

/** Actor, correlation id and Idempotency-Key of a request, to pass to ServicesClient.call. */
export function callContextOf(req: AuthedRequest & { idempotencyKey?: string }): CallContext {
  if (!req.actor) throw new InternalServerErrorException();
  const call: CallContext = { actor: req.actor, correlationId: correlationIdOf(req) };
  if (req.idempotencyKey) call.idempotencyKey = req.idempotencyKey;
  return call;
}

/** Actor, correlation id and Idempotency-Key of this request, to pass to ServicesClient.call. */
export const CallCtx = createParamDecorator((_: unknown, context: ExecutionContext): CallContext =>
  callContextOf(context.switchToHttp().getRequest()),
);
