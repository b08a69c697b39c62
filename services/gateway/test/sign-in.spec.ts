/**
 * What the workbench needs before anyone has signed in (issue 19): how to sign in
 * (GET /api/v1/auth/config), and in development mode only a token from the development issuer
 * (POST /api/v1/auth/development-token), which this gateway's verifier accepts.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { jose } from '../src/auth/jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../src/auth/dev-keys';
import { PROBLEM_TYPE, startGateway, TestGateway } from './support/gateway-harness';

/** A gateway that verifies real tokens: a PEM public key, as a deployment configures it. */
function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const file = join(mkdtempSync(join(tmpdir(), 'lse-key-')), 'public.pem');
  writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    AUTH_MODE: '',
    AUTH_PUBLIC_KEY_FILE: file,
    AUTH_ISSUER: 'https://idp.agency.example/realms/staff',
    AUTH_AUDIENCE: 'lse',
    ...extra,
  };
}

const withoutCorrelation = (body: Record<string, unknown>) => {
  const { correlationId: _c, detail: _d, ...rest } = body;
  return rest;
};

describe('sign-in in development mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.close());

  const mint = (body: unknown) =>
    request(gw.server as never)
      .post('/api/v1/auth/development-token')
      .send(body as object);

  it('says to use the development issuer, without a token', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/auth/config')
      .expect(200);
    expect(res.body).toEqual({ mode: 'development' });
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('mints a token without a token that /api/v1/whoami then accepts, as npm run token mints it', async () => {
    const before = Date.now();
    const res = await mint({ role: 'investigator', subject: 'ivan.r@agency', expiresInSeconds: 600 }).expect(
      201,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const expiresAt = Date.parse(res.body.expiresAt as string);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
    // The development issuer's claims, as `npm run token` writes them.
    const claims = jose.decodeJwt(res.body.accessToken as string);
    expect(claims).toMatchObject({
      sub: 'ivan.r@agency',
      roles: ['investigator'],
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
    });
    expect(claims.exp! * 1000).toBe(expiresAt);
    expect(jose.decodeProtectedHeader(res.body.accessToken as string)).toMatchObject({
      alg: 'EdDSA',
      typ: 'JWT',
    });
    const who = await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', `Bearer ${res.body.accessToken as string}`)
      .expect(200);
    expect(who.body).toEqual({ id: 'ivan.r@agency', role: 'investigator' });
  });

  it('gives a partner user its organization, and lasts 8 hours unless asked otherwise', async () => {
    const res = await mint({ role: 'partner', subject: 'rosa', org: 'worker-center-3' }).expect(201);
    const hours = (Date.parse(res.body.expiresAt as string) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.99);
    expect(hours).toBeLessThanOrEqual(8);
    const who = await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', `Bearer ${res.body.accessToken as string}`)
      .expect(200);
    expect(who.body).toEqual({ id: 'rosa', role: 'partner', org: 'worker-center-3' });
  });

  it.each([
    ['an unknown role', { role: 'root', subject: 'x' }, ['role']],
    ['no subject', { role: 'auditor' }, ['subject']],
    ['an empty subject', { role: 'auditor', subject: '' }, ['subject']],
    ['a subject with a space', { role: 'auditor', subject: 'ana ruiz' }, ['subject']],
    ['a subject with a slash', { role: 'auditor', subject: '../x' }, ['subject']],
    ['a subject over 100 characters', { role: 'auditor', subject: 'a'.repeat(101) }, ['subject']],
    ['a partner without an organization', { role: 'partner', subject: 'p' }, ['org']],
    ['an organization for staff', { role: 'supervisor', subject: 's', org: 'wc-1' }, ['org']],
    [
      'a lifetime under 10 seconds',
      { role: 'auditor', subject: 'a', expiresInSeconds: 9 },
      ['expiresInSeconds'],
    ],
    [
      'a lifetime over 12 hours',
      { role: 'auditor', subject: 'a', expiresInSeconds: 43_201 },
      ['expiresInSeconds'],
    ],
    [
      'a fractional lifetime',
      { role: 'auditor', subject: 'a', expiresInSeconds: 60.5 },
      ['expiresInSeconds'],
    ],
    ['an unknown field', { role: 'auditor', subject: 'a', roles: ['admin'] }, ['']],
  ])('refuses %s with 400 naming the field', async (_case, body, paths) => {
    const res = await mint(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(PROBLEM_TYPE);
    const errors = res.body.errors as Array<{ path: string; message: string }>;
    expect([...new Set(errors.map((e) => e.path))]).toEqual(paths);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it('takes JSON only (415 for a form)', async () => {
    await request(gw.server as never)
      .post('/api/v1/auth/development-token')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('role=admin&subject=a')
      .expect(415);
  });
});

describe('sign-in when the gateway verifies real tokens', () => {
  let gw: TestGateway;
  let custom: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(productionEnv());
    custom = await startGateway(
      productionEnv({
        AUTH_OIDC_AUTHORITY: 'https://login.agency.example/oidc',
        AUTH_CLIENT_ID: 'staff-workbench',
        AUTH_SCOPE: 'openid profile email',
      }),
    );
  });
  afterAll(async () => {
    await gw?.close();
    await custom?.close();
  });

  it('names the OIDC provider (AUTH_ISSUER by default), the client id and the scopes', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/auth/config')
      .expect(200);
    expect(res.body).toEqual({
      mode: 'oidc',
      authority: 'https://idp.agency.example/realms/staff',
      clientId: 'lse-workbench',
      scope: 'openid profile',
    });
    const own = await request(custom.server as never)
      .get('/api/v1/auth/config')
      .expect(200);
    expect(own.body).toEqual({
      mode: 'oidc',
      authority: 'https://login.agency.example/oidc',
      clientId: 'staff-workbench',
      scope: 'openid profile email',
    });
  });

  it('has no development-token route: 404 problem+json for every method, like any unknown route', async () => {
    const unknown = await request(gw.server as never)
      .post('/api/v1/auth/no-such-route')
      .send({ role: 'admin', subject: 'mallory' })
      .expect(404);
    for (const method of ['post', 'get', 'put', 'delete'] as const) {
      const res = await request(gw.server as never)
        [method]('/api/v1/auth/development-token')
        .send({ role: 'admin', subject: 'mallory' })
        .expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(withoutCorrelation(res.body as Record<string, unknown>)).toEqual(
        withoutCorrelation(unknown.body as Record<string, unknown>),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/eyJ/);
    }
  });

  it('refuses a development token: the route being absent is not the only guard', async () => {
    const dev = await startGateway();
    try {
      const { body } = await request(dev.server as never)
        .post('/api/v1/auth/development-token')
        .send({ role: 'admin', subject: 'a' })
        .expect(201);
      await request(gw.server as never)
        .get('/api/v1/whoami')
        .set('Authorization', `Bearer ${body.accessToken as string}`)
        .expect(401);
    } finally {
      await dev.close();
    }
  });
});
