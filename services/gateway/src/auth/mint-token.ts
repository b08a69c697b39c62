import { jose } from './jose';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevKey } from './dev-keys';
import { Role } from './roles';

export interface MintOptions {
  sub: string;
  roles: Role[];
  org?: string;
  name?: string;
  ttlSeconds?: number;
  keysDir?: string;
}

export interface MintedToken {
  token: string;
  /** The token's `exp`. */
  expiresAt: Date;
}

/** A token from the development issuer, with its expiry. For local use and tests only. */
export async function mintDevTokenWithExpiry(options: MintOptions): Promise<MintedToken> {
  const key = loadOrCreateDevKey(options.keysDir);
  const claims: Record<string, unknown> = { roles: options.roles };
  if (options.org) claims.org = options.org;
  if (options.name) claims.name = options.name;
  const exp = Math.floor(Date.now() / 1000) + (options.ttlSeconds ?? 3600);
  const token = await new jose.SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** A token from the development issuer (`npm run token`). For local use and tests only. */
export async function mintDevToken(options: MintOptions): Promise<string> {
  return (await mintDevTokenWithExpiry(options)).token;
}
