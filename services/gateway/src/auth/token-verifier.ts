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

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most (oldest forgotten first); 0 turns the cache off. */
  maxEntries?: number;
  /** How long a verified token is trusted without checking its signature again. */
  ttlMs?: number;
  /** The verifier's clock (epoch ms), injectable for tests. */
  now?: () => number;
}

export interface TokenVerifierOptions extends VerifiedTokenCacheOptions {
  /** Seconds of clock skew allowed on exp (and nbf), as jose applies it (AUTH_CLOCK_SKEW_SECONDS). */
  clockSkewSeconds?: number;
}

interface CachedUser {
  user: AuthenticatedUser;
  /** Epoch ms after which the entry is not used: the earlier of exp (+ tolerance) and the TTL. */
  until: number;
}

/**
 * Verifies bearer JWTs against a JWKS URL, a PEM public key, or the development key.
 *
 * A signature check costs about as much CPU as the rest of a request, and a client sends the
 * same token with every request, so successful verifications are remembered by the exact token
 * text (the same bytes verify the same way) until the token expires or `ttlMs` passes,
 * whichever is first. The TTL bounds how long a key removed from the JWKS keeps being accepted.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CachedUser>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  private readonly clockSkewS: number;

  private constructor(
    private readonly key: KeySource,
    readonly issuer: string,
    readonly audience: string,
    readonly mode: 'jwks' | 'public_key' | 'development',
    cache: TokenVerifierOptions = {},
  ) {
    this.maxEntries = cache.maxEntries ?? 10_000;
    this.ttlMs = cache.ttlMs ?? 60_000;
    this.clock = cache.now ?? Date.now;
    this.clockSkewS = cache.clockSkewSeconds ?? 30;
  }

  static fromConfig(config: GatewayConfig, options?: VerifiedTokenCacheOptions): TokenVerifier {
    const cache = { clockSkewSeconds: config.AUTH_CLOCK_SKEW_SECONDS, ...options };
    if (config.AUTH_JWKS_URL) {
      return new TokenVerifier(
        createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)),
        config.AUTH_ISSUER!,
        config.AUTH_AUDIENCE!,
        'jwks',
        cache,
      );
    }
    if (config.AUTH_PUBLIC_KEY_FILE) {
      const key = createPublicKey(readFileSync(config.AUTH_PUBLIC_KEY_FILE));
      return new TokenVerifier(key, config.AUTH_ISSUER!, config.AUTH_AUDIENCE!, 'public_key', cache);
    }
    // The config schema lets nothing else through; checked again so no other path can open it.
    if (config.AUTH_MODE !== 'development')
      throw new Error('No token verification configured and AUTH_MODE is not development.');
    const dev = loadOrCreateDevKey(config.DEV_KEYS_DIR);
    return new TokenVerifier(
      dev.publicKey,
      config.AUTH_ISSUER ?? DEV_ISSUER,
      config.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      'development',
      cache,
    );
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const now = this.clock();
    const cached = this.cache.get(token);
    if (cached) {
      if (now < cached.until) return cached.user;
      this.cache.delete(token);
    }
    const { user, exp } = await this.verifySignature(token, now);
    this.remember(token, user, exp, now);
    return user;
  }

  private remember(token: string, user: AuthenticatedUser, exp: number, now: number): void {
    if (this.maxEntries <= 0) return;
    const until = Math.min((exp + this.clockSkewS) * 1000, now + this.ttlMs);
    if (until <= now) return;
    if (this.cache.size >= this.maxEntries) {
      // Map iteration order is insertion order: forget the oldest.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(token, { user, until });
  }

  private async verifySignature(token: string, now: number): Promise<{ user: AuthenticatedUser; exp: number }> {
    let payload: JWTPayload;
    try {
      const options = {
        currentDate: new Date(now),
        issuer: this.issuer,
        audience: this.audience,
        clockTolerance: this.clockSkewS,
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
    // exp is a required claim, so jose has checked that it is a number.
    return { user: userFromClaims(payload), exp: payload.exp! };
  }
}
