import type { Role } from '../auth/roles';

/*
 * Who reads the manager dashboard (docs/architecture.md#roles): supervisors manage the offices'
 * work; auditors read everything case-related, and the dashboard is counts and sums of it.
 */
export const DASHBOARD_READERS: Role[] = ['supervisor', 'auditor'];
