import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractChecker, startRecordingProxy, type Exchange } from './contract';

const UUID = '0b9f6c1e-4f0a-4d7e-9a43-2f1c8d5e6a70';
const json = (value: unknown, type = 'application/json'): Pick<Exchange, 'contentType' | 'body'> => ({
  contentType: `${type}; charset=utf-8`,
  body: Buffer.from(JSON.stringify(value)),
});

describe('the contract check of end-to-end responses against services/gateway/openapi.json', () => {
  it('accepts a documented problem answer', () => {
    const checker = new ContractChecker();
    const found = checker.check({
      method: 'GET',
      url: `/api/v1/collections/${UUID}`,
      status: 403,
      ...json(
        { type: 'https://lse.example/problems/forbidden', title: 'Not allowed', status: 403 },
        'application/problem+json',
      ),
    });
    expect(found).toEqual([]);
    expect(checker.count).toBe(1);
  });

  it('fails a body that does not match the schema of its operation and status', () => {
    const checker = new ContractChecker();
    const found = checker.check({
      method: 'GET',
      url: '/api/v1/whoami',
      status: 200,
      ...json({ unexpected: true }),
    });
    expect(found.length).toBeGreaterThan(0);
    expect(() => checker.assertClean()).toThrow(/do not match/);
  });

  it('fails a status the operation does not document, and a path the document lacks', () => {
    const checker = new ContractChecker();
    expect(checker.check({ method: 'GET', url: '/api/v1/whoami', status: 418, ...json({}) })[0]).toMatch(
      /status 418 is not documented/,
    );
    expect(
      checker.check({ method: 'GET', url: '/api/v1/no-such-thing', status: 404, ...json({}) })[0],
    ).toMatch(/no operation in the document/);
  });

  it('leaves the workbench (every path outside /api, /health and /metrics) and the API viewer out', () => {
    const checker = new ContractChecker();
    const html = { contentType: 'text/html', body: Buffer.from('<!doctype html>') };
    for (const url of [
      '/',
      '/cases/1/hours?tab=2',
      '/assets/index-1a2b.js',
      '/apis',
      '/healthy',
      '/api/docs/viewer.js',
    ])
      expect([url, checker.check({ method: 'GET', url, status: 200, ...html })]).toEqual([url, []]);
    expect(checker.count).toBe(0);
    for (const url of ['/api', '/API/v1/nothing', '/health/nothing', '/metrics/x'])
      expect([url, checker.check({ method: 'GET', url, status: 200, ...html })[0]]).toEqual([
        url,
        expect.stringMatching(/no operation in the document|is not one of/),
      ]);
  });

  it('fails a media type the document does not declare', () => {
    const checker = new ContractChecker();
    const found = checker.check({
      method: 'GET',
      url: '/api/v1/whoami',
      status: 200,
      contentType: 'text/html',
      body: Buffer.from('<p>hi</p>'),
    });
    expect(found[0]).toMatch(/text\/html is not one of/);
  });

  it('fails an answer without a header the document promises (Retry-After on a 404 of a resource not there yet)', () => {
    const checker = new ContractChecker();
    const notYet = {
      method: 'GET',
      url: `/api/v1/collections/${UUID}`,
      status: 404,
      ...json(
        { type: 'https://lse.example/problems/not-found', title: 'Not found', status: 404 },
        'application/problem+json',
      ),
    };
    expect(checker.check({ ...notYet, headers: {} })[0]).toMatch(/promises a Retry-After header/);
    expect(checker.check({ ...notYet, headers: { 'retry-after': '1' } })).toEqual([]);
  });

  it('asks for a header marked `required: false` only when it is sent (the released package: Digest always)', () => {
    const checker = new ContractChecker();
    const served = {
      method: 'GET',
      url: `/api/v1/foia-requests/${UUID}/package?format=html`,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: Buffer.from('<!doctype html>'),
    };
    expect(checker.check({ ...served, headers: {} })).toEqual([
      expect.stringMatching(/promises a Digest header/),
    ]);
    expect(checker.check({ ...served, headers: { digest: 'sha-256=x' } })).toEqual([]);
  });

  it('cannot pass vacuously: no response checked is a failure', () => {
    expect(() => new ContractChecker().assertClean()).toThrow(/saw 0 response/);
  });

  it('the recording proxy passes the exchange through unchanged and checks it', async () => {
    const upstream = createServer((req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain', 'x-echo': req.url ?? '' });
      res.end('teapot');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const proxy = await startRecordingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    try {
      const res = await fetch(`${proxy.url}/api/v1/whoami?x=1`);
      expect(res.status).toBe(418);
      expect(res.headers.get('x-echo')).toBe('/api/v1/whoami?x=1');
      expect(await res.text()).toBe('teapot');
      expect(proxy.checker.count).toBe(1);
      expect(proxy.checker.mismatches[0]).toMatch(/status 418 is not documented/);
    } finally {
      await proxy.close();
      upstream.close();
    }
  });
});
