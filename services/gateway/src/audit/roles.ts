import type { Role } from '../auth/roles';

/** Case histories, states as of an instant and integrity: internal audit / inspector general only. */
export const AUDITORS: Role[] = ['auditor'];
/** Public-records requests: FOIA officers only. */
export const FOIA_OFFICERS: Role[] = ['foia_officer'];
