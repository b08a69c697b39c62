import { randomUUID } from 'node:crypto';
import {
  eventOf,
  recordsStreamId,
  type RecordsEvent,
  type LegalHoldCommandReply,
  type LegalHoldsReply,
  type LiftLegalHoldInput,
  type PlaceLegalHoldInput,
} from '@lse/contracts';
import {
  activeHolds,
  isUnderLegalHold,
  recordsDecider,
  replayRecords,
  type RecordsCommand,
  type RecordsState,
} from '@lse/audit-domain';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import type { EventStore } from '@lse/event-store';
import { commandIdFor, Metrics, StreamCommands } from '@lse/service-kit';
import { requireCase } from '../access/case-exists';
import type { CallContext } from '../foia/foia-desk';
import type { CaseLocks } from './case-locks';

/** A case's records stream folded: its holds and dispositions, and the stream's version. */
export async function caseRecords(
  commands: StreamCommands,
  caseId: string,
): Promise<{ state: RecordsState; version: number }> {
  const { recorded, state } = await commands.load(recordsDecider, recordsStreamId(caseId));
  return { state, version: recorded.length };
}

/**
 * The query the erase command calls before it destroys a data subject's key: is anything of the
 * case held? Read from the store (no read-model lag), with the holds in effect. The erase command
 * asks at erase time even for a disposition recorded as due: a hold placed since then stops it.
 */
export async function legalHoldStatus(
  store: Pick<EventStore, 'readStream'>,
  caseId: string,
): Promise<{ held: boolean; holdIds: string[]; version: number }> {
  const recorded = await store.readStream(recordsStreamId(caseId));
  const state = replayRecords(recorded.map((r) => eventOf<RecordsEvent>(r)));
  return {
    held: isUnderLegalHold(state),
    holdIds: activeHolds(state).map((h) => h.placed.holdId),
    version: recorded.length,
  };
}

/** The reply of GET /cases/:caseId/legal-holds. */
export function legalHoldsView(caseId: string, state: RecordsState, version: number): LegalHoldsReply {
  const holds = state.status === 'none' ? [] : state.holds;
  return {
    caseId,
    version,
    held: isUnderLegalHold(state),
    holds: holds.map((h) => ({
      ...h.placed,
      status: h.lifted ? 'lifted' : 'held',
      ...(h.lifted ? { lifted: h.lifted } : {}),
    })),
  };
}

/**
 * Legal holds on cases: load the case's records stream, decide with the pure records decider,
 * append (the shared command path). A hold is placed only on a case that exists.
 */
export class LegalHoldDesk {
  readonly commands: StreamCommands;

  constructor(
    private readonly store: EventStore,
    private readonly locks: CaseLocks,
    metrics: Metrics = new Metrics('audit', { defaultMetrics: false }),
  ) {
    this.commands = new StreamCommands({ store, metrics, sourceService: 'audit' });
  }

  async holds(caseId: string): Promise<LegalHoldsReply> {
    await requireCase(this.store, caseId);
    const { state, version } = await caseRecords(this.commands, caseId);
    return legalHoldsView(caseId, state, version);
  }

  async place(caseId: string, input: PlaceLegalHoldInput, ctx: CallContext): Promise<LegalHoldCommandReply> {
    await requireCase(this.store, caseId);
    // A retry with the same Idempotency-Key names the same hold, so it is answered, not refused.
    const holdId = ctx.idempotencyKey
      ? uuidV5(`legal-hold:${caseId}:${ctx.actor.id}:${ctx.idempotencyKey}`, NAMESPACE_LSE)
      : randomUUID();
    // Under the case's lock: an erasure between its hold check and its key destruction holds it,
    // so the hold is recorded after the key is gone, never in between (CaseLocks).
    const version = await this.locks.withCases([caseId], () =>
      this.run(caseId, holdId, ctx, 'PlaceLegalHold', {
        type: 'PlaceLegalHold',
        caseId,
        holdId,
        now: ctx.now.toISOString(),
        hold: input,
      }),
    );
    return { caseId, holdId, version };
  }

  async lift(
    caseId: string,
    holdId: string,
    input: LiftLegalHoldInput,
    ctx: CallContext,
  ): Promise<LegalHoldCommandReply> {
    const version = await this.run(caseId, holdId, ctx, 'LiftLegalHold', {
      type: 'LiftLegalHold',
      caseId,
      holdId,
      now: ctx.now.toISOString(),
      reason: input.reason,
    });
    return { caseId, holdId, version };
  }

  private async run(
    caseId: string,
    holdId: string,
    ctx: CallContext,
    kind: RecordsCommand['type'],
    command: RecordsCommand,
  ): Promise<number> {
    const outcome = await this.commands.run(
      recordsDecider,
      {
        streamId: recordsStreamId(caseId),
        caseId,
        commandId: commandIdFor(`audit.records.${kind}`, holdId, ctx.actor.id, ctx.idempotencyKey),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        now: ctx.now.toISOString(),
        ...(ctx.expectedVersion !== undefined ? { expectedVersion: ctx.expectedVersion } : {}),
      },
      () => command,
    );
    return outcome.version;
  }
}
