import { Inject, Res } from '@nestjs/common';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ValidBody } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { mintDevTokenWithExpiry } from './mint-token';
import { ROLES } from './roles';

/* What the workbench needs before anyone has signed in: how to sign in, and in development mode a token. */

export const AuthConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('development') }).describe('Sign in at POST /api/v1/auth/development-token.'),
  z
    .object({
      mode: z.literal('oidc'),
      authority: z.string().describe("The OIDC provider's base URL the browser signs in at."),
      clientId: z.string().describe("The workbench's public OIDC client id."),
      scope: z.string().describe('The scopes to ask for, separated by spaces.'),
    })
    .describe('Sign in with the authorization code flow and PKCE at the authority.'),
]);
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

/** What GET /api/v1/auth/config answers for this configuration. */
export function authConfigOf(config: GatewayConfig): AuthConfig {
  if (config.AUTH_MODE === 'development') return { mode: 'development' };
  return {
    mode: 'oidc',
    // The config schema requires AUTH_ISSUER when tokens are verified, and checks it is a URL.
    authority: config.AUTH_OIDC_AUTHORITY ?? config.AUTH_ISSUER!,
    clientId: config.AUTH_CLIENT_ID,
    scope: config.AUTH_SCOPE,
  };
}

/** The OIDC authority's origin, which the workbench's pages must be allowed to reach; none in development. */
export function oidcOrigin(config: GatewayConfig): string | undefined {
  const auth = authConfigOf(config);
  return auth.mode === 'oidc' ? new URL(auth.authority).origin : undefined;
}

/** Ids that are safe in a token, a log line and a URL: no spaces, quotes or slashes. */
const TOKEN_SUBJECT = /^[A-Za-z0-9._@-]+$/;

export const DevelopmentTokenInput = z
  .strictObject({
    role: z.enum(ROLES),
    subject: z
      .string()
      .min(1)
      .max(100)
      .regex(TOKEN_SUBJECT, 'letters, digits and . _ @ - only')
      .describe('The user id, recorded as the actor of everything done with the token.'),
    org: z
      .string()
      .min(1)
      .max(200)
      .regex(TOKEN_SUBJECT, 'letters, digits and . _ @ - only')
      .optional()
      .describe(
        'The partner organization id (POST /api/v1/partners answered it): required for a partner, refused otherwise.',
      ),
    expiresInSeconds: z.int().min(10).max(43_200).default(28_800),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'partner' && input.org === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['org'],
        message: 'required for the partner role: the id of the partner organization',
      });
    if (input.role !== 'partner' && input.org !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['org'],
        message: 'only a partner user belongs to an organization',
      });
  });
export type DevelopmentTokenInput = z.output<typeof DevelopmentTokenInput>;

export const DevelopmentTokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime().describe('When the token expires (its exp).'),
});

@ApiController()
export class AuthConfigController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Endpoint({
    operationId: 'authConfig',
    method: 'GET',
    path: 'auth/config',
    summary: 'How to sign in: the development issuer, or the OIDC provider, client id and scopes',
    tags: ['auth'],
    roles: [],
    public: true,
    response: { status: 200, description: 'The sign-in settings.', schema: AuthConfigSchema },
  })
  get(@Res({ passthrough: true }) res: HttpResponse): AuthConfig {
    res.setHeader('Cache-Control', 'no-cache');
    return authConfigOf(this.config);
  }
}

/**
 * Sign-in for local use: a token from the development issuer, minted as `npm run token` mints it.
 * Only AppModule in development mode registers this controller.
 */
@ApiController()
export class DevelopmentTokenController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Endpoint({
    operationId: 'createDevelopmentToken',
    method: 'POST',
    path: 'auth/development-token',
    summary: 'A token from the development issuer for any role and user (development mode only)',
    description:
      "What `npm run token -- --role <role> --sub <subject> [--org <org>] --ttl <expiresInSeconds>` prints, for the workbench's development sign-in page. Send it as `Authorization: Bearer <accessToken>`.",
    tags: ['auth'],
    roles: [],
    public: true,
    developmentOnly: true,
    body: DevelopmentTokenInput,
    response: { status: 201, description: 'The token.', schema: DevelopmentTokenSchema },
  })
  async create(
    @ValidBody(DevelopmentTokenInput) input: DevelopmentTokenInput,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<z.infer<typeof DevelopmentTokenSchema>> {
    // Checked again here, not only by AppModule: this controller must never mint outside development.
    if (this.config.AUTH_MODE !== 'development')
      throw new Error('development token outside development mode');
    const { token, expiresAt } = await mintDevTokenWithExpiry({
      sub: input.subject,
      roles: [input.role],
      ...(input.org ? { org: input.org } : {}),
      ttlSeconds: input.expiresInSeconds,
      keysDir: this.config.DEV_KEYS_DIR,
    });
    res.setHeader('Cache-Control', 'no-store');
    return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }
}
