/** Who read a case's records, read back from its access stream on the real PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { caseAccessPage } from '../src/access/access-entries';
import { recordAccess } from '../src/access/record-access';
import { appendComplaint, auditHarness, type AuditHarness } from './harness';

jest.setTimeout(30_000);

describe("a case's record-access entries", () => {
  let h: AuditHarness;
  const caseId = randomUUID();
  const workerId = randomUUID();

  beforeAll(async () => {
    h = await auditHarness();
    await appendComplaint(h, caseId, 2);
    const read = (
      resource: string,
      operation: string,
      actor: { id: string; role: 'investigator' | 'partner'; org?: string },
      subjectId?: string,
    ) =>
      recordAccess(
        h.core.store,
        { accessId: randomUUID(), resource, caseId, operation, ...(subjectId ? { subjectId } : {}) },
        actor,
        'corr-1',
        new Date('2026-03-02T10:00:00Z'),
      );
    await read('complaint', 'GET /api/v1/complaints/:caseId', { id: 'inv-1', role: 'investigator' });
    await read(
      'worker-statement',
      'GET /api/v1/collections/:caseId/statements/workers/:workerId',
      { id: 'p-1', role: 'partner', org: 'org-9' },
      workerId,
    );
    await read('case-history', 'history of a case', { id: 'inv-1', role: 'investigator' });
  });
  afterAll(() => h.cleanup());

  it('lists who read what and when, oldest first, each with its link in the chain, paged by version', async () => {
    const first = await caseAccessPage(h.core.store, caseId, 0, 2);
    expect(first.items).toEqual([
      expect.objectContaining({
        streamVersion: 1,
        resource: 'complaint',
        operation: 'GET /api/v1/complaints/:caseId',
        actor: { id: 'inv-1', role: 'investigator' },
        accessedAt: '2026-03-02T10:00:00.000Z',
        correlationId: 'corr-1',
      }),
      expect.objectContaining({
        streamVersion: 2,
        resource: 'worker-statement',
        subjectId: workerId,
        actor: { id: 'p-1', role: 'partner', org: 'org-9' },
      }),
    ]);
    expect(first.items[1].prevHash).toBe(first.items[0].hash);
    expect(first.items[0].position).toBeLessThan(first.items[1].position);
    const rest = await caseAccessPage(h.core.store, caseId, 2, 2);
    expect(rest.items.map((e) => [e.streamVersion, e.resource])).toEqual([[3, 'case-history']]);
    expect(rest.items[0].prevHash).toBe(first.items[1].hash);
  });

  it('is empty for a case nobody has read', async () => {
    expect((await caseAccessPage(h.core.store, randomUUID(), 0, 10)).items).toEqual([]);
  });
});
