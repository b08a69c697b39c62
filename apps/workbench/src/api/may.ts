import type { Role } from '../auth/session';
import { operationRoles } from './operation-roles';

/**
 * Whether a role may call an operation (`GET /api/v1/cases`), by the x-roles of the OpenAPI
 * document: screens offer only what the API would allow, rather than a button that answers 403.
 */
export function may(role: Role | undefined, operation: string): boolean {
  return !!role && (operationRoles[operation] ?? []).includes(role);
}
