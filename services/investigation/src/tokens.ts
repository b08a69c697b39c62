/** Injection tokens of the investigation handlers: the clock commands take their time from, and the read models' DataSource. */
export const CLOCK = Symbol('CLOCK');
export const INVESTIGATION_DATA_SOURCE = Symbol('INVESTIGATION_DATA_SOURCE');
