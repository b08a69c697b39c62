export type { Clock } from '@lse/domain';

/**
 * The clock commands take their time from: it lives at the edge (the module provides it, tests
 * inject a fixed one); deciders only see the command's `now`.
 */
export const CLOCK = Symbol('CLOCK');
