/**
 * Evidence files are sealed under their case's key (docs/erasure.md#evidence-files): a FOIA
 * package releases a file's redacted text while the key lives, and lists it withheld as erased
 * once the key is destroyed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaintStreamId, EvidenceAttached, investigationStreamId } from '@lse/contracts';
import type { SubjectKeys } from '@lse/crypto-shred';
import { PostgresEventStore } from '@lse/event-store';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { FilesystemEvidenceStore } from '@lse/service-kit';
import { auditHarness, stored, type AuditHarness } from './harness';

const officer = { id: 'foia-officer-2', role: 'foia_officer' as const };
const ctx = () => ({ actor: officer, correlationId: randomUUID(), now: new Date() });

describe('FOIA and the evidence of an erased case', () => {
  let h: AuditHarness;
  let evidenceDir: string;
  beforeAll(async () => {
    evidenceDir = mkdtempSync(join(tmpdir(), 'lse-evidence-'));
    h = await auditHarness({ evidenceDir });
  });
  afterAll(async () => {
    await h.cleanup();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('releases the text while the case key lives, and withholds the file as erased after', async () => {
    const caseId = randomUUID();
    await h.intake.append(
      complaintStreamId(caseId),
      [stored(caseId, { type: 'ComplaintReceived', data: receivedComplaint() })],
      'no_stream',
    );
    // Investigation stores the file under the case's key and records it, as attachEvidence does.
    const keys = h.core.sealed.keys as SubjectKeys;
    const bytes = Buffer.from('Hours kept by the worker: 52 in the week of March 2.\n');
    const file = await new FilesystemEvidenceStore(evidenceDir, keys).put(bytes, caseId);
    const investigation = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'investigation',
      categories: ['investigation'],
    });
    const attached = EvidenceAttached.create({
      eventId: randomUUID(),
      data: { evidenceId: randomUUID(), mediaType: 'text/plain', ...file },
      metadata: {
        caseId,
        actor: { id: 'inv-1', role: 'investigator' },
        correlationId: randomUUID(),
        sourceService: 'investigation',
        occurredAt: '2026-01-20T09:00:00.000Z',
      },
    });
    await investigation.append(investigationStreamId(caseId), [attached], 'no_stream');

    const { requestId } = await h.core.foia.receive(
      {
        requester: { name: 'A. Reporter' },
        description: 'The case file.',
        caseIds: [caseId],
        jurisdiction: 'federal',
      },
      { ...ctx(), idempotencyKey: randomUUID() },
    );
    const before = await h.core.foia.compile(requestId, new Date().toISOString(), ctx());
    expect(before.package.cases[0].evidence).toEqual([
      expect.objectContaining({
        sha256: file.sha256,
        text: expect.stringContaining('52 in the week of March 2'),
      }),
    ]);

    expect(await keys.destroy(`case:${caseId}`)).toBe(true);
    const after = await h.core.foia.compile(requestId, new Date().toISOString(), ctx());
    const [evidence] = after.package.cases[0].evidence ?? [];
    expect(evidence).toMatchObject({ sha256: file.sha256, withheld: { reason: 'erased' } });
    expect(evidence.text).toBeUndefined();
    expect(JSON.stringify(after.package)).not.toContain('52 in the week');
  });
});
