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

/** A token from the development issuer. For local use and tests only. */
export async function mintDevToken(options: MintOptions): Promise<string> {
  const key = loadOrCreateDevKey(options.keysDir);
  const claims: Record<string, unknown> = { roles: options.roles };
  if (options.org) claims.org = options.org;
  if (options.name) claims.name = options.name;
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.ttlSeconds ?? 3600))
    .sign(key.privateKey);
}
