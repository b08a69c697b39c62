import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ERROR_CODES, ProblemException, problemType, PUBLIC_ROUTE } from '@lse/service-kit';
import { InvalidTokenError, TokenVerifier } from './token-verifier';
import type { AuthedRequest } from './request-user';

export const unauthorized = (detail: string, invalid: boolean) =>
  new ProblemException(
    {
      type: problemType(ERROR_CODES.unauthorized.slug),
      title: ERROR_CODES.unauthorized.title,
      status: 401,
      detail,
    },
    // RFC 6750: a bare challenge when no token came, error="invalid_token" when one failed.
    { 'WWW-Authenticate': invalid ? 'Bearer error="invalid_token"' : 'Bearer' },
  );

/** Every route needs a valid bearer token unless marked @Public (health, metrics). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw unauthorized('A bearer token is required.', false);
    try {
      req.user = await this.verifier.verify(match[1]);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthorized(err.message, true);
      throw err;
    }
    return true;
  }
}
