/** The investigation service's Nest injection tokens: the clock commands take their time from, and the read models' DataSource. */
export { CLOCK } from '@lse/service-kit';
export const INVESTIGATION_DATA_SOURCE = Symbol('INVESTIGATION_DATA_SOURCE');
