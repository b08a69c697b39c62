import type { ParseKeys } from 'i18next';
import type { Role } from '../auth/session';

export interface NavItem {
  to: string;
  /** A key of the catalog (`src/i18n/catalogs.ts`): the entry's text in either language. */
  label: ParseKeys;
  roles: readonly Role[];
}

/**
 * The navigation of each role: only screens whose API the role may call (the x-roles of
 * services/gateway/openapi.json), so nobody is offered a page that would answer 403.
 */
export const NAV: readonly NavItem[] = [
  { to: '/my-work', label: 'nav.myWork', roles: ['intake_officer', 'investigator', 'supervisor'] },
  {
    to: '/complaints',
    label: 'nav.complaints',
    roles: ['intake_officer', 'supervisor', 'investigator', 'auditor'],
  },
  { to: '/complaints/new', label: 'nav.newComplaint', roles: ['intake_officer', 'supervisor'] },
  // Before the case index: the receivables are where a collections officer starts the day.
  { to: '/collections', label: 'nav.collections', roles: ['collections_officer', 'supervisor', 'auditor'] },
  {
    to: '/cases',
    label: 'nav.cases',
    roles: ['intake_officer', 'supervisor', 'investigator', 'collections_officer', 'auditor'],
  },
  { to: '/audit/integrity', label: 'audit.nav.integrity', roles: ['auditor'] },
  // Partner liaison (and the auditor, who reads them); a partner user: its own referrals only.
  { to: '/partners', label: 'partners.nav.partners', roles: ['partner_liaison', 'auditor'] },
  { to: '/agreements', label: 'partners.nav.agreements', roles: ['partner_liaison', 'auditor'] },
  { to: '/referrals', label: 'portal.nav.referrals', roles: ['partner', 'partner_liaison', 'auditor'] },
  { to: '/referrals/new', label: 'portal.nav.newReferral', roles: ['partner'] },
  { to: '/disclosures', label: 'partners.nav.disclosures', roles: ['partner_liaison', 'auditor'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['supervisor', 'auditor'] },
  // The FOIA officer's landing page: the request queue (GET /foia-requests is theirs alone).
  { to: '/foia', label: 'nav.publicRecords', roles: ['foia_officer'] },
  // Legal holds and retention (records management): the auditor's and a supervisor's.
  { to: '/records', label: 'records.nav.records', roles: ['auditor', 'supervisor'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return navFor(role)[0]?.to ?? '/no-access';
}
