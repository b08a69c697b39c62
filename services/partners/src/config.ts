import { commonConfigSchema, envInt, projectionConfig } from '@lse/service-kit';
import { z } from 'zod';

const schemaName = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .default(fallback);

/** Everything partners reads from the environment, checked before anything starts. */
export const partnersConfigSchema = commonConfigSchema('partners').extend({
  ...projectionConfig,
  PARTNERS_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3104),
  EVENT_STORE_SCHEMA: schemaName('event_store'),
  PARTNERS_SCHEMA: schemaName('partners'),
  /** Replicas in one queue group share the requests. */
  PARTNERS_QUEUE_GROUP: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('partners'),
  /** How often each replica looks for agreements past their expiry date (the append is once-only). */
  AGREEMENT_CHECK_MS: envInt(60_000),
  DB_POOL_MAX: envInt(10),
  PROJECTION_POLL_MS: envInt(250),
  RELAY_POLL_MS: envInt(200),
});

export type PartnersConfig = z.output<typeof partnersConfigSchema>;

export const PARTNERS_CONFIG = Symbol('PARTNERS_CONFIG');

/** The categories the partners service owns, appends to and relays. */
export const PARTNERS_CATEGORIES = ['partner', 'agreement', 'referral', 'outreach'] as const;
