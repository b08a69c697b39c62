import { migrateMessaging } from '@lse/messaging';
import { migrateServiceSchema } from '@lse/service-kit';
import { createCollectionsDataSource } from './read-models/data-source';

export interface MigrateCollectionsOptions {
  connectionString: string;
  /** The collections schema; `collections` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies collections's migrations in its schema: its read models (TypeORM migrations) and the relay's
 * checkpoint table from libs/messaging. Idempotent and safe for several starters at once.
 * `npm run migrate` calls this.
 */
export async function migrateCollections(
  options: MigrateCollectionsOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const { readModels, then } = await migrateServiceSchema({
    service: 'collections',
    connectionString: options.connectionString,
    schema: options.schema ?? 'collections',
    dataSource: createCollectionsDataSource,
    then: migrateMessaging,
  });
  return { readModels, messaging: then };
}
