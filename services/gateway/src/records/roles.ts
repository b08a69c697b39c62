import type { Role } from '../auth/roles';

/**
 * Records management (legal holds, retention reviews and reports): no role is named for it in
 * docs/architecture.md#roles, so it goes to the two closest to it. The auditor (internal audit,
 * inspector general) keeps the case records and their integrity and reads every case's history;
 * a supervisor is the one who learns of litigation on the cases they supervise and must be able
 * to stop their records being erased. Neither a partner, a FOIA officer nor an admin (no case work).
 */
export const RECORDS_MANAGERS: Role[] = ['auditor', 'supervisor'];

/**
 * Who erases a person (issue 22): a supervisor, who answers for the cases and hears of the
 * litigation that puts holds on them, and an admin, who answers a data subject's request for the
 * agency as the system's owner. Not the auditor: who keeps and checks the records does not also
 * destroy them (separation of duties). Audit checks the same list (`ERASERS`).
 */
export const ERASERS: Role[] = ['supervisor', 'admin'];
