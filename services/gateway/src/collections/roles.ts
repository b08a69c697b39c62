import type { Role } from '../auth/roles';

/*
 * Who may do what in collections (docs/architecture.md#roles). Collections officers negotiate, record
 * payments, escalate and disburse; supervisors may do all of it and alone approve settlements,
 * compromises and write-offs, and run the installment check by hand; auditors read.
 */
export const COLLECTION_WRITERS: Role[] = ['collections_officer', 'supervisor'];
export const COLLECTION_APPROVERS: Role[] = ['supervisor'];
export const COLLECTION_READERS: Role[] = ['collections_officer', 'supervisor', 'auditor'];
