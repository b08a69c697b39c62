/** The roles of DESIGN.md section 1, as they appear in the token's `roles` or `role` claim. */
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

export type Role = (typeof ROLES)[number];

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
