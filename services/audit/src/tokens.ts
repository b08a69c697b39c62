/** The audit service's Nest injection tokens. */
export { CLOCK } from '@lse/service-kit';
/** Audit's stores, desks and read models, opened once (audit-core.ts). */
export const AUDIT_CORE = Symbol('AUDIT_CORE');
