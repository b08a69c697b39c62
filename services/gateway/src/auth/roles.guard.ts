import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ERROR_CODES, ProblemException, problemType, PUBLIC_ROUTE } from '@lse/service-kit';
import { ROLES_KEY } from './roles.decorator';
import type { Role } from './roles';
import type { AuthedRequest } from './request-user';

const forbidden = (detail: string) =>
  new ProblemException({
    type: problemType(ERROR_CODES.forbidden.slug),
    title: ERROR_CODES.forbidden.title,
    status: 403,
    detail,
  });

/**
 * Authorizes by role and fixes the request's actor. Fails closed: a route that declares no
 * roles is refused, so a forgotten @Roles never opens an endpoint.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed || allowed.length === 0) throw forbidden('This route declares no roles.');
    const user = req.user;
    const role = user && allowed.find((r) => user.roles.includes(r));
    if (!user || !role) throw forbidden('Your role does not allow this action.');
    req.actor = user.org ? { id: user.id, role, org: user.org } : { id: user.id, role };
    return true;
  }
}
