/** The partners service's Nest injection tokens (its configuration's is PARTNERS_CONFIG, in config.ts). */
export { CLOCK } from '@lse/service-kit';
/** The read models' DataSource. */
export const PARTNERS_DATA_SOURCE = Symbol('PARTNERS_DATA_SOURCE');
