import type { EventStore } from '@lse/event-store';
import {
  CheckpointedProjection,
  rebuildProjection,
  type ProjectionRuntimeOptions,
  type ProjectionSpec,
  type RebuildProgress,
} from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { PARTNERS_CATEGORIES } from '../config';
import {
  AgreementRow,
  DisclosureRow,
  MeetingRow,
  OutreachRow,
  PartnerDirectoryRow,
  ProjectionCheckpointRow,
  ReferralStatusRow,
} from './entities';
import { projectEvent } from './project-event';

/** Partners' read models: directory, agreements, referral status, disclosures, outreach, meetings. */
export const PARTNERS_PROJECTION: ProjectionSpec = {
  name: 'partners_read_models',
  categories: [...PARTNERS_CATEGORIES],
  checkpointEntity: ProjectionCheckpointRow,
  tables: [PartnerDirectoryRow, AgreementRow, ReferralStatusRow, DisclosureRow, OutreachRow, MeetingRow],
  async apply(em, events) {
    for (const event of events) await projectEvent(em, event);
  },
};

export class PartnersProjector extends CheckpointedProjection {
  constructor(options: ProjectionRuntimeOptions) {
    super(PARTNERS_PROJECTION, options);
  }
}

export const rebuildPartnersReadModels = (
  dataSource: DataSource,
  store: EventStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> => rebuildProjection(PARTNERS_PROJECTION, dataSource, store, onProgress);
