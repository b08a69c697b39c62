import { commonConfigSchema, envInt, projectionConfig } from '@lse/service-kit';
import { z } from 'zod';
import { DEFAULT_POLICY, FLSA, type IntakePolicy } from '@lse/intake-domain';

const schemaName = (fallback: string) =>
  z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .default(fallback);

/** A JSON value in an environment variable, checked against a schema. */
const json = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const LimitationPeriods = z.record(
  z.string().min(1).max(120),
  z.strictObject({ years: z.int().min(1).max(10), willfulYears: z.int().min(1).max(10) }),
);
const TargetedIndustries = z
  .array(
    z.strictObject({
      industry: z.string().regex(/^[a-z][a-z_]{1,40}$/, 'expected a snake_case industry name'),
      naicsPrefixes: z.array(z.string().regex(/^\d{2,6}$/, 'expected NAICS digits')).min(1),
    }),
  )
  .min(1);

/** Everything intake reads from the environment, checked before anything starts. */
export const intakeConfigSchema = commonConfigSchema('intake').extend({
  ...projectionConfig,
  INTAKE_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3101),
  EVENT_STORE_SCHEMA: schemaName('event_store'),
  INTAKE_SCHEMA: schemaName('intake'),
  /** Replicas in one queue group share the requests. */
  INTAKE_QUEUE_GROUP: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default('intake'),
  /** State and city statutes beside FLSA, e.g. {"CA Lab. Code 338":{"years":3,"willfulYears":3}}. */
  INTAKE_LIMITATION_PERIODS: json(LimitationPeriods).optional(),
  /** Replaces the default targeted high-violation industries: [{"industry":"...","naicsPrefixes":["..."]}]. */
  INTAKE_TARGETED_INDUSTRIES: json(TargetedIndustries).optional(),
  DB_POOL_MAX: envInt(10),
  PROJECTION_POLL_MS: envInt(250),
  RELAY_POLL_MS: envInt(200),
});

export type IntakeConfig = z.output<typeof intakeConfigSchema>;

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

/** The decider's rule tables: FLSA always, the configured statutes and industries besides. */
export function policyFromConfig(config: IntakeConfig): IntakePolicy {
  return {
    limitationPeriods: { FLSA, ...(config.INTAKE_LIMITATION_PERIODS ?? {}) },
    targetedIndustries: config.INTAKE_TARGETED_INDUSTRIES ?? DEFAULT_POLICY.targetedIndustries,
  };
}
