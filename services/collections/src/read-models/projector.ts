import { COLLECTION_CATEGORY, collectionEventOf, collectionStreamId } from '@lse/contracts';
import type { EventStore, RecordedEvent } from '@lse/event-store';
import {
  CheckpointedProjection,
  rebuildProjection,
  type ProjectionRuntimeOptions,
  type ProjectionSpec,
  type RebuildProgress,
} from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import {
  CollectionCaseRow,
  DefaultRow,
  InstallmentRow,
  ProjectionCheckpointRow,
  WorkerBalanceRow,
} from './entities';
import { projectCase } from './project-case';

const caseIdOf = (e: RecordedEvent) =>
  e.metadata.caseId ?? e.streamId.slice(`${COLLECTION_CATEGORY}-`.length);

/**
 * Collections' read models (cases, installments, worker balances, defaults). A case touched by a
 * batch is recomputed from its stream up to the batch's last version of it, once per batch.
 */
export const COLLECTIONS_PROJECTION: ProjectionSpec = {
  name: 'collections_read_models',
  categories: [COLLECTION_CATEGORY],
  checkpointEntity: ProjectionCheckpointRow,
  tables: [CollectionCaseRow, InstallmentRow, WorkerBalanceRow, DefaultRow],
  async apply(em, events, store) {
    const latest = new Map<string, number>();
    for (const e of events) latest.set(caseIdOf(e), Math.max(latest.get(caseIdOf(e)) ?? 0, e.streamVersion));
    for (const [caseId, version] of latest) {
      const recorded = await store.readStream(collectionStreamId(caseId), { toVersion: version });
      await projectCase(em, caseId, recorded.map(collectionEventOf), version);
    }
  },
};

export class CollectionsProjector extends CheckpointedProjection {
  constructor(options: ProjectionRuntimeOptions) {
    super(COLLECTIONS_PROJECTION, options);
  }
}

export const rebuildCollectionsReadModels = (
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> => rebuildProjection(COLLECTIONS_PROJECTION, dataSource, store, onProgress);
