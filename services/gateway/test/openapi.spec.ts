import { readFileSync } from 'node:fs';
import request from 'supertest';
import { gatewayOpenApiDocument, OPENAPI_FILE, serializeDocument } from '../src/openapi/openapi';
import { registeredEndpoints } from '../src/openapi/endpoint';
import { startGateway, TestGateway } from './support/gateway-harness';

describe('OpenAPI document', () => {
  it('matches the committed services/gateway/openapi.json (run `npm run openapi` after changing routes)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(serializeDocument(gatewayOpenApiDocument()));
  });

  it('declares roles for every operation and documents problem responses', () => {
    const doc = gatewayOpenApiDocument() as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; responses: Record<string, unknown> }>>;
    };
    expect(registeredEndpoints().length).toBeGreaterThan(0);
    for (const spec of registeredEndpoints().filter((s) => !s.public)) {
      const op = doc.paths[`/api/v1/${spec.path.replace(/:(\w+)/g, '{$1}')}`][spec.method.toLowerCase()];
      expect(op['x-roles']).toEqual(spec.roles);
      expect(op.responses['401']).toBeDefined();
    }
    expect(doc.paths['/api/v1/whoami'].get.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { type: 'object' } } },
    });
  });

  describe('says what a client needs (issue 18, item 8)', () => {
    type Op = {
      operationId: string;
      description?: string;
      parameters: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
      requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
      responses: Record<
        string,
        {
          content?: Record<string, unknown>;
          headers?: Record<string, unknown>;
          links?: Record<string, unknown>;
        }
      >;
    };
    const doc = gatewayOpenApiDocument() as { paths: Record<string, Record<string, Op>> };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    const byId = (id: string) => ops.find((o) => o.op.operationId === id)!.op;

    it('documents 404 for every operation that names a resource in its path', () => {
      const named = ops.filter((o) => o.op.operationId && o.path.includes('{'));
      expect(named.length).toBeGreaterThan(30);
      for (const { path, method, op } of named)
        expect([method, path, op.responses['404']]).toEqual([method, path, expect.anything()]);
    });

    it('documents 409 for every versioned write, and 415 and 422 for every write', () => {
      const authenticated = (o: (typeof ops)[number]) =>
        (o.op as { security?: unknown[] }).security?.length !== 0;
      for (const { op } of ops.filter((o) => o.op.operationId && o.method === 'post' && authenticated(o))) {
        for (const status of ['409', '413', '415', '422'])
          expect([op.operationId, status, op.responses[status]]).toEqual([
            op.operationId,
            status,
            expect.anything(),
          ]);
      }
      expect(byId('getBackWageTrace').responses['409']).toBeDefined();
    });

    it('types every `limit` as an integer from 1 to 200', () => {
      const limits = ops.flatMap((o) => o.op.parameters?.filter((p) => p.name === 'limit') ?? []);
      expect(limits.length).toBeGreaterThan(10);
      for (const p of limits) expect(p.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    });

    it('gives every operation a response schema, in each media type it answers', () => {
      for (const { op } of ops.filter((o) => o.op.operationId)) {
        const success = Object.entries(op.responses).find(([s]) => s.startsWith('2'))![1];
        expect([op.operationId, Object.keys(success.content ?? {}).length]).toEqual([
          op.operationId,
          expect.any(Number),
        ]);
        expect(Object.keys(success.content ?? {})).not.toHaveLength(0);
      }
      expect(Object.keys(byId('releasedFoiaPackage').responses['200'].content!)).toEqual([
        'application/json',
        'text/html',
      ]);
      expect(Object.keys(byId('getDebtorStatement').responses['200'].content!)).toEqual([
        'application/json',
        'text/html',
      ]);
      expect(Object.keys(byId('getWorkerStatement').responses['200'].content!)).toEqual([
        'application/json',
        'text/html',
      ]);
      expect(JSON.stringify(byId('getFoiaRequest').responses['200'].content)).toContain('compilations');
      const collection = JSON.stringify(byId('getCollectionCase').responses['200'].content);
      expect(collection).toContain('debtorId');
      expect(collection).toContain('workerId');
    });

    it('states the rules the server enforces: a complaint has a complainant unless agency-initiated', () => {
      const body = JSON.stringify(byId('receiveComplaint').requestBody!.content['application/json'].schema);
      expect(body).toContain('"complainants":{"minItems":1}');
    });

    it('says which ids come from which earlier answer', () => {
      expect(byId('submitReferral').responses['201'].links).toMatchObject({
        getComplaint: { operationId: 'getComplaint', parameters: { caseId: '$response.body#/id' } },
      });
      expect(byId('receiveComplaint').responses['201'].links).toMatchObject({
        getInvestigation: {
          operationId: 'getInvestigation',
          parameters: { caseId: '$response.body#/caseId' },
        },
      });
      expect(byId('recordHoursAndWages').description).toMatch(/complainantId/);
      expect(byId('changeWorkerConsent').description).toMatch(/consents/);
      expect(byId('getDebtorStatement').description).toMatch(/debtors/);
    });

    it('marks only the sign-in routes public (security: []), each with only the errors it can answer', () => {
      const publicOps = ops.filter(
        (o) => o.op.operationId && (o.op as { security?: unknown[] }).security?.length === 0,
      );
      expect(publicOps.map((o) => `${o.method} ${o.path} ${o.op.operationId}`)).toEqual([
        'get /api/v1/auth/config authConfig',
        'post /api/v1/auth/development-token createDevelopmentToken',
      ]);
      for (const { op } of publicOps) {
        expect(op).not.toHaveProperty('x-roles');
        expect(Object.keys(op.responses)).not.toEqual(expect.arrayContaining(['401']));
        expect(Object.keys(op.responses)).not.toEqual(expect.arrayContaining(['403']));
        expect(op.parameters.map((p) => p.name)).not.toContain('Idempotency-Key');
      }
      expect(Object.keys(byId('authConfig').responses)).toEqual(['200']);
      const mint = byId('createDevelopmentToken');
      expect(Object.keys(mint.responses)).toEqual(['201', '400', '404', '413', '415']);
      expect(mint.description).toMatch(/AUTH_MODE=development/);
      expect(JSON.stringify(mint.requestBody!.content['application/json'].schema)).toContain(
        '"expiresInSeconds"',
      );
    });

    it('marks what appears only after another service reacts: 404 with Retry-After', () => {
      for (const id of ['getInvestigation', 'getCollectionCase', 'getComplaint', 'recordPayment'].filter(
        (i) => ops.some((o) => o.op.operationId === i),
      )) {
        expect([id, byId(id).responses['404'].headers]).toEqual([id, { 'Retry-After': expect.anything() }]);
        expect(byId(id).description).toMatch(/Eventual: /);
      }
    });
  });

  describe('served', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startGateway({}, []);
    });
    afterAll(() => gw.close());

    it('at /api/docs/openapi.json and /api/docs without authentication', async () => {
      const res = await request(gw.server as never)
        .get('/api/docs/openapi.json')
        .expect(200);
      expect(res.body).toEqual(gatewayOpenApiDocument());
      await request(gw.server as never)
        .get('/api/docs')
        .expect(200)
        .expect('Content-Type', /text\/html/);
    });

    it('/api/docs is a real API reference viewer (Swagger UI) whose assets come from the gateway, allowed by its CSP', async () => {
      const page = await request(gw.server as never)
        .get('/api/docs')
        .expect(200);
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/https?:/);
      const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toEqual(
        expect.arrayContaining([
          '/api/docs/assets/swagger-ui-bundle.js',
          '/api/docs/assets/swagger-ui.css',
          '/api/docs/viewer.js',
        ]),
      );
      for (const source of sources.filter((s) => s.startsWith('/api/docs/') && !s.endsWith('.json'))) {
        const asset = await request(gw.server as never)
          .get(source)
          .expect(200);
        expect(Number(asset.headers['content-length'] ?? (asset.body as Buffer).length)).toBeGreaterThan(0);
      }
      const bundle = await request(gw.server as never)
        .get('/api/docs/assets/swagger-ui-bundle.js')
        .expect(200)
        .expect('Content-Type', /javascript/);
      expect(bundle.text ?? String(bundle.body)).toContain('SwaggerUIBundle');
      const viewer = await request(gw.server as never)
        .get('/api/docs/viewer.js')
        .expect(200);
      expect(viewer.text).toContain("url: '/api/docs/openapi.json'");
      await request(gw.server as never)
        .get('/api/docs/assets/package.json')
        .expect(404);
      await request(gw.server as never)
        .get('/api/docs/assets/..%2F..%2Fpackage.json')
        .expect(404);
    });

    it('GET /api/v1 answers, without a token, with links to the document, the viewer and the health endpoints', async () => {
      const res = await request(gw.server as never)
        .get('/api/v1')
        .expect(200);
      expect(res.body.links).toMatchObject({
        openapi: { href: '/api/docs/openapi.json' },
        docs: { href: '/api/docs' },
        live: { href: '/health/live' },
        ready: { href: '/health/ready' },
      });
      for (const href of ['/api/docs/openapi.json', '/health/live'])
        await request(gw.server as never)
          .get(href)
          .expect(200);
    });
  });
});
