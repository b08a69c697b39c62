import { commonConfigSchema, envInt, projectionConfig } from '@lse/service-kit';
import { z } from 'zod';

const schemaName = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .default(fallback);

/** Everything audit reads from the environment, checked before anything starts. */
export const auditConfigSchema = commonConfigSchema('audit').extend({
  ...projectionConfig,
  AUDIT_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3105),
  EVENT_STORE_SCHEMA: schemaName('event_store'),
  AUDIT_SCHEMA: schemaName('audit'),
  AUDIT_QUEUE_GROUP: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('audit'),
  /** PKCS#8 PEM Ed25519 private key that signs exported checkpoints; a development key otherwise. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** How often an integrity checkpoint is taken (none is appended when nothing changed); 0: never. */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(0).default(600_000),
  /**
   * The evidence store the investigation service writes (same variable, same default): audit
   * reads evidence files from it, read-only, to put their redacted text in FOIA packages.
   */
  EVIDENCE_DIR: z.string().min(1).default('var/evidence'),
  /**
   * How often the runtime checks whether today's retention review has run (it runs once a day,
   * reporting RetentionReviewCompleted); 0: never (POST /retention/reviews still runs one now).
   */
  AUDIT_RETENTION_CHECK_MS: z.coerce.number().int().min(0).default(3_600_000),
  DB_POOL_MAX: envInt(10),
  PROJECTION_POLL_MS: envInt(250),
});

export type AuditConfig = z.output<typeof auditConfigSchema>;
export const AUDIT_CONFIG = Symbol('AUDIT_CONFIG');
