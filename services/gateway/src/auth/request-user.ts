import type { HttpRequest } from '@lse/service-kit';
import type { Actor, AuthenticatedUser } from './roles';

/** The request after the auth guards: `user` from the token, `actor` once a role matched. */
export interface AuthedRequest extends HttpRequest {
  user?: AuthenticatedUser;
  actor?: Actor;
}
