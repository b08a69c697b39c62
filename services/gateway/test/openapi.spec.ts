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
    for (const spec of registeredEndpoints()) {
      const op = doc.paths[`/api/v1/${spec.path.replace(/:(\w+)/g, "{$1}")}`][spec.method.toLowerCase()];
      expect(op['x-roles']).toEqual(spec.roles);
      expect(op.responses['401']).toBeDefined();
    }
    expect(doc.paths['/api/v1/whoami'].get.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { type: 'object' } } },
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
  });
});
