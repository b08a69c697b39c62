import { INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import {
  CheckpointedProjection,
  rebuildProjection,
  type ProjectionRuntimeOptions,
  type ProjectionSpec,
  type RebuildProgress,
} from '@lse/service-kit';
import { In, type DataSource } from 'typeorm';
import { FindingRow } from './findings/finding-row.entity';
import { InvestigationRow } from './investigations/investigation-row.entity';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';
import { projectEvent, projectOpenedInvestigations } from './project-event';

/**
 * Investigation's read models: investigations (with workload) and findings, event by event, except
 * that a run of InvestigationOpened (cases opened together) goes in one statement.
 */
export const INVESTIGATION_PROJECTION: ProjectionSpec = {
  name: 'investigation_read_models',
  categories: [INVESTIGATION_CATEGORY],
  checkpointEntity: ProjectionCheckpointRow,
  tables: [InvestigationRow, FindingRow],
  async apply(em, events) {
    let opened: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type === 'InvestigationOpened') {
        opened.push(event);
        continue;
      }
      // What was opened before this event is in place before it applies.
      if (opened.length) await projectOpenedInvestigations(em, opened);
      opened = [];
      await projectEvent(em, event);
    }
    if (opened.length) await projectOpenedInvestigations(em, opened);
  },
};

export class InvestigationProjector extends CheckpointedProjection {
  constructor(options: ProjectionRuntimeOptions) {
    super(INVESTIGATION_PROJECTION, options);
  }

  /** Resolves once the investigations table reflects each case at least at the given stream version. */
  async waitFor(streams: Array<{ caseId: string; version: number }>, timeoutMs = 10_000): Promise<void> {
    const repo = this.options.dataSource.getRepository(InvestigationRow);
    await this.pollUntil(async () => {
      const rows = streams.length ? await repo.findBy({ caseId: In(streams.map((s) => s.caseId)) }) : [];
      const at = new Map(rows.map((r) => [r.caseId, r.version]));
      return streams.every((s) => (at.get(s.caseId) ?? 0) >= s.version);
    }, timeoutMs);
  }
}

export const rebuildInvestigationReadModels = (
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> => rebuildProjection(INVESTIGATION_PROJECTION, dataSource, store, onProgress);
