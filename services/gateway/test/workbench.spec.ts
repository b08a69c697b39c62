/**
 * The gateway serves the staff workbench at `/` (issue 19) from WORKBENCH_DIR, with security
 * headers on every response and a Content-Security-Policy on the app's HTML; the API stays under
 * /api/v1 and nothing outside the directory, or starting with a dot, is ever served.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DOCS_CSP } from '../src/openapi/openapi.controller';
import { SECURITY_HEADERS } from '../src/http/security-headers';
import { workbenchCsp } from '../src/workbench/workbench';
import { PROBLEM_TYPE, startGateway, TestGateway } from './support/gateway-harness';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>\n';
const SCRIPT = 'console.log("workbench");\n';
const SECRET = 'DATABASE_PASSWORD=do-not-serve\n';

/** A build as Vite writes it, a dotfile in it, and a secret beside it (and linked into it). */
function fixture(withIndex = true): { dir: string } {
  const base = mkdtempSync(join(tmpdir(), 'lse-workbench-'));
  const dir = join(base, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  if (withIndex) writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'uswds-7b2e.css'), 'body{margin:0}\n');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(dir, '.env'), SECRET);
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(dir, 'assets', 'linked.txt'));
  return { dir };
}

/** A request sent exactly as written (no client normalizes `..` away). */
async function raw(server: Server, path: string, accept = '*/*'): Promise<{ status: number; body: string }> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { accept } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function expectSecurityHeaders(headers: Record<string, string>, where: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect([where, name, headers[name.toLowerCase()]]).toEqual([where, name, value]);
}

