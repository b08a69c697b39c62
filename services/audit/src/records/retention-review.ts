import { randomUUID } from 'node:crypto';
import {
  RETENTION_REPORT_MAX_LISTED,
  RETENTION_STREAM_ID,
  RetentionReviewCompleted,
  type ActorRole,
  type RetentionDueItemReply,
  type RetentionDuePosition,
  type RetentionReportReply,
} from '@lse/contracts';
import {
  activeHolds,
  authorityText,
  closedOnOrBefore,
  compareDue,
  pastRetention,
  RETENTION_SCHEDULE,
  splitByHolds,
  type ClosedRecord,
  type LegalHold,
  type PastRetention,
  type RetentionSchedule,
} from '@lse/audit-domain';
import { WrongExpectedVersionError, type EventStore, type RecordedEvent } from '@lse/event-store';
import type { StreamCommands } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { RetentionRecordRow } from '../read-models/retention-record.entity';
import type { Disposer } from './disposer';
import { caseRecords } from './legal-holds';

export interface RetentionReviewOptions {
  store: EventStore;
  dataSource: DataSource;
  commands: StreamCommands;
  disposer: Disposer;
  schedule?: RetentionSchedule;
  now?: () => Date;
  /** A record whose disposition failed (the others go on); the review counts it as failed. */
  onError?(error: unknown, record: PastRetention): void;
}

/**
 * The retention review (docs/architecture.md#records-management): as of today, every record past
 * its retention period; a record of a case under a legal hold is listed as held, every other one
 * goes to the Disposer; the run ends with a report (RetentionReviewCompleted) on the retention
 * stream. Scheduled once a day by audit's runtime, and run now by POST /retention/reviews.
 */
export class RetentionReview {
  private readonly schedule: RetentionSchedule;
  private readonly now: () => Date;

  constructor(private readonly options: RetentionReviewOptions) {
    this.schedule = options.schedule ?? RETENTION_SCHEDULE;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The scheduled run: only when no review has reported as of today yet. Two replicas may both
   * start; the report is appended at the stream version read first, so only one reports (the
   * dispositions themselves are recorded once either way).
   */
  async runIfDue(): Promise<RetentionReportReply | undefined> {
    const today = this.now().toISOString().slice(0, 10);
    const latest = await this.latest();
    if (latest && latest.asOf >= today) return undefined;
    try {
      return await this.run(randomUUID(), latest?.version ?? 0);
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) return undefined; // another replica reported
      throw err;
    }
  }

  /**
   * One review now; `expectedVersion`: the retention stream's version it reports after. `actor`:
   * who asked for it (POST /retention/reviews), in the report's metadata; the schedule's own runs
   * are audit's. The dispositions are the schedule's decisions either way (audit's actor).
   */
  async run(
    correlationId: string,
    expectedVersion?: number,
    actor: { id: string; role: ActorRole; org?: string } = { id: 'service:audit', role: 'system' },
  ): Promise<RetentionReportReply> {
    const now = this.now().toISOString();
    const asOf = now.slice(0, 10);
    const reviewId = randomUUID();
    const past = pastRetention(await this.closedRecords(asOf), this.schedule, asOf);
    const holds = await this.holdsOf(past);
    const { due, held } = splitByHolds(past, (caseId) => holds.get(caseId) ?? []);
    const review = { reviewId, asOf, scheduleVersion: this.schedule.version, now, correlationId };
    const disposed: PastRetention[] = [];
    let recorded = 0;
    let failed = 0;
    for (const record of due) {
      try {
        const outcome = await this.options.disposer.dispose(record, review);
        if (outcome === 'held') {
          // A hold placed since the holds were read: listed as held, with what is there now.
          const { state } = await caseRecords(this.options.commands, record.caseId ?? record.recordId);
          held.push({ ...record, holds: activeHolds(state) });
          continue;
        }
        if (outcome === 'recorded') recorded += 1;
        disposed.push(record);
      } catch (err) {
        failed += 1;
        this.options.onError?.(err, record);
      }
    }
    held.sort(compareDue);
    const data: RetentionReviewCompleted = {
      reviewId,
      asOf: asOf as RetentionReviewCompleted['asOf'],
      scheduleVersion: this.schedule.version,
      completedAt: this.now().toISOString(),
      counts: { pastRetention: past.length, due: disposed.length, held: held.length, recorded, failed },
      due: disposed.slice(0, RETENTION_REPORT_MAX_LISTED).map(listed),
      held: held
        .slice(0, RETENTION_REPORT_MAX_LISTED)
        .map((h) => ({ ...listed(h), holdIds: h.holds.map((x) => x.placed.holdId) })),
    };
    const event = RetentionReviewCompleted.create({
      eventId: reviewId,
      data,
      metadata: {
        actor: actor.org ? actor : { id: actor.id, role: actor.role },
        correlationId,
        sourceService: 'audit',
        occurredAt: now,
      },
    });
    const { store } = this.options;
    const at = expectedVersion ?? (await store.streamVersion(RETENTION_STREAM_ID));
    const appended = await store.append(RETENTION_STREAM_ID, [event], at === 0 ? 'no_stream' : at);
    return { ...data, version: appended.nextExpectedVersion };
  }

