/** The collections service's Nest injection tokens. */
export { CLOCK } from '@lse/service-kit';
/** The collection case decider, built with the policy from the configuration. */
export const COLLECTION_DECIDER = Symbol('COLLECTION_DECIDER');
/** The read models' DataSource. */
export const COLLECTIONS_DATA_SOURCE = Symbol('COLLECTIONS_DATA_SOURCE');
