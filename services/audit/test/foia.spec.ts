/**
 * FOIA through the audit core on the real store: planted identities never reach a released
 * package, the same request and cut-off give the same digest, an override is an event that
 * releases exactly one field, and a released request accepts nothing more.
 */
import { randomUUID } from 'node:crypto';
import { complaintStreamId, foiaStreamId, type RedactionApplied } from '@lse/contracts';
import { redactionLogDigest, redactionLogOf } from '@lse/audit-domain';
import { PLANTED_NAME, PLANTED_PHONE } from '@lse/intake-domain/test/fixtures';
import { caseStateAsOf } from '../src/replay/case-state';
import { recordAccess } from '../src/access/record-access';
import { auditHarness, stored, type AuditHarness } from './harness';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';

const officer = { id: 'foia-officer-1', role: 'foia_officer' as const };

describe('FOIA requests and case replay', () => {
  let h: AuditHarness;
  let caseId: string;
  let cutoff: string;
  let received: { eventId: string };
  const ctx = (key?: string) => ({
    actor: officer,
    correlationId: randomUUID(),
    idempotencyKey: key,
    now: new Date(),
  });

  beforeAll(async () => {
    h = await auditHarness();
    caseId = randomUUID();
    const first = stored(
      caseId,
      { type: 'ComplaintReceived', data: receivedComplaint() },
      { id: 'maria.staff@agency.example', role: 'intake_officer' },
    );
    received = first;
    await h.intake.append(complaintStreamId(caseId), [first], 'no_stream');
    await new Promise((r) => setTimeout(r, 20));
    cutoff = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await h.intake.append(
      complaintStreamId(caseId),
      [
        stored(caseId, {
          type: 'ComplaintWithdrawn',
          data: { reason: `${PLANTED_NAME} fears retaliation.` },
        }),
      ],
      1,
    );
    // A read recorded on the case: on its timeline, never in a FOIA package.
    await recordAccess(
      h.core.store,
      { accessId: randomUUID(), resource: 'complaint', caseId, operation: 'GET /api/v1/complaints/:caseId' },
      { id: 'inv-1', role: 'investigator' },
      'c-1',
      new Date(),
    );
  });
  afterAll(() => h.cleanup());

  it('replays the state as of an instant with the owning decider, chain checked', async () => {
    const before = await caseStateAsOf(h.core.store, caseId, cutoff);
    expect(before.streams.map((s) => [s.streamId, s.version])).toEqual([[complaintStreamId(caseId), 1]]);
    expect(before).toMatchObject({ open: true, chain: { ok: true } });
    expect((before.streams[0].state as { status: string }).status).toBe('received');
    const now = await caseStateAsOf(h.core.store, caseId, new Date().toISOString());
    expect(now.open).toBe(false);
    expect(now.streams.find((s) => s.category === 'complaint')?.state).toMatchObject({ status: 'withdrawn' });
    expect(now.streams.find((s) => s.category === 'access')?.state).toMatchObject({ reads: 1 });
  });

  it('compiles, overrides with a justification, releases; planted data never appears', async () => {
    const { requestId } = await h.core.foia.receive(
      {
        requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
        description: 'The car wash case file.',
        caseIds: [caseId],
        jurisdiction: 'federal',
      },
      ctx(randomUUID()),
    );
    const foiaEvents = () => h.core.store.readStream(foiaStreamId(requestId));
    const applied = async () =>
      (await foiaEvents())
        .filter((e) => e.type === 'RedactionApplied')
        .map((e) => e.data as RedactionApplied);
    const withoutRelease = (log: typeof first.package.redactionLog) => log.map(({ released: _r, ...e }) => e);

    const first = await h.core.foia.compile(requestId, cutoff, ctx());
    // The redactions are on record, and they are the package's log entry for entry.
    const recorded = await applied();
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((e) => e.cutoff === first.package.cutoff && e.caseId === caseId)).toBe(true);
    expect(redactionLogOf(recorded)).toEqual(withoutRelease(first.package.redactionLog));
    expect(first.package.redactionLog.length).toBeGreaterThan(3);
    // They say where a field was withheld and why, never what it held.
    for (const planted of [PLANTED_NAME, PLANTED_PHONE, 'maria.staff@agency.example'])
      expect(JSON.stringify(recorded)).not.toContain(planted);
    const digest = redactionLogDigest(first.package.redactionLog);
    expect((await foiaEvents()).at(-1)).toMatchObject({
      type: 'RecordsCompiled',
      data: { packageSha256: first.sha256, redactionLogSha256: digest },
      metadata: { actor: officer },
    });

    const again = await h.core.foia.compile(requestId, cutoff, ctx());
    expect(again.sha256).toBe(first.sha256);
    // Compiled again as of the same cut-off: the compilation is recorded, the same set is not.
    expect(await applied()).toHaveLength(recorded.length);
    expect((await foiaEvents()).filter((e) => e.type === 'RecordsCompiled')).toHaveLength(2);
    expect(first.package.summary.records).toBe(1); // the withdrawal came after the cut-off; the read is not a record
    expect(first.package.cases[0].openAtCutoff).toBe(true);

    await h.core.foia.override(
      requestId,
      {
        caseId,
        eventId: received.eventId,
        path: 'data.employer.fein',
        justification: 'The FEIN is in the public court filing.',
      },
      ctx(),
    );
    await expect(
      h.core.foia.override(
        requestId,
        { caseId, eventId: received.eventId, path: 'data.office', justification: 'x' },
        ctx(),
      ),
    ).rejects.toMatchObject({ code: 'validation' });

    // As of another cut-off (now: the withdrawal is a record too) another set is recorded, whole.
    const now = await h.core.foia.compile(requestId, new Date().toISOString(), ctx());
    expect(now.package.summary.records).toBe(2);
    const laterSet = (await applied()).slice(recorded.length);
    expect(laterSet.every((e) => e.cutoff === now.package.cutoff)).toBe(true);
    expect(redactionLogOf(laterSet)).toEqual(withoutRelease(now.package.redactionLog));

    const released = await h.core.foia.release(requestId, cutoff, ctx());
    expect(released.sha256).not.toBe(first.sha256); // the override changed it
    // The override released one field; what the classification withheld is the set on record.
    expect(await applied()).toHaveLength(recorded.length + laterSet.length);
    expect(redactionLogOf(recorded)).toEqual(withoutRelease(released.package.redactionLog));
    expect(released.package.redactionLog.filter((e) => e.released).map((e) => e.path)).toEqual([
      'data.employer.fein',
    ]);
    const text = JSON.stringify(released.package) + released.html;
    for (const planted of [PLANTED_NAME, PLANTED_PHONE, 'maria.staff@agency.example'])
      expect(text).not.toContain(planted);
    expect(text).toContain('94-1234567');
    const state = await h.core.foia.get(requestId);
    expect(state).toMatchObject({
      status: 'released',
      release: { packageSha256: released.sha256, overrides: 1, redactionLogSha256: digest },
      redactionSets: [
        {
          cutoff: first.package.cutoff,
          redactionLogSha256: digest,
          redactions: first.package.redactionLog.length,
        },
        expect.objectContaining({ redactionLogSha256: redactionLogDigest(now.package.redactionLog) }),
      ],
    });
    expect((await h.core.foia.released(requestId)).sha256).toBe(released.sha256);
    await expect(
      h.core.foia.override(
        requestId,
        { caseId, eventId: received.eventId, path: 'data.office', justification: 'x' },
        ctx(),
      ),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
