import type { ComplaintEvent } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import type { ComplaintCommand, ComplaintState } from '@lse/intake-domain';

/** The intake service's Nest injection tokens. */
export { CLOCK } from '@lse/service-kit';
/** The read models' DataSource. */
export const INTAKE_DATA_SOURCE = Symbol('INTAKE_DATA_SOURCE');
/** The complaint decider, built with the policy from the configuration. */
export const COMPLAINT_DECIDER = Symbol('COMPLAINT_DECIDER');
export type ComplaintDecider = Decider<ComplaintCommand, ComplaintEvent, ComplaintState>;
