import { recordsStreamId, type RetentionDispositionDue } from '@lse/contracts';
import {
  ErasureUnderLegalHoldError,
  recordsDecider,
  UnderLegalHoldError,
  type PastRetention,
} from '@lse/audit-domain';
import { isoDate, NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import type { StreamCommands } from '@lse/service-kit';
import type { ErasureDesk } from './erasure';

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
 * What the retention review does with a record past its period and under no hold:
 * `RecordingDisposer` records the disposition as due (the worklist); `ErasingDisposer`, the
 * service's, does that and then erases the case's personal data.
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

/**
 * The retention review's erase step (docs/architecture.md#erasing-a-person): records the
 * disposition as due (the worklist, refused under a hold), then erases the case's personal data
 * under the erase command's rules: the case's own key and each person whose every case is this
 * one, each erasure recorded (basis `retention_schedule`, the review's id) and refused while a
 * hold is in effect on any case the person appears in (checked under the cases' locks until the
 * key is destroyed, `CaseLocks`: a hold placed meanwhile is not overtaken). A FOIA request's and an access log's
 * records have no case: their dispositions stay on the worklist.
 */
export class ErasingDisposer implements Disposer {
  constructor(
    private readonly recording: Disposer,
    private readonly erasures: Pick<ErasureDesk, 'eraseCase'>,
  ) {}

  async dispose(record: PastRetention, review: ReviewContext): Promise<DisposalOutcome> {
    const outcome = await this.recording.dispose(record, review);
    if (outcome === 'held' || !record.caseId) return outcome;
    try {
      await this.erasures.eraseCase(
        record.caseId,
        {
          basis: 'retention_schedule',
          reason: `Retention schedule ${review.scheduleVersion}: ${record.recordType} due on ${isoDate(record.dueOn)}.`,
          reviewId: review.reviewId,
        },
        {
          actor: SYSTEM_ACTOR,
          correlationId: review.correlationId,
          now: new Date(review.now),
          // One command id per review and case: two replicas erasing at once record it once.
          idempotencyKey: `${review.reviewId}/${record.caseId}`,
        },
      );
    } catch (err) {
      // A hold placed on another case the person appears in, since the disposition: held.
      if (err instanceof ErasureUnderLegalHoldError) return 'held';
      throw err;
    }
    return outcome;
  }
}