describe('the workbench served by the gateway', () => {
  let gw: TestGateway;
  let server: Server;
  const { dir } = fixture();
  beforeAll(async () => {
    gw = await startGateway({ WORKBENCH_DIR: dir });
    server = gw.server as Server;
  });
  afterAll(async () => {
    if (server.listening) await new Promise((resolve) => server.close(resolve));
    await gw.close();
  });

  it('serves index.html at / with its Content-Security-Policy, revalidated before each use', async () => {
    const res = await request(server).get('/').expect(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(workbenchCsp());
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-X1c3TVBicCSN/EvqCdjxmaZE3pVYKMj7+PVa+fAz6fA='; " +
        "img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; " +
        "object-src 'none'",
    );
    // Revalidation: the same file again is a 304.
    await request(server).get('/').set('If-None-Match', res.headers.etag).expect(304);
  });

  it('answers a page of the app a browser navigates to with index.html (the app routes in the browser)', async () => {
    for (const path of [
      '/cases/123/hours',
      '/sign-in?returnTo=%2Fcases%2F123',
      '/my-work',
      '/assets/',
      '/index',
    ]) {
      const res = await request(server).get(path).set('Accept', HTML).expect(200);
      expect([path, res.text]).toEqual([path, INDEX]);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(workbenchCsp());
    }
  });

  it('serves content-hashed assets for a year, other files revalidated, each in its media type', async () => {
    const script = await request(server).get('/assets/index-3f9a1c.js').expect(200);
    expect(script.text).toBe(SCRIPT);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-security-policy']).toBeUndefined();
    const css = await request(server).get('/assets/uswds-7b2e.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const icon = await request(server).get('/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD like GET without a body; other methods are not the app', async () => {
    const head = await request(server).head('/assets/index-3f9a1c.js').expect(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(head.text ?? '').toBe('');
    const post = await request(server).post('/').set('Accept', HTML).send({}).expect(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a missing file asked for by anything but a browser navigating with a 404 problem', async () => {
    for (const path of ['/assets/missing-0000.js', '/favicon.ico', '/cases/123']) {
      const res = await request(server).get(path).set('Accept', '*/*').expect(404);
      expect([path, res.headers['content-type']]).toEqual([
        path,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(res.body.type).toMatch(PROBLEM_TYPE);
    }
  });

  it('never answers /api, /health or /metrics with the app, even for a browser', async () => {
    const unknown = await request(server).get('/api/v1/no-such-thing').set('Accept', HTML).expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(server).get('/API/nothing').set('Accept', HTML).expect(404);
    await request(server).get('/api').set('Accept', HTML).expect(404);
    const index = await request(server).get('/api/v1').set('Accept', HTML).expect(200);
    expect(index.body.name).toBe('Labor standards enforcement API');
    const live = await request(server).get('/health/live').set('Accept', HTML).expect(200);
    expect(live.headers['content-type']).toMatch(/^application\/json/);
    const metrics = await request(server).get('/metrics').set('Accept', HTML).expect(200);
    expect(metrics.text).not.toContain('<div id="root">');
    const whoami = await request(server).get('/api/v1/whoami').set('Accept', HTML).expect(401);
    expect(whoami.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never serves a dotfile, or anything outside the directory (path traversal, symbolic links)', async () => {
    const attempts = [
      '/.env',
      '/.git/config',
      '/%2eenv',
      '/assets/../.env',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '//..//..//secret.txt',
      '/assets/linked.txt',
      '/%00/../secret.txt',
    ];
    for (const path of attempts) {
      for (const accept of ['*/*', HTML]) {
        const res = await raw(server, path, accept);
        expect({ path, accept, leaked: res.body.includes('do-not-serve') }).toEqual({
          path,
          accept,
          leaked: false,
        });
        // A browser navigating gets the app (whose router says "not found"); anything else a 404 (400).
        if (accept === HTML && res.status === 200) expect([path, res.body]).toEqual([path, INDEX]);
        else
          expect({ path, accept, refused: [400, 404].includes(res.status) }).toEqual({
            path,
            accept,
            refused: true,
          });
      }
    }
  });

  it('puts the security headers on every response: app, assets, API, errors, health, docs', async () => {
    const token = await gw.token('auditor');
    const etag = (await request(server).get('/assets/index-3f9a1c.js')).headers.etag;
    const responses: Array<[string, request.Response]> = [
      ['/', await request(server).get('/')],
      ['/cases/1', await request(server).get('/cases/1').set('Accept', HTML)],
      ['asset', await request(server).get('/assets/index-3f9a1c.js')],
      ['304', await request(server).get('/assets/index-3f9a1c.js').set('If-None-Match', etag)],
      ['missing asset', await request(server).get('/assets/nothing.js')],
      ['/api/v1', await request(server).get('/api/v1')],
      ['whoami', await request(server).get('/api/v1/whoami').set('Authorization', `Bearer ${token}`)],
      ['401', await request(server).get('/api/v1/whoami')],
      ['405', await request(server).delete('/api/v1/whoami')],
      ['400', await request(server).post('/api/v1/auth/development-token').send({})],
      [
        '413',
        await request(server)
          .post('/api/v1/auth/development-token')
          .set('Content-Type', 'application/json')
          .send(`"${'x'.repeat(1_100_000)}"`),
      ],
      [
        'bad JSON',
        await request(server)
          .post('/api/v1/auth/development-token')
          .set('Content-Type', 'application/json')
          .send('{'),
      ],
      ['health', await request(server).get('/health/live')],
      ['metrics', await request(server).get('/metrics')],
      ['docs', await request(server).get('/api/docs')],
      ['docs asset', await request(server).get('/api/docs/viewer.js')],
    ];
    for (const [where, res] of responses) expectSecurityHeaders(res.headers, `${where} ${res.status}`);
    expect(responses.map(([where, res]) => [where, res.status])).toEqual([
      ['/', 200],
      ['/cases/1', 200],
      ['asset', 200],
      ['304', 304],
      ['missing asset', 404],
      ['/api/v1', 200],
      ['whoami', 200],
      ['401', 401],
      ['405', 405],
      ['400', 400],
      ['413', 413],
      ['bad JSON', 400],
      ['health', 200],
      ['metrics', 200],
      ['docs', 200],
      ['docs asset', 200],
    ]);
  });

  it('keeps the API viewer working: its own CSP (its inline styles), its script and styles from the gateway', async () => {
    const docs = await request(server).get('/api/docs').expect(200);
    expect(docs.headers['content-security-policy']).toBe(DOCS_CSP);
    const scripts = [...docs.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/api/docs/assets/swagger-ui-bundle.js', '/api/docs/viewer.js']);
    expect(docs.text).not.toMatch(/<script>/);
    for (const path of [...scripts, '/api/docs/assets/swagger-ui.css', '/api/docs/openapi.json'])
      await request(server).get(path).expect(200);
  });
});

describe('the workbench not built yet', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ WORKBENCH_DIR: fixture(false).dir });
  });
  afterAll(() => gw.close());

  it('answers / and pages of the app with 503 and how to build it; files and the API as before', async () => {
    for (const [path, accept] of [
      ['/', '*/*'],
      ['/', HTML],
      ['/cases/123/hours', HTML],
    ]) {
      const res = await request(gw.server as never)
        .get(path)
        .set('Accept', accept)
        .expect(503);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('npm run workbench:build');
      expect(res.headers['content-security-policy']).toBe(workbenchCsp());
      expectSecurityHeaders(res.headers, path);
    }
    await request(gw.server as never)
      .get('/assets/index-3f9a1c.js')
      .expect(200);
    const missing = await request(gw.server as never)
      .get('/assets/index-0000.js')
      .expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(gw.server as never)
      .get('/api/v1')
      .expect(200);
  });

  it('serves a build made while the gateway runs', async () => {
    const dir = fixture(false).dir;
    const later = await startGateway({ WORKBENCH_DIR: dir });
    try {
      await request(later.server as never)
        .get('/')
        .expect(503);
      writeFileSync(join(dir, 'index.html'), INDEX);
      const res = await request(later.server as never)
        .get('/')
        .expect(200);
      expect(res.text).toBe(INDEX);
    } finally {
      await later.close();
    }
  });
});

describe('the workbench with an OIDC provider', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const file = join(mkdtempSync(join(tmpdir(), 'lse-key-')), 'public.pem');
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    gw = await startGateway({
      WORKBENCH_DIR: fixture().dir,
      AUTH_MODE: '',
      AUTH_PUBLIC_KEY_FILE: file,
      AUTH_ISSUER: 'https://idp.agency.example/realms/staff',
      AUTH_AUDIENCE: 'lse',
    });
  });
  afterAll(() => gw.close());

  it("lets the app's pages reach the provider's origin (and only it): fetch, silent renew frame, sign-in form", async () => {
    const res = await request(gw.server as never)
      .get('/cases/1')
      .set('Accept', HTML)
      .expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toBe(workbenchCsp('https://idp.agency.example'));
    expect(csp).toContain("connect-src 'self' https://idp.agency.example;");
    expect(csp).toContain('frame-src https://idp.agency.example;');
    expect(csp).toContain("form-action 'self' https://idp.agency.example;");
    expect(csp).not.toContain('/realms');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
