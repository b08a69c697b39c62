/**
 * The gateway fingerprints an Idempotency-Key request's body before validating it, so the
 * fingerprint must survive whatever JSON fits in the body limit. Found by fuzz.spec.ts: 100,000
 * nested brackets overflowed the recursive canonicalJson and every POST answered 500.
 */
import fc from 'fast-check';
import { canonicalJson, requestHash } from '@lse/gateway/src/idempotency/fingerprint';
import { checkJsonBody, jsonDepth, MAX_JSON_DEPTH } from '@lse/gateway/src/http/json-depth';
import { deepJson } from './schema-mutations';

describe('JSON nesting depth of a request body', () => {
  it('counts brackets outside strings, escapes included', () => {
    expect(jsonDepth(Buffer.from('{"a":[1,{"b":"[[[{{{\\"]]"}],"c":"\\\\"}'))).toBe(3);
    expect(jsonDepth(Buffer.from('"[[["'))).toBe(0);
    expect(jsonDepth(Buffer.from(deepJson(MAX_JSON_DEPTH, 'array')))).toBe(MAX_JSON_DEPTH);
    expect(jsonDepth(Buffer.from(deepJson(100_000, 'object')))).toBe(100_000);
  });

  it('lets the gateway refuse deeper bodies (400) and charsets other than UTF-8 (415) before parsing', () => {
    const check = checkJsonBody();
    const status = (text: string, encoding: string) => {
      try {
        check(undefined, undefined, Buffer.from(text), encoding);
        return 'parsed';
      } catch (err) {
        return (err as { problem: { status: number } }).problem.status;
      }
    };
    expect(status(deepJson(MAX_JSON_DEPTH, 'array'), 'utf-8')).toBe('parsed');
    expect(status(deepJson(MAX_JSON_DEPTH + 1, 'object'), 'utf-8')).toBe(400);
    expect(status('{"name":"+ADw-script+AD4-"}', 'utf-7')).toBe(415);
    expect(status('{}', 'utf-16le')).toBe(415);
  });

  it('equals the depth of any JSON value', () => {
    const depth = (v: unknown): number =>
      v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jsonDepth(Buffer.from(JSON.stringify(v)))).toBe(depth(v));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('idempotency fingerprint of deeply nested bodies', () => {
  it.each([
    ['array', 100_000],
    ['object', 50_000],
  ] as const)('hashes %s nesting %i levels deep without overflowing the stack', (shape, depth) => {
    const text = deepJson(depth, shape);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(requestHash(JSON.parse(text))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is JSON with sorted keys and without undefined members, equal for equal bodies', () => {
    expect(canonicalJson({ b: [1, { d: undefined, c: 'x' }], a: null, u: undefined })).toBe(
      '{"a":null,"b":[1,{"c":"x"}]}',
    );
    expect(canonicalJson([undefined])).toBe('[null]');
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
