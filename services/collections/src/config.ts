import { commonConfigSchema, envInt, projectionConfig } from '@lse/service-kit';
import { z } from 'zod';
import type { AgencyContact, CollectionsPolicy } from '@lse/collections-domain';

const schemaName = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .default(fallback);

const nonNegativeInt = (fallback: number) =>
  z.coerce.number().int('must be an integer').min(0, 'must be 0 or more').default(fallback);

/** Everything collections reads from the environment, checked before anything starts. */
export const collectionsConfigSchema = commonConfigSchema('collections').extend({
  ...projectionConfig,
  COLLECTIONS_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3103),
  EVENT_STORE_SCHEMA: schemaName('event_store'),
  COLLECTIONS_SCHEMA: schemaName('collections'),
  COLLECTIONS_QUEUE_GROUP: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('collections'),
  /** Durable JetStream consumer for DeterminationIssued; replicas share it. */
  COLLECTIONS_CONSUMER: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('collections-on-determination'),
  /** How often the missed-installment check runs; 0 turns the timer off (the supervisor route still runs it). */
  COLLECTIONS_CHECK_INTERVAL_MS: nonNegativeInt(3_600_000),
  /**
   * Shifts collections' calendar by whole days: for rehearsals and training environments that
   * need due dates to pass. Must be 0 in production; a warning is logged otherwise.
   */
  COLLECTIONS_CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).default(0),
  /** Days a worker stays unlocated before held wages may go to the unclaimed-wage fund. */
  COLLECTIONS_UNCLAIMED_AFTER_DAYS: nonNegativeInt(365),
  /** Days after a due date before an unpaid installment counts as missed. */
  COLLECTIONS_GRACE_DAYS: nonNegativeInt(0),
  /** How a worker reaches the agency, printed on the worker's statement. */
  AGENCY_NAME: z.string().min(1).max(200).default('Office of Labor Standards Enforcement'),
  AGENCY_PHONE: z.string().min(1).max(50).default('555-0100'),
  AGENCY_EMAIL: z.string().max(200).optional(),
  AGENCY_ADDRESS: z.string().max(300).optional(),
  AGENCY_HOURS: z.string().max(200).optional(),
  DB_POOL_MAX: envInt(10),
  PROJECTION_POLL_MS: envInt(250),
  RELAY_POLL_MS: envInt(200),
});

export type CollectionsConfig = z.output<typeof collectionsConfigSchema>;

export const COLLECTIONS_CONFIG = Symbol('COLLECTIONS_CONFIG');

export function policyFromConfig(config: CollectionsConfig): CollectionsPolicy {
  return {
    unclaimedAfterDays: config.COLLECTIONS_UNCLAIMED_AFTER_DAYS,
    graceDays: config.COLLECTIONS_GRACE_DAYS,
  };
}

/** The agency contact on a worker's statement. */
export function agencyContact(config: CollectionsConfig): AgencyContact {
  return {
    name: config.AGENCY_NAME,
    phone: config.AGENCY_PHONE,
    ...(config.AGENCY_EMAIL ? { email: config.AGENCY_EMAIL } : {}),
    ...(config.AGENCY_ADDRESS ? { address: config.AGENCY_ADDRESS } : {}),
    ...(config.AGENCY_HOURS ? { hours: config.AGENCY_HOURS } : {}),
  };
}

const DAY_MS = 86_400_000;

/** The system clock at the edge, shifted by the configured whole days (0 in production). */
export function collectionsClock(offsetDays: number) {
  return { now: () => new Date(Date.now() + offsetDays * DAY_MS) };
}
