import { z } from 'zod';

/** Token role claims (docs/architecture.md#roles). */
export const ROLES = [
  'intake_officer',
  'investigator',
  'supervisor',
  'collections_officer',
  'partner_liaison',
  'partner',
  'auditor',
  'foia_officer',
  'admin',
] as const;
export const RoleSchema = z.enum(ROLES);
/** `Role.investigator === 'investigator'`; also the type of any role. */
export const Role = RoleSchema.enum;
export type Role = z.infer<typeof RoleSchema>;

/**
 * Who an event can be attributed to: a user's role, or `system` for a service acting on its own
 * (reactions to other services' events, relays), whose actor id is the service name.
 */
export const SYSTEM_ROLE = 'system';
export const ActorRoleSchema = z.enum([...ROLES, SYSTEM_ROLE]);
export type ActorRole = z.infer<typeof ActorRoleSchema>;
