/**
 * Erasing a person on the real PostgreSQL (docs/architecture.md#erasing-a-person): the key found
 * and its cases read from the sealed boxes, refused under a hold and for a partial case list,
 * recorded then destroyed, idempotent; another process's warm key cache opens until it forgets;
 * the retention review's erase step erases a due case's own key and its people, not a held one.
 */
import { randomUUID } from 'node:crypto';
import { complaintStreamId, recordsStreamId } from '@lse/contracts';
import { PostgresEventStore, type NewEvent } from '@lse/event-store';
import { masterKeyFromEnvironment, SealedEventStore, SubjectKeys, ERASED } from '@lse/crypto-shred';
import { ErasureScopeError, ErasureUnderLegalHoldError } from '@lse/audit-domain';
import { PLANTED_NAME, receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { rebuildTimeline } from '../src/read-models/projector';
import { erasureIdOf } from '../src/records/erasure';
import { auditHarness, stored, type AuditHarness } from './harness';

jest.setTimeout(60_000);

describe('erasing a person (audit, real PostgreSQL)', () => {
  let h: AuditHarness;
  let intake: SealedEventStore;
  const caseA = randomUUID();
  const caseB = randomUUID();
  const person = randomUUID();
  const ctx = (id = 'sup-2') => ({
    actor: { id, role: 'supervisor' as const },
    correlationId: randomUUID(),
    now: new Date(),
  });
  const complaint = (caseId: string, complainantId: string, name = PLANTED_NAME): NewEvent => {
    const base = receivedComplaint();
    return stored(caseId, {
      type: 'ComplaintReceived',
      data: { ...base, complainants: [{ ...base.complainants[0], complainantId, name }] },
    });
  };
  const nameIn = async (caseId: string, store: SealedEventStore = h.core.sealed) => {
    const [received] = await store.readStream(complaintStreamId(caseId));
    return (received.data as { complainants: Array<{ name?: string }> }).complainants[0].name;
  };
  const input = (cases: 'all' | string[] = 'all') => ({
    subject: { kind: 'complainant' as const, id: person },
    cases,
    basis: 'data_subject_request' as const,
    reason: 'Asked to be erased.',
  });

  beforeAll(async () => {
    h = await auditHarness();
    intake = new SealedEventStore(h.intake, h.core.sealed.keys);
    await intake.append(complaintStreamId(caseA), [complaint(caseA, person)], 'no_stream');
    await intake.append(complaintStreamId(caseB), [complaint(caseB, person)], 'no_stream');
  });
  afterAll(() => h?.cleanup());

  it('finds every case the key sealed a value in, from the boxes alone', async () => {
    const keys = h.core.sealed.keys as SubjectKeys;
    const key = await keys.find(`complainant:${person}`);
    expect(key).toEqual({ keyId: expect.any(String), destroyed: false });
    expect(await keys.casesOf(key!.keyId)).toEqual([caseA, caseB].sort());
    expect(await keys.find(`complainant:${randomUUID()}`)).toBeUndefined();
    expect((await keys.subjectsOfCase(caseA)).map((s) => s.subject)).toEqual(
      expect.arrayContaining([`complainant:${person}`, `case:${caseA}`]),
    );
  });

  it('refuses under a legal hold on any of the cases (the duty to preserve), recording and destroying nothing', async () => {
    const hold = await h.core.holds.place(
      caseB,
      { matterId: 'M-1', reason: 'Suit.', orderedBy: 'Counsel' },
      ctx(),
    );
    const refused = h.core.erasures.erase(input(), ctx());
    await expect(refused).rejects.toThrow(ErasureUnderLegalHoldError);
    await expect(refused).rejects.toThrow(hold.holdId);
    const key = await (h.core.sealed.keys as SubjectKeys).find(`complainant:${person}`);
    expect(key!.destroyed).toBe(false);
    expect(await h.core.store.readStream(recordsStreamId(erasureIdOf(key!.keyId)))).toEqual([]);
    expect(await nameIn(caseA)).toBe(PLANTED_NAME);
    await h.core.holds.lift(caseB, hold.holdId, { reason: 'Settled.' }, ctx());
  });

  it('refuses a case list that leaves out a case the person appears in (one key erases them all)', async () => {
    await expect(h.core.erasures.erase(input([caseA]), ctx())).rejects.toThrow(ErasureScopeError);
  });

  it('erases once the hold is lifted: recorded, key destroyed, [erased] on read; again records nothing', async () => {
    // Another process whose cache holds the key (an hour's TTL): it opens until it forgets.
    const other = new SealedEventStore(
      h.intake,
      new SubjectKeys({
        pool: h.events.pool,
        schema: h.events.schema,
        wrapping: masterKeyFromEnvironment(),
        ttlMs: 3_600_000,
      }),
    );
    expect(await nameIn(caseA, other)).toBe(PLANTED_NAME);
    const announced: string[] = [];
    h.core.erasures.announce = async (keyId) => void announced.push(keyId);

    const erased = await h.core.erasures.erase(input([caseB, caseA]), ctx());
    expect(erased).toMatchObject({
      subjectKind: 'complainant',
      caseIds: [caseA, caseB].sort(),
      basis: 'data_subject_request',
      erasedBy: 'sup-2',
      keyDestroyed: true,
      alreadyErased: false,
    });
    expect(announced).toEqual([erased.keyId]);
    expect(await nameIn(caseA)).toBe(ERASED);
    expect(await nameIn(caseB)).toBe(ERASED);
    // The stale cache still opens: what the keyring.forget broadcast is for.
    expect(await nameIn(caseA, other)).toBe(PLANTED_NAME);
    other.forget();
    expect(await nameIn(caseA, other)).toBe(ERASED);

    const [recorded] = await h.core.store.readStream(recordsStreamId(erased.erasureId));
    expect(recorded.type).toBe('PersonErased');
    expect(JSON.stringify(recorded)).not.toContain(person);
    expect(await h.core.erasures.erasure(erased.erasureId)).toMatchObject({
      ...erased,
      alreadyErased: false,
    });

    const again = await h.core.erasures.erase(input(), ctx('adm-1'));
    expect(again).toMatchObject({ erasureId: erased.erasureId, alreadyErased: true, erasedBy: 'sup-2' });
    expect(await h.core.store.readStream(recordsStreamId(erased.erasureId))).toHaveLength(1);
  });

  it("the retention review's erase step erases a due case's own key and its people, not a held case's", async () => {
    const due = randomUUID();
    const held = randomUUID();
    const dueWorker = randomUUID();
    const heldWorker = randomUUID();
    await intake.append(complaintStreamId(due), [complaint(due, dueWorker, 'Due Person')], 'no_stream');
    await intake.append(complaintStreamId(held), [complaint(held, heldWorker, 'Held Person')], 'no_stream');
    const others = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'others',
      categories: ['investigation'],
    });
    for (const caseId of [due, held]) {
      const closedAt = '2019-03-02T15:00:00.000Z';
      await others.append(
        `investigation-${caseId}`,
        [
          {
            eventId: randomUUID(),
            type: 'InvestigationClosed',
            schemaVersion: 1,
            data: { reason: 'no_violation', closedAt },
            metadata: {
              caseId,
              actor: { id: 'someone', role: 'supervisor' },
              correlationId: randomUUID(),
              sourceService: 'test',
              occurredAt: closedAt,
            },
          },
        ],
        'no_stream',
      );
    }
    await h.core.holds.place(held, { matterId: 'M-2', reason: 'Suit.', orderedBy: 'Counsel' }, ctx());
    await rebuildTimeline(h.core.dataSource, h.core.store);
    const report = await h.core.retention.run(randomUUID());
    expect(report.due).toContainEqual({ recordType: 'investigation_case', recordId: due });

    const keys = h.core.sealed.keys as SubjectKeys;
    expect(await nameIn(due)).toBe(ERASED);
    expect((await keys.find(`case:${due}`))!.destroyed).toBe(true);
    expect(await nameIn(held)).toBe('Held Person');
    expect((await keys.find(`complainant:${heldWorker}`))!.destroyed).toBe(false);
    const erasure = await h.core.erasures.erasure(
      erasureIdOf((await keys.find(`complainant:${dueWorker}`))!.keyId),
    );
    expect(erasure).toMatchObject({ basis: 'retention_schedule', caseIds: [due], erasedBy: 'service:audit' });
    expect(erasure.reviewId).toEqual(expect.any(String));
  });
});
