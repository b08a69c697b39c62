/**
 * Every operation of the committed OpenAPI document has a hand-written entry in the expected
 * authorization matrix (a new endpoint without one fails here), the matrix names no operation
 * the document lacks, and the roles the document declares (x-roles, from @Roles) are those the
 * matrix expects. authorization.spec.ts proves the same against the running gateway.
 */
import { readFileSync } from 'node:fs';
import { ROLES } from '@lse/contracts';
import { EXPECTED, PUBLIC_OPERATIONS } from './authorization-matrix';
import { loadOperations, OPENAPI_FILE } from './operations';

const operations = loadOperations();

describe('the expected authorization matrix covers the OpenAPI document', () => {
  it('has an entry for every operation', () => {
    const missing = operations.map((op) => op.operationId).filter((id) => !(id in EXPECTED));
    expect(missing).toEqual([]);
  });

  it('has no entry for an operation the document lacks', () => {
    const ids = new Set(operations.map((op) => op.operationId));
    expect(Object.keys(EXPECTED).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('marks public (no token) exactly the operations listed as public, and none of the matrix', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
    };
    const open = Object.values(doc.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((op) => op.operationId && Array.isArray(op.security) && op.security.length === 0)
      .map((op) => op.operationId!);
    expect(open.sort()).toEqual(Object.keys(PUBLIC_OPERATIONS).sort());
    expect(Object.keys(PUBLIC_OPERATIONS).filter((id) => id in EXPECTED)).toEqual([]);
  });

  it('names only roles of docs/architecture.md#roles', () => {
    for (const rule of Object.values(EXPECTED))
      for (const role of rule.allowed) expect(ROLES).toContain(role);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s declares the expected roles',
    (id, op) => {
      expect([...op.roles].sort()).toEqual([...EXPECTED[id].allowed].sort());
    },
  );
});
