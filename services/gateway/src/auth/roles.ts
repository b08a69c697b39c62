import { ROLES, type Role } from '@lse/contracts';

/** The roles (docs/architecture.md#roles) come from the contracts, as they appear in token claims. */
export { ROLES, type Role };

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** A verified token's subject. */
export interface AuthenticatedUser {
  id: string;
  roles: Role[];
  /** The partner organization, for partner users. */
  org?: string;
}

/** Who acts in a request: the role is the one that authorized this route. Goes into event metadata. */
export interface Actor {
  id: string;
  role: Role;
  org?: string;
}
