/**
 * Every operation of the committed OpenAPI document has a hand-written entry in the expected
 * authorization matrix (a new endpoint without one fails here), the matrix names no operation
 * the document lacks, and the roles the document declares (x-roles, from @Roles) are those the
 * matrix expects. authorization.spec.ts proves the same against the running gateway.
 */
import { ROLES } from '@lse/contracts';
import { EXPECTED } from './authorization-matrix';
import { loadOperations } from './operations';

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

  it('names only roles of DESIGN.md section 1', () => {
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
