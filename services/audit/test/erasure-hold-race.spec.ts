/**
 * A legal hold placed while an erasure runs is never overtaken (docs/erasure.md). Defined: for a
 * hold placement and an erasure of a person in that case, either the hold is recorded before the
 * erasure's hold check and the erasure is refused (ErasureUnderLegalHoldError, 409) with the key
 * intact, or the hold is recorded after PersonErased (a later global position) and after the key
 * is destroyed. Never a hold recorded between the check and the destruction.
 */
import { randomUUID } from 'node:crypto';
import { complaintStreamId, recordsStreamId, type ErasureReply } from '@lse/contracts';
import type { NewEvent } from '@lse/event-store';
import { SealedEventStore, type SubjectKeys } from '@lse/crypto-shred';
import { ErasureUnderLegalHoldError } from '@lse/audit-domain';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { auditHarness, stored, type AuditHarness } from './harness';

jest.setTimeout(120_000);

describe('a legal hold and an erasure of the same case (real PostgreSQL)', () => {
  let h: AuditHarness;
  let intake: SealedEventStore;
  const ctx = () => ({
    actor: { id: 'sup-2', role: 'supervisor' as const },
    correlationId: randomUUID(),
    now: new Date(),
  });
  const hold = { matterId: 'M-9', reason: 'Suit.', orderedBy: 'Counsel' };
  const complaint = (caseId: string, complainantId: string): NewEvent => {
    const base = receivedComplaint();
    return stored(caseId, {
      type: 'ComplaintReceived',
      data: { ...base, complainants: [{ ...base.complainants[0], complainantId }] },
    });
  };
  const personIn = async (...caseIds: string[]) => {
    const person = randomUUID();
    for (const caseId of caseIds)
      await intake.append(complaintStreamId(caseId), [complaint(caseId, person)], 'no_stream');
    return person;
  };
  const erase = (person: string) =>
    h.core.erasures.erase(
      {
        subject: { kind: 'complainant', id: person },
        cases: 'all',
        basis: 'data_subject_request',
        reason: 'Asked to be erased.',
      },
      ctx(),
    );
  const keyOf = async (person: string) =>
    (await (h.core.sealed.keys as SubjectKeys).find(`complainant:${person}`))!;
  const positionOf = async (streamId: string, type: string) =>
    (await h.core.store.readStream(streamId)).find((e) => e.type === type)!.globalPosition;

  beforeAll(async () => {
    h = await auditHarness();
    intake = new SealedEventStore(h.intake, h.core.sealed.keys);
  });
  afterEach(() => {
    h.core.erasures.afterHoldCheck = undefined;
  });
  afterAll(() => h?.cleanup());

  it('a hold placed between the hold check and the key destruction waits, and is recorded after the key is gone', async () => {
    const [caseA, caseB] = [randomUUID(), randomUUID()];
    const person = await personIn(caseA, caseB);
    let placement: Promise<unknown> | undefined;
    let placedDuringErasure = false;
    h.core.erasures.afterHoldCheck = async () => {
      // The hold check has passed (no hold): now a supervisor places one on case B.
      placement = h.core.holds.place(caseB, hold, ctx()).then(() => (placedDuringErasure = true));
      // Time enough for an unguarded placement to land before the key is destroyed.
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    const erased: ErasureReply = await erase(person);
    expect(placedDuringErasure).toBe(false);
    expect(erased.keyDestroyed).toBe(true);
    await placement;
    expect(placedDuringErasure).toBe(true);
    expect(await positionOf(recordsStreamId(caseB), 'LegalHoldPlaced')).toBeGreaterThan(
      await positionOf(recordsStreamId(erased.erasureId), 'PersonErased'),
    );
  });

  it('run together many times: refused under the hold, or the hold recorded after the erasure, never both in between', async () => {
    const outcomes = { refused: 0, erasedFirst: 0 };
    for (let i = 0; i < 20; i++) {
      const [caseA, caseB] = [randomUUID(), randomUUID()];
      const person = await personIn(caseA, caseB);
      const [erasure, placement] = await Promise.allSettled([
        erase(person),
        h.core.holds.place(i % 2 ? caseA : caseB, hold, ctx()),
      ]);
      expect(placement.status).toBe('fulfilled');
      const holdAt = await positionOf(recordsStreamId(i % 2 ? caseA : caseB), 'LegalHoldPlaced');
      if (erasure.status === 'rejected') {
        expect(erasure.reason).toBeInstanceOf(ErasureUnderLegalHoldError);
        expect((await keyOf(person)).destroyed).toBe(false);
        outcomes.refused += 1;
      } else {
        expect((await keyOf(person)).destroyed).toBe(true);
        expect(holdAt).toBeGreaterThan(
          await positionOf(recordsStreamId(erasure.value.erasureId), 'PersonErased'),
        );
        outcomes.erasedFirst += 1;
      }
    }
    expect(outcomes.refused + outcomes.erasedFirst).toBe(20);
  });
});