  /** The latest report, if any review has run. */
  async latest(): Promise<RetentionReportReply | undefined> {
    const version = await this.options.store.streamVersion(RETENTION_STREAM_ID);
    if (version === 0) return undefined;
    return (await this.reports(version, 1))[0];
  }

  /** Reports newest first, from stream version `through` down (at most `limit`). */
  async reports(through: number, limit: number): Promise<RetentionReportReply[]> {
    if (through < 1) return [];
    const events = await this.options.store.readStream(RETENTION_STREAM_ID, {
      fromVersion: Math.max(1, through - limit + 1),
      toVersion: through,
    });
    return events.reverse().map(reportOf);
  }

  /** Records past retention as of today, due or held, in due order after `after` (a page of them). */
  async dueList(
    after: (Pick<RetentionDuePosition, 'recordType' | 'recordId'> & { dueOn: string }) | undefined,
    limit: number,
  ): Promise<RetentionDueItemReply[]> {
    const asOf = this.now().toISOString().slice(0, 10);
    const past = pastRetention(await this.closedRecords(asOf), this.schedule, asOf)
      .filter((r) => !after || compareDue(r, after) > 0)
      .slice(0, limit);
    const holds = await this.holdsOf(past);
    return past.map((r) => {
      const active = r.caseId ? (holds.get(r.caseId) ?? []) : [];
      return {
        recordType: r.recordType,
        recordId: r.recordId,
        ...(r.caseId ? { caseId: r.caseId } : {}),
        closedOn: r.closedOn,
        dueOn: r.dueOn,
        schedule: {
          version: this.schedule.version,
          recordType: r.entry.recordType,
          retainYears: r.entry.retainYears ?? 0,
          disposition: r.entry.disposition,
          authority: authorityText(r.entry.authority),
        },
        status: active.length > 0 ? 'held' : 'due',
        holds: active.map((h) => ({
          holdId: h.placed.holdId,
          matterId: h.placed.matterId,
          placedAt: h.placed.placedAt,
        })),
      };
    });
  }

  /**
   * Closed records that could be past retention (closed on or before the shortest period's
   * bound), from the read model. Superseded rows are left out: a later stage of the case governs.
   */
  private async closedRecords(asOf: string): Promise<ClosedRecord[]> {
    const rows = await this.options.dataSource
      .getRepository(RetentionRecordRow)
      .createQueryBuilder('r')
      .where('r.closed_on IS NOT NULL AND NOT r.superseded AND r.closed_on <= :bound', {
        bound: closedOnOrBefore(this.schedule, asOf),
      })
      .getMany();
    return rows.map((r) => ({
      recordType: r.recordType as ClosedRecord['recordType'],
      recordId: r.recordId,
      ...(r.caseId ? { caseId: r.caseId } : {}),
      closedOn: r.closedOn as string,
    }));
  }

  /** The holds in effect on each case among the records, read from the store. */
  private async holdsOf(records: readonly PastRetention[]): Promise<Map<string, LegalHold[]>> {
    const holds = new Map<string, LegalHold[]>();
    for (const caseId of new Set(records.flatMap((r) => (r.caseId ? [r.caseId] : [])))) {
      const { state } = await caseRecords(this.options.commands, caseId);
      holds.set(caseId, activeHolds(state));
    }
    return holds;
  }
}

const listed = (r: PastRetention) => ({ recordType: r.recordType, recordId: r.recordId });

function reportOf(event: RecordedEvent): RetentionReportReply {
  return { ...(event.data as RetentionReviewCompleted), version: event.streamVersion };
}
