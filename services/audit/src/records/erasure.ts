import {
  eventOf,
  recordsStreamId,
  subjectName,
  type ErasedSubjectKind,
  type ErasePersonInput,
  type ErasureEvent,
  type ErasureReply,
} from '@lse/contracts';
import { erasureDecider, replayErasure, type ErasePerson } from '@lse/audit-domain';
import { NAMESPACE_LSE, NotFoundError, uuidV5 } from '@lse/domain';
import type { SealedEventStore, SubjectKeys } from '@lse/crypto-shred';
import { commandIdFor, type StreamCommands } from '@lse/service-kit';
import type { CallContext } from '../foia/foia-desk';
import type { ReleasedCopies } from '../foia/released-copies';
import type { CaseLocks } from './case-locks';
import { legalHoldStatus } from './legal-holds';

/** One erasure per key: the same subject erased twice names the same record (idempotent). */
export const erasureIdOf = (keyId: string): string => uuidV5(`erasure:${keyId}`, NAMESPACE_LSE);

/** How an erasure of the retention review's erase step is told apart from a person's request. */
export interface ErasureOrigin {
  basis: ErasePersonInput['basis'];
  reason: string;
  reviewId?: string;
}

/**
 * Erasing a data subject (docs/architecture.md#erasing-a-person): find the subject's key and the
 * cases it sealed values in, refuse under a legal hold on any of them (asked of the store at erase
 * time), record PersonErased on `records-<erasureId>`, delete the released FOIA packages kept of
 * those cases (ReleasedCopies), destroy the key, and announce it so every
 * process's keyring cache forgets it now. Recorded before destroyed: a crash in between leaves a
 * record whose retry (same key, same erasure id: nothing new recorded) destroys the key.
 * From the hold check until the key is destroyed it holds every case's lock (`CaseLocks`), which
 * placing a hold takes too: a hold is either in place before the check (refused) or recorded after
 * the key is gone, never in between.
 */
export class ErasureDesk {
  /** Set by the runtime once NATS is up: `keyring.forget.<schema>` to every service. */
  announce?: (keyId: string) => Promise<void>;
  /** Runs after the hold check, under the cases' locks: tests interleave a hold placement here. */
  afterHoldCheck?: () => Promise<void>;

  constructor(
    private readonly store: SealedEventStore,
    private readonly commands: StreamCommands,
    private readonly locks: CaseLocks,
    /** The released FOIA packages kept as released: those of the erased cases are deleted. */
    private readonly releasedCopies?: Pick<ReleasedCopies, 'forgetCases'>,
  ) {}

  private get keys(): SubjectKeys {
    return this.store.keys as SubjectKeys;
  }

  async erase(input: ErasePersonInput, ctx: CallContext): Promise<ErasureReply> {
    const subject = subjectName(input.subject.kind, input.subject.id);
    const key = await this.keys.find(subject);
    if (!key)
      throw new NotFoundError('Nothing is stored of this person: no key was ever issued for them.', {
        reason: 'subject_not_found',
      });
    return this.eraseKey(subject, input.subject.kind, key.keyId, input.cases, input, ctx);
  }

  /**
   * The retention review's erase step for one case: its own key, and each person whose every
   * case is this one (a person who appears in another case, not due, is kept: their key would
   * erase that case too). Returns the erasures recorded or found.
   */
  async eraseCase(caseId: string, origin: ErasureOrigin, ctx: CallContext): Promise<ErasureReply[]> {
    const out: ErasureReply[] = [];
    for (const s of await this.keys.subjectsOfCase(caseId)) {
      const kind = s.subject.slice(0, s.subject.indexOf(':'));
      if (kind !== 'worker' && kind !== 'complainant' && kind !== 'case') continue;
      const cases = await this.keys.casesOf(s.keyId);
      if (cases.some((c) => c !== caseId)) continue;
      out.push(await this.eraseKey(s.subject, kind, s.keyId, 'all', origin, ctx));
    }
    return out;
  }

  async erasure(erasureId: string): Promise<ErasureReply> {
    const recorded = await this.store.readStream(recordsStreamId(erasureId));
    const state = replayErasure(
      recorded.filter((r) => r.type === 'PersonErased').map((r) => eventOf<ErasureEvent>(r)),
    );
    if (state.status !== 'erased')
      throw new NotFoundError('No erasure with this id.', { reason: 'erasure_not_found' });
    const by = recorded.find((r) => r.type === 'PersonErased')!.metadata.actor.id;
    return this.view(state.erased, by, false);
  }

  private async eraseKey(
    subject: string,
    kind: ErasedSubjectKind,
    keyId: string,
    requested: 'all' | string[],
    origin: ErasureOrigin,
    ctx: CallContext,
  ): Promise<ErasureReply> {
    // A case first sealed under the key after this read is not locked: the key erases its values
    // without its hold check. The case list is a full scan of the boxes, so it is read once.
    const caseIds = await this.keys.casesOf(keyId);
    return this.locks.withCases(caseIds, () =>
      this.eraseLocked(subject, kind, keyId, caseIds, requested, origin, ctx),
    );
  }

  private async eraseLocked(
    subject: string,
    kind: ErasedSubjectKind,
    keyId: string,
    caseIds: string[],
    requested: 'all' | string[],
    origin: ErasureOrigin,
    ctx: CallContext,
  ): Promise<ErasureReply> {
    const holds = await Promise.all(
      caseIds.map(async (caseId) => ({
        caseId,
        holdIds: (await legalHoldStatus(this.store, caseId)).holdIds,
      })),
    );
    await this.afterHoldCheck?.();
    const erasureId = erasureIdOf(keyId);
    const command: ErasePerson = {
      type: 'ErasePerson',
      erasureId,
      subjectKind: kind,
      keyId,
      caseIds,
      requested,
      holds,
      basis: origin.basis,
      reason: origin.reason,
      ...(origin.reviewId ? { reviewId: origin.reviewId } : {}),
      now: ctx.now.toISOString(),
    };
    const outcome = await this.commands.run(
      erasureDecider,
      {
        streamId: recordsStreamId(erasureId),
        commandId: commandIdFor('audit.records.ErasePerson', erasureId, ctx.actor.id, ctx.idempotencyKey),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        now: command.now,
      },
      () => command,
    );
    // A released package of these cases may hold the person in text a redaction missed, and the
    // case key (which seals it) outlives a person's erasure: the copy goes, and its download
    // recompiles with the person erased. Before the key is destroyed, so a crash in between is
    // mended by the retry, as the key is.
    await this.releasedCopies?.forgetCases(caseIds);
    await this.keys.destroy(subject);
    await this.announce?.(keyId);
    if (outcome.state.status !== 'erased') throw new Error('the erasure was not recorded');
    const by = outcome.events.length > 0 ? ctx.actor.id : (await this.erasure(erasureId)).erasedBy;
    return this.view(outcome.state.erased, by, outcome.events.length === 0);
  }

  private async view(
    erased: ErasureEvent['data'],
    erasedBy: string,
    alreadyErased: boolean,
  ): Promise<ErasureReply> {
    const key = (await this.keys.keysById([erased.keyId])).get(erased.keyId);
    return {
      erasureId: erased.erasureId,
      subjectKind: erased.subjectKind,
      keyId: erased.keyId,
      caseIds: erased.caseIds,
      basis: erased.basis,
      ...(erased.reviewId ? { reviewId: erased.reviewId } : {}),
      erasedAt: erased.erasedAt,
      erasedBy,
      keyDestroyed: key === null,
      alreadyErased,
    };
  }
}
