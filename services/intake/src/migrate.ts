import { migrateMessaging } from '@lse/messaging';
import { migrateServiceSchema } from '@lse/service-kit';
import { createIntakeDataSource } from './read-models/data-source';

export interface MigrateIntakeOptions {
  connectionString: string;
  /** The intake schema; `intake` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies intake's migrations in its schema: its read models (TypeORM migrations) and the relay's
 * checkpoint table from libs/messaging. Idempotent and safe for several starters at once.
 * `npm run migrate` calls this.
 */
export async function migrateIntake(
  options: MigrateIntakeOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const { readModels, then } = await migrateServiceSchema({
    service: 'intake',
    connectionString: options.connectionString,
    schema: options.schema ?? 'intake',
    dataSource: createIntakeDataSource,
    then: migrateMessaging,
  });
  return { readModels, messaging: then };
}
