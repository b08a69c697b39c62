import { SetMetadata } from '@nestjs/common';
import { Role, ROLES } from './roles';

export const ROLES_KEY = 'lse:roles';

/** The roles allowed to call a handler (or every handler of a controller). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any authenticated user, whatever the role. */
export const AnyRole = () => Roles(...ROLES);
