import { recordsStreamId, type RetentionDispositionDue } from '@lse/contracts';
import { recordsDecider, UnderLegalHoldError, type PastRetention } from '@lse/audit-domain';
import { isoDate, NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import type { StreamCommands } from '@lse/service-kit';

/** The review a disposition comes from. */
export interface ReviewContext {
  reviewId: string;
  asOf: string;
  scheduleVersion: string;
  /** The review's time (ISO instant). */
  now: string;
  correlationId: string;
}

/** `recorded`: done now; `already_recorded`: an earlier review did it; `held`: a hold came first. */
export type DisposalOutcome = 'recorded' | 'already_recorded' | 'held';

/**
 * What the retention review does with a record past its period and under no hold. The erase
 * step comes with the key store (crypto-shredding, issue 22); until then the implementation
 * below records the disposition as due, the worklist the erase command consumes.
 */
export interface Disposer {
  dispose(record: PastRetention, review: ReviewContext): Promise<DisposalOutcome>;
}

const SYSTEM_ACTOR = { id: 'service:audit', role: 'system' } as const;

/**
 * Records RetentionDispositionDue on the record's `records-<id>` stream, through the records
 * decider, so a hold placed meanwhile refuses it (the stream's version moved: decided again). The
 * command id derives from the record and its closing: two replicas reviewing at once record it
 * once, and a later review finds it recorded and records nothing.
 */
export class RecordingDisposer implements Disposer {
  constructor(private readonly commands: StreamCommands) {}

  async dispose(record: PastRetention, review: ReviewContext): Promise<DisposalOutcome> {
    const due: RetentionDispositionDue = {
      recordType: record.recordType,
      recordId: record.recordId,
      closedOn: isoDate(record.closedOn),
      dueOn: isoDate(record.dueOn),
      disposition: 'erase_personal_data',
      scheduleVersion: review.scheduleVersion,
      reviewId: review.reviewId,
    };
    const streamOf = record.caseId ?? record.recordId;
    try {
      const outcome = await this.commands.run(
        recordsDecider,
        {
          streamId: recordsStreamId(streamOf),
          ...(record.caseId ? { caseId: record.caseId } : {}),
          commandId: uuidV5(
            `audit.records.RecordDispositionDue\n${record.recordType}/${record.recordId}/${record.closedOn}`,
            NAMESPACE_LSE,
          ),
          actor: SYSTEM_ACTOR,
          correlationId: review.correlationId,
          now: review.now,
        },
        () => ({ type: 'RecordDispositionDue' as const, recordId: record.recordId, now: review.now, due }),
      );
      return outcome.events.length > 0 && !outcome.replayed ? 'recorded' : 'already_recorded';
    } catch (err) {
      if (err instanceof UnderLegalHoldError) return 'held';
      throw err;
    }
  }
}
