import type { Role } from '../auth/roles';

/*
 * Who may do what with complaints (docs/architecture.md#roles). Intake officers record, assess, triage,
 * refer out and open; supervisors may do all of it and alone decline (turning a worker away is
 * a decision a supervisor owns). Investigators and auditors read; admins configure, not case work.
 */
export const COMPLAINT_WRITERS: Role[] = ['intake_officer', 'supervisor'];
export const COMPLAINT_DECLINERS: Role[] = ['supervisor'];
export const COMPLAINT_READERS: Role[] = ['intake_officer', 'supervisor', 'investigator', 'auditor'];
export const CASE_READERS: Role[] = [
  'intake_officer',
  'supervisor',
  'investigator',
  'collections_officer',
  'auditor',
];
export const EMPLOYER_READERS: Role[] = ['intake_officer', 'supervisor', 'investigator', 'auditor'];
