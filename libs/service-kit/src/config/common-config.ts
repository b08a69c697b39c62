import { z } from 'zod';
import { SUBJECT_PREFIX } from '@lse/contracts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A positive integer read from an environment string. */
export const envInt = (fallback: number) =>
  z.coerce.number().int('must be an integer').positive('must be positive').default(fallback);

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      // NATS takes a comma-separated list of servers; each must parse.
      return value.split(',').every((one) => {
        try {
          return protocols.includes(new URL(one.trim()).protocol);
        } catch {
          return false;
        }
      });
    },
    `must be a ${protocols.map((p) => p + '//').join(' or ')} URL`,
  );

/** Variables every service reads. Extend it with `.extend({...})` for a service's own. */
export function commonConfigSchema(serviceName: string) {
  return z.object({
    SERVICE_NAME: z.string().min(1).default(serviceName),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/lse'),
    NATS_URL: url(['nats:', 'tls:']).default('nats://127.0.0.1:4222'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Namespace for request/reply subjects when deployments or test runs share one NATS cluster. */
    NATS_SUBJECT_PREFIX: z.string().regex(SUBJECT_PREFIX, 'lower-case letters, digits, - and _').default(''),
  });
}

/**
 * Variables of a service that runs read-model projections: how long one may fail to apply its
 * next batch before the service reports not ready (docs in README's variable table).
 */
export const projectionConfig = {
  PROJECTION_UNREADY_AFTER_MS: envInt(60_000),
};

export type CommonConfig = z.output<ReturnType<typeof commonConfigSchema>>;
