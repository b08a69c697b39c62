import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JWTPayload } from 'jose';
import { jose } from './jose';

const { createRemoteJWKSet, errors, jwtVerify } = jose;
import { z } from 'zod';
import { DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevKey } from './dev-keys';
import { AuthenticatedUser, isRole, Role } from './roles';
import type { GatewayConfig } from '../config';

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  roles: z.array(z.string()).optional(),
  role: z.string().optional(),
  org: z.string().min(1).max(200).optional(),
});

/** Only known roles count; a partner without an organization cannot be scoped, so it is refused. */
export function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw new InvalidTokenError('The token lacks a valid subject or roles.');
  const { sub, roles = [], role, org } = parsed.data;
  const known: Role[] = [...new Set([...roles, ...(role ? [role] : [])])].filter(isRole);
  if (known.length === 0) throw new InvalidTokenError('The token carries no known role.');
  if (known.includes('partner') && !org)
    throw new InvalidTokenError('A partner token must carry an org claim.');
  return org ? { id: sub, roles: known, org } : { id: sub, roles: known };
}

type KeySource = KeyObject | ReturnType<typeof createRemoteJWKSet>;

/** Verifies bearer JWTs against a JWKS URL, a PEM public key, or the development key. */
export class TokenVerifier {
  private constructor(
    private readonly key: KeySource,
    readonly issuer: string,
    readonly audience: string,
    readonly mode: 'jwks' | 'public_key' | 'development',
  ) {}

  static fromConfig(config: GatewayConfig): TokenVerifier {
    if (config.AUTH_JWKS_URL) {
      return new TokenVerifier(
        createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)),
        config.AUTH_ISSUER!,
        config.AUTH_AUDIENCE!,
        'jwks',
      );
    }
    if (config.AUTH_PUBLIC_KEY_FILE) {
      const key = createPublicKey(readFileSync(config.AUTH_PUBLIC_KEY_FILE));
      return new TokenVerifier(key, config.AUTH_ISSUER!, config.AUTH_AUDIENCE!, 'public_key');
    }
    const dev = loadOrCreateDevKey(config.DEV_KEYS_DIR);
    return new TokenVerifier(
      dev.publicKey,
      config.AUTH_ISSUER ?? DEV_ISSUER,
      config.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      'development',
    );
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.issuer,
        audience: this.audience,
        clockTolerance: 30,
        requiredClaims: ['exp', 'sub'],
      };
      // Two calls rather than a union argument: jose types the key getter and a key separately.
      payload =
        this.key instanceof KeyObject
          ? (await jwtVerify(token, this.key, options)).payload
          : (await jwtVerify(token, this.key, options)).payload;
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new InvalidTokenError('The bearer token has expired.');
      throw new InvalidTokenError('The bearer token is not valid.');
    }
    return userFromClaims(payload);
  }
}
