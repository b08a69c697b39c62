import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jose } from '../src/auth/jose';

const { SignJWT } = jose;
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '@lse/service-kit';
import { natsUrl } from '@lse/testing';
import { gatewayConfigSchema } from '../src/config';
import { DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevKey } from '../src/auth/dev-keys';
import { mintDevToken } from '../src/auth/mint-token';
import { InvalidTokenError, TokenVerifier } from '../src/auth/token-verifier';
import { PROBLEM_TYPE, startGateway, TestGateway } from './support/gateway-harness';

const devConfig = (env: Record<string, string> = {}) =>
  loadConfig(gatewayConfigSchema, { NATS_URL: natsUrl(), AUTH_MODE: 'development', ...env });

describe('token minting and verification', () => {
  const verifier = TokenVerifier.fromConfig(devConfig());

  it('verifies a development token and reads subject, roles and org', async () => {
    const token = await mintDevToken({ sub: 'p-7', roles: ['partner'], org: 'worker-center-3' });
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'p-7',
      roles: ['partner'],
      org: 'worker-center-3',
    });
    expect(verifier.mode).toBe('development');
  });

  it('accepts a single `role` claim and ignores unknown roles', async () => {
    const key = loadOrCreateDevKey();
    const token = await new SignJWT({ role: 'auditor', roles: ['superuser'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('a-1')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('5m')
      .sign(key.privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'a-1', roles: ['auditor'] });
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 120 }, 'The bearer token has expired.'],
    ['wrong issuer', { iss: 'https://evil.example' }, 'The bearer token is not valid.'],
    ['wrong audience', { aud: 'another-api' }, 'The bearer token is not valid.'],
    ['partner without org', { roles: ['partner'] }, 'A partner token must carry an org claim.'],
    ['no known role', { roles: ['root'] }, 'The token carries no known role.'],
  ])('rejects a token with %s', async (_case, override, message) => {
    const key = loadOrCreateDevKey();
    const claims = {
      roles: ['investigator'],
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: 'u',
      exp: Math.floor(Date.now() / 1000) + 60,
      ...override,
    };
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).sign(key.privateKey);
    await expect(verifier.verify(token)).rejects.toThrow(new InvalidTokenError(message));
  });

  it('rejects a token signed by another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('verifies against a PEM public key file with the configured issuer and audience', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const file = join(mkdtempSync(join(tmpdir(), 'lse-key-')), 'public.pem');
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    const env = {
      NATS_URL: natsUrl(),
      AUTH_PUBLIC_KEY_FILE: file,
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'lse',
    };
    const pemVerifier = TokenVerifier.fromConfig(loadConfig(gatewayConfigSchema, env));
    const sign = (iss: string) =>
      new SignJWT({ roles: ['supervisor'] })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('s-1')
        .setIssuer(iss)
        .setAudience('lse')
        .setExpirationTime('5m')
        .sign(privateKey);
    await expect(pemVerifier.verify(await sign('https://idp.example'))).resolves.toEqual({
      id: 's-1',
      roles: ['supervisor'],
    });
    await expect(pemVerifier.verify(await sign('https://other.example'))).rejects.toThrow(InvalidTokenError);
    // The development key is not accepted once a real key is configured.
    await expect(pemVerifier.verify(await mintDevToken({ sub: 'd', roles: ['admin'] }))).rejects.toThrow(
      InvalidTokenError,
    );
  });

  it('remembers a verified token no longer than it is valid', async () => {
    let now = Date.now();
    const cached = TokenVerifier.fromConfig(devConfig(), { ttlMs: 60_000, now: () => now });
    const token = await mintDevToken({ sub: 'c-1', roles: ['investigator'], ttlSeconds: 120 });
    await expect(cached.verify(token)).resolves.toEqual({ id: 'c-1', roles: ['investigator'] });
    now += 50_000; // from the cache
    await expect(cached.verify(token)).resolves.toEqual({ id: 'c-1', roles: ['investigator'] });
    now += 120_000; // past exp and the 30 s tolerance: checked again, and refused
    await expect(cached.verify(token)).rejects.toThrow(
      new InvalidTokenError('The bearer token has expired.'),
    );
    // A refused token is not remembered either.
    await expect(cached.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('accepts a token up to AUTH_CLOCK_SKEW_SECONDS after exp (default 30), not longer', async () => {
    const key = loadOrCreateDevKey();
    const expiredAgo = (seconds: number) =>
      new SignJWT({ roles: ['investigator'] })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject('skew-1')
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setExpirationTime(Math.floor(Date.now() / 1000) - seconds)
        .sign(key.privateKey);
    const fresh = () => ({ maxEntries: 0 });
    await expect(
      TokenVerifier.fromConfig(devConfig(), fresh()).verify(await expiredAgo(20)),
    ).resolves.toEqual({
      id: 'skew-1',
      roles: ['investigator'],
    });
    await expect(TokenVerifier.fromConfig(devConfig(), fresh()).verify(await expiredAgo(40))).rejects.toThrow(
      new InvalidTokenError('The bearer token has expired.'),
    );
    const strict = TokenVerifier.fromConfig(devConfig({ AUTH_CLOCK_SKEW_SECONDS: '5' }), fresh());
    await expect(strict.verify(await expiredAgo(20))).rejects.toThrow(
      new InvalidTokenError('The bearer token has expired.'),
    );
    const lenient = TokenVerifier.fromConfig(devConfig({ AUTH_CLOCK_SKEW_SECONDS: '120' }), fresh());
    await expect(lenient.verify(await expiredAgo(90))).resolves.toMatchObject({ id: 'skew-1' });
    expect(() => devConfig({ AUTH_CLOCK_SKEW_SECONDS: '-1' })).toThrow(/AUTH_CLOCK_SKEW_SECONDS/);
  });

  it('never falls back to the development issuer: without AUTH_* or AUTH_MODE=development the config is refused', () => {
    expect(() => loadConfig(gatewayConfigSchema, { NATS_URL: natsUrl() })).toThrow(
      /AUTH_JWKS_URL[\s\S]*AUTH_MODE=development/,
    );
    expect(() => loadConfig(gatewayConfigSchema, { NATS_URL: natsUrl(), AUTH_MODE: 'dev' })).toThrow(
      /AUTH_MODE/,
    );
    // Development mode and a real issuer together are a mistake, not a choice.
    expect(() =>
      loadConfig(gatewayConfigSchema, {
        AUTH_MODE: 'development',
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        AUTH_ISSUER: 'https://idp.example',
        AUTH_AUDIENCE: 'lse',
      }),
    ).toThrow(/AUTH_MODE/);
  });

  it('a gateway process started without AUTH_* or AUTH_MODE refuses to start and says what to set', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_PORT: '1', NATS_URL: natsUrl() };
    for (const name of Object.keys(env)) if (name.startsWith('AUTH_')) delete env[name];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../src/main.ts')], {
      cwd: join(__dirname, '../../..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUTH_JWKS_URL: no token verification configured/);
    expect(stderr).toMatch(/AUTH_MODE=development/);
    expect(stderr).toMatch(/AUTH_ISSUER and AUTH_AUDIENCE/);
  }, 60_000);

  it('requires issuer and audience with a JWKS URL, naming the variables', () => {
    expect(() => loadConfig(gatewayConfigSchema, { AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /AUTH_ISSUER[\s\S]*AUTH_AUDIENCE/,
    );
  });
});

describe('authentication and authorization over HTTP', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.close());

  it('returns the actor from the token on /api/v1/whoami', async () => {
    const token = await gw.token('partner', 'p-1', 'org-42');
    const res = await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body).toEqual({ id: 'p-1', role: 'partner', org: 'org-42' });
  });

  it('answers 401 problem+json with WWW-Authenticate: Bearer without a token', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/whoami')
      .expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({
      type: 'https://lse.example/problems/unauthorized',
      status: 401,
      title: expect.any(String),
    });
  });

  it('answers 401 with error="invalid_token" for a bad token', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', 'Bearer not.a.jwt')
      .expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.body.type).toMatch(PROBLEM_TYPE);
  });

  it('answers 403 problem+json for the wrong role and lets the right role through', async () => {
    const investigator = await gw.token('investigator');
    const res = await request(gw.server as never)
      .post('/api/v1/test/supervisor-only')
      .set('Authorization', `Bearer ${investigator}`)
      .expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/forbidden', status: 403 });
    const supervisor = await gw.token(['investigator', 'supervisor'], 'sup-1');
    const ok = await request(gw.server as never)
      .post('/api/v1/test/supervisor-only')
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(201);
    // The actor's role is the one that authorized the route.
    expect(ok.body).toEqual({ id: 'sup-1', role: 'supervisor' });
  });

  it('refuses a route that declares no roles (fails closed)', async () => {
    const admin = await gw.token('admin');
    await request(gw.server as never)
      .get('/api/v1/test/no-roles')
      .set('Authorization', `Bearer ${admin}`)
      .expect(403);
  });

  it('leaves health, metrics and the API document public', async () => {
    await request(gw.server as never)
      .get('/health/live')
      .expect(200);
    await request(gw.server as never)
      .get('/metrics')
      .expect(200);
    await request(gw.server as never)
      .get('/api/docs/openapi.json')
      .expect(200);
  });
});
