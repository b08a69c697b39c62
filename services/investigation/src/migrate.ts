import { migrateMessaging } from '@lse/messaging';
import { migrateServiceSchema } from '@lse/service-kit';
import { createInvestigationDataSource } from './read-models/data-source';

export interface MigrateInvestigationOptions {
  connectionString: string;
  /** The investigation schema; `investigation` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies investigation's migrations in its schema: its read models (TypeORM migrations) and the relay's
 * checkpoint table from libs/messaging. Idempotent and safe for several starters at once.
 * `npm run migrate` calls this.
 */
export async function migrateInvestigation(
  options: MigrateInvestigationOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const { readModels, then } = await migrateServiceSchema({
    service: 'investigation',
    connectionString: options.connectionString,
    schema: options.schema ?? 'investigation',
    dataSource: createInvestigationDataSource,
    then: migrateMessaging,
  });
  return { readModels, messaging: then };
}
