import { Inject, Injectable } from '@nestjs/common';
import { COLLECTION_CATEGORY, EmployerAdded, INVESTIGATION_CATEGORY, ViolationFound } from '@lse/contracts';
import type { RecordedEvent } from '@lse/event-store';
import { CASE_MILESTONES, milestoneOfEventType } from '@lse/intake-domain';
import type { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../../tokens';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config';
import {
  lockCaseStatus,
  recordMilestones,
  refreshCaseStatus,
} from '../../read-models/case-index/case-status';
import {
  indexInvestigationEmployer,
  recordViolation,
} from '../../read-models/employer-index/investigation-employers';
import { sqlOf } from '../../read-models/project-event';

/** What intake follows of the other services, by the category that publishes it. */
export const FOLLOWED: Array<{ category: string; types: string[] }> = [
  {
    category: INVESTIGATION_CATEGORY,
    types: [
      CASE_MILESTONES.investigator_assigned,
      CASE_MILESTONES.determination_issued,
      CASE_MILESTONES.investigation_closed,
      CASE_MILESTONES.investigation_reopened,
      // The employer index: every employer on the case, and the violations found against them.
      EmployerAdded.type,
      ViolationFound.type,
    ],
  },
  {
    category: COLLECTION_CATEGORY,
    types: [
      CASE_MILESTONES.collection_opened,
      CASE_MILESTONES.collection_closed,
      CASE_MILESTONES.collection_reopened,
    ],
  },
];

/**
 * Keeps intake's case index and employer index following the case across services, from the
 * events investigation and collections publish (a durable consumer per category). Each milestone
 * is recorded and the case's status derived from all of its milestones in the order they
 * happened (caseStatusTimeline); the employers the investigation adds, and the violations it
 * finds, go to the employer index. Nothing waits for intake's own projector: what arrives before
 * the case is indexed is kept and applied when it is, under a per-case lock both take, so neither
 * derives a status from what the other has not committed yet. Its durable consumers
 * (`intake-case-status-<category>`) start in `runtime/intake-runtime.ts`.
 */
@Injectable()
export class CaseStatusFollower {
  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Idempotent: every row is keyed by the event (or the employer) it comes from; status is derived. */
  async follow(event: RecordedEvent): Promise<void> {
    const caseId = event.metadata.caseId ?? event.streamId.slice(event.streamId.indexOf('-') + 1);
    const schema = this.config.INTAKE_SCHEMA;
    if (event.type === EmployerAdded.type)
      return this.dataSource.transaction((em) =>
        indexInvestigationEmployer(sqlOf(em), schema, caseId, event),
      );
    if (event.type === ViolationFound.type)
      return this.dataSource.transaction((em) => recordViolation(sqlOf(em), schema, caseId, event));
    const kind = milestoneOfEventType(event.type);
    if (!kind) return;
    await this.dataSource.transaction(async (em) => {
      const sql = sqlOf(em);
      await lockCaseStatus(sql, schema, [caseId]);
      await recordMilestones(sql, schema, [{ eventId: event.eventId, caseId, kind, at: event.recordedAt }]);
      await refreshCaseStatus(sql, schema, [caseId]);
    });
  }
}
