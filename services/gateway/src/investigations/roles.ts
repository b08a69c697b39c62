import type { Role } from '../auth/roles';

/*
 * Who may do what in an investigation (docs/architecture.md#roles). Investigators and supervisors work
 * the case; only supervisors assign, approve, sign immigration letters and close; only the
 * investigator proposes the determination; auditors read everything. The investigation service
 * checks the same rules again in its decider (a supervisor may not approve their own proposal).
 */
export const INVESTIGATION_WRITERS: Role[] = ['investigator', 'supervisor'];
export const INVESTIGATION_SUPERVISORS: Role[] = ['supervisor'];
export const DETERMINATION_PROPOSERS: Role[] = ['investigator'];
export const INVESTIGATION_READERS: Role[] = ['investigator', 'supervisor', 'auditor'];
