import { operationRoles } from '../api/operation-roles';
import { useSession, type Role } from './session';

/**
 * Whether a role may call an operation (`POST /api/v1/complaints/{caseId}/decline`), by the
 * x-roles of the OpenAPI document: screens offer only what the API would allow.
 */
export function may(role: Role | undefined, operation: string): boolean {
  return !!role && (operationRoles[operation] ?? []).includes(role);
}

export function useMay(operation: string): boolean {
  return may(useSession()?.actor.role, operation);
}
