import { commonConfigSchema, envInt, projectionConfig } from '@lse/service-kit';
import { EVIDENCE_MAX_BYTES_DEFAULT } from '@lse/contracts';
import { z } from 'zod';

const schemaName = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .default(fallback);

/** Everything the investigation service reads from the environment, checked before anything starts. */
export const investigationConfigSchema = commonConfigSchema('investigation').extend({
  ...projectionConfig,
  INVESTIGATION_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3102),
  EVENT_STORE_SCHEMA: schemaName('event_store'),
  INVESTIGATION_SCHEMA: schemaName('investigation'),
  /** Replicas in one queue group share the requests. */
  INVESTIGATION_QUEUE_GROUP: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('investigation'),
  /** The durable JetStream consumer reacting to complaint CaseOpened (shared by replicas). */
  INVESTIGATION_CONSUMER: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('investigation-on-case-opened'),
  /** The filesystem evidence store's root (content-addressed by SHA-256). */
  EVIDENCE_DIR: z.string().min(1).default('var/evidence'),
  /** One evidence upload at most; NATS carries it base64-encoded (1 MB default max payload). */
  EVIDENCE_MAX_BYTES: envInt(EVIDENCE_MAX_BYTES_DEFAULT),
  DB_POOL_MAX: envInt(10),
  PROJECTION_POLL_MS: envInt(250),
  RELAY_POLL_MS: envInt(200),
});

export type InvestigationConfig = z.output<typeof investigationConfigSchema>;

export const INVESTIGATION_CONFIG = Symbol('INVESTIGATION_CONFIG');
