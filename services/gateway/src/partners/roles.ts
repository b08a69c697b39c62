import type { Role } from '../auth/roles';

/*
 * Who may do what with partners (docs/architecture.md#roles). Partner liaisons manage partners,
 * agreements and outreach and read the whole disclosure ledger (withholdings and reasons too);
 * auditors read. A partner user submits referrals and reads only its own organization's
 * referrals and what was disclosed to it: the partners service scopes every such read by the
 * token's org.
 */
export const PARTNER_MANAGERS: Role[] = ['partner_liaison'];
export const PARTNER_READERS: Role[] = ['partner_liaison', 'auditor'];
export const REFERRAL_SUBMITTERS: Role[] = ['partner'];
export const REFERRAL_READERS: Role[] = ['partner', 'partner_liaison', 'auditor'];
export const CONSENT_RECORDERS: Role[] = ['partner', 'partner_liaison'];
export const LEDGER_READERS: Role[] = ['partner', 'partner_liaison', 'auditor'];
export const EXPIRY_CHECKERS: Role[] = ['partner_liaison', 'admin'];
