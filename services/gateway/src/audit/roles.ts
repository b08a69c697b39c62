import type { Role } from '../auth/roles';

/** Case states as of an instant and integrity: internal audit / inspector general only. */
export const AUDITORS: Role[] = ['auditor'];
/**
 * A case's timeline: the auditor, and the staff who work cases (the case file's timeline in the
 * workbench, issue 19); each read is recorded. Never a partner, FOIA officer or admin.
 */
export const CASE_HISTORY_READERS: Role[] = [
  'auditor',
  'intake_officer',
  'investigator',
  'supervisor',
  'collections_officer',
];
/** Public-records requests: FOIA officers only. */
export const FOIA_OFFICERS: Role[] = ['foia_officer'];
