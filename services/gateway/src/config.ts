import { commonConfigSchema, envInt } from '@lse/service-kit';
import { resolve } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** `<repo>/apps/workbench/dist`: where `npm run workbench:build` writes (found from this file). */
export const DEFAULT_WORKBENCH_DIR = resolve(__dirname, '../../../apps/workbench/dist');

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Everything the gateway reads from the environment, checked before anything starts. */
export const gatewayConfigSchema = commonConfigSchema('gateway')
  .extend({
    GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Production: a JWKS URL (any OIDC provider) or a PEM public key file, plus issuer and audience.
    AUTH_JWKS_URL: optionalText.pipe(z.url('must be a URL').optional()),
    AUTH_PUBLIC_KEY_FILE: optionalText,
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: optionalText,
    /**
     * `development` accepts tokens from the local development issuer (`npm run token`). It must be
     * asked for: a deployment that forgets its AUTH_* variables refuses to start instead of running
     * open. `npm start` and the test harnesses set it; nothing under deploy/ does.
     */
    AUTH_MODE: optionalText.pipe(z.enum(['development'], "only 'development' (or unset)").optional()),
    /** Seconds a token is still accepted after its exp (and before its nbf): clocks drift. */
    AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    /** Where the development key pair lives; `<repo>/var/dev-keys` by default. */
    DEV_KEYS_DIR: optionalText,
    /**
     * What the workbench needs to sign in with OIDC (authorization code with PKCE), given to it by
     * GET /api/v1/auth/config: the provider's base URL the browser signs in at (AUTH_ISSUER when
     * unset), the workbench's public client id and the scopes it asks for.
     */
    AUTH_OIDC_AUTHORITY: optionalText.pipe(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    ),
    AUTH_CLIENT_ID: z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters')
      .default('lse-workbench'),
    AUTH_SCOPE: z
      .string()
      .trim()
      .regex(
        /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
        'must be scope tokens separated by single spaces',
      )
      .default('openid profile'),
    /** The workbench's built files (`npm run workbench:build`), served at `/`. */
    WORKBENCH_DIR: optionalText.transform((dir) => resolve(dir ?? DEFAULT_WORKBENCH_DIR)),
    SERVICE_TIMEOUT_MS: envInt(5000),
    BODY_LIMIT_BYTES: envInt(1024 * 1024),
    // Generous by default so that load tests at 1,000 req/s from one subject are not throttled.
    RATE_LIMIT: envInt(100_000),
    RATE_LIMIT_WINDOW_MS: envInt(60_000),
    /** How long a request waits for another in flight with the same Idempotency-Key. */
    IDEMPOTENCY_WAIT_MS: envInt(2000),
    DB_POOL_MAX: envInt(10),
  })
  .superRefine((env, ctx) => {
    const production = env.AUTH_JWKS_URL || env.AUTH_PUBLIC_KEY_FILE;
    if (env.AUTH_JWKS_URL && env.AUTH_PUBLIC_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_PUBLIC_KEY_FILE'],
        message: 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE, not both',
      });
    }
    if (production && env.AUTH_MODE === 'development') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message:
          'development mode uses the local development key: unset it when AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE is set',
      });
    }
    // Fail safe: no key to check tokens against and no explicit request for the development issuer.
    if (!production && env.AUTH_MODE !== 'development') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message:
          'no token verification configured: set AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_FILE) with AUTH_ISSUER and AUTH_AUDIENCE, ' +
          'or AUTH_MODE=development to accept tokens from the local development issuer (`npm run token`; never in production)',
      });
    }
    if (!production) return;
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
      if (!env[name])
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'required when AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE is set',
        });
    }
    // The workbench signs in at the authority, and its Content-Security-Policy names its origin.
    if (env.AUTH_ISSUER && !env.AUTH_OIDC_AUTHORITY && !isHttpUrl(env.AUTH_ISSUER)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_OIDC_AUTHORITY'],
        message: "AUTH_ISSUER is not an http(s) URL: set AUTH_OIDC_AUTHORITY to the OIDC provider's base URL",
      });
    }
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
