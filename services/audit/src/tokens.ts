export const AUDIT_CORE = Symbol('AUDIT_CORE');
