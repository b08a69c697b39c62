/**
 * `npm run cases -- rebuild <projection>`: any service's read models rebuilt from position 0,
 * straight against the database (the service may keep running: a rebuild empties its tables in
 * one transaction, so its projector waits on the checkpoint lock and readers see the old rows
 * until the new ones commit).
 */
import type { DataSource } from 'typeorm';
import { COLLECTION_CATEGORY, COMPLAINT_CATEGORY, INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { EventStore } from '@lse/event-store';
import type { AuditCore } from '@lse/audit/src/audit-core';
import { rebuildTimeline } from '@lse/audit/src/read-models/projector';
import { createIntakeDataSource } from '@lse/intake/src/read-models/data-source';
import { rebuildIntakeReadModels } from '@lse/intake/src/read-models/projector';
import { intakeConfigSchema, policyFromConfig } from '@lse/intake/src/config';
import { createInvestigationDataSource } from '@lse/investigation/src/read-models/data-source';
import { rebuildInvestigationReadModels } from '@lse/investigation/src/read-models/projector';
import { createCollectionsDataSource } from '@lse/collections/src/read-models/data-source';
import { rebuildCollectionsReadModels } from '@lse/collections/src/read-models/projector';
import { createPartnersDataSource } from '@lse/partners/src/read-models/data-source';
import { PARTNERS_PROJECTION, rebuildPartnersReadModels } from '@lse/partners/src/read-models/projector';
import { loadConfig } from '@lse/service-kit';
import { UsageError } from './args';

type Progress = { events: number; position: number };
type OnProgress = (p: Progress) => void;

interface ServiceProjection {
  what: string;
  /** The schema's environment variable and default, as the service reads them. */
  schemaEnv: string;
  schemaDefault: string;
  categories: readonly string[];
  dataSource(connectionString: string, schema: string): DataSource;
  rebuild(ds: DataSource, store: EventStore, onProgress: OnProgress): Promise<Progress>;
}

const SERVICE_PROJECTIONS: Record<string, ServiceProjection> = {
  intake: {
    what: 'the complaint queue, case index and employer index',
    schemaEnv: 'INTAKE_SCHEMA',
    schemaDefault: 'intake',
    categories: [COMPLAINT_CATEGORY],
    dataSource: (connectionString, schema) =>
      createIntakeDataSource({ connectionString, schema, poolMax: 2 }),
    // Triage depends on the targeted industries the service is configured with.
    rebuild: (ds, store, onProgress) =>
      rebuildIntakeReadModels(
        ds,
        store,
        policyFromConfig(loadConfig(intakeConfigSchema, process.env)).targetedIndustries,
        onProgress,
      ),
  },
  investigation: {
    what: 'open investigations, workload and findings',
    schemaEnv: 'INVESTIGATION_SCHEMA',
    schemaDefault: 'investigation',
    categories: [INVESTIGATION_CATEGORY],
    dataSource: (connectionString, schema) =>
      createInvestigationDataSource({ connectionString, schema, poolMax: 2 }),
    rebuild: rebuildInvestigationReadModels,
  },
  collections: {
    what: 'collection cases, ledgers and statements',
    schemaEnv: 'COLLECTIONS_SCHEMA',
    schemaDefault: 'collections',
    categories: [COLLECTION_CATEGORY],
    dataSource: (connectionString, schema) =>
      createCollectionsDataSource({ connectionString, schema, poolMax: 2 }),
    rebuild: rebuildCollectionsReadModels,
  },
  partners: {
    what: 'partners, agreements, referrals and the disclosure ledger',
    schemaEnv: 'PARTNERS_SCHEMA',
    schemaDefault: 'partners',
    categories: PARTNERS_PROJECTION.categories,
    dataSource: (connectionString, schema) =>
      createPartnersDataSource({ connectionString, schema, poolMax: 2 }),
    rebuild: rebuildPartnersReadModels,
  },
};

export const PROJECTION_NAMES = ['timeline', ...Object.keys(SERVICE_PROJECTIONS)];

/** Rebuilds one projection; `total` (events it will read) is known before it starts, for a progress bar. */
export async function rebuildNamed(
  name: string | undefined,
  core: AuditCore,
  connectionString: string,
  onProgress: (done: number, total: number) => void,
): Promise<Progress> {
  if (name === 'timeline')
    return rebuildTimeline(
      core.dataSource,
      // The events opened (sealed personal fields), counted on the raw store's pool.
      Object.assign(Object.create(core.sealed) as typeof core.sealed, {
        pool: core.store.pool,
        schema: core.store.schema,
      }),
      (p) => onProgress(p.events, p.total),
    );
  const projection = name === undefined ? undefined : SERVICE_PROJECTIONS[name];
  if (!projection)
    throw new UsageError(`unknown projection "${name ?? ''}": give one of ${PROJECTION_NAMES.join(', ')}`);
  const { rows } = await core.store.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${core.store.schema}.events WHERE category = ANY($1::text[])`,
    [projection.categories],
  );
  const total = Number(rows[0].n);
  const ds = projection.dataSource(
    connectionString,
    process.env[projection.schemaEnv] ?? projection.schemaDefault,
  );
  await ds.initialize();
  try {
    return await projection.rebuild(ds, core.sealed, (p) => onProgress(p.events, total));
  } finally {
    await ds.destroy();
  }
}

export const describeProjection = (name: string) =>
  name === 'timeline' ? 'the case timeline and FOIA list' : SERVICE_PROJECTIONS[name].what;
