import { migrateMessaging } from '@lse/messaging';
import { migrateServiceSchema } from '@lse/service-kit';
import { createPartnersDataSource } from './read-models/data-source';

export interface MigratePartnersOptions {
  connectionString: string;
  /** The partners schema; `partners` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies partners's migrations in its schema: its read models (TypeORM migrations) and the relay's
 * checkpoint table from libs/messaging. Idempotent and safe for several starters at once.
 * `npm run migrate` calls this.
 */
export async function migratePartners(
  options: MigratePartnersOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const { readModels, then } = await migrateServiceSchema({
    service: 'partners',
    connectionString: options.connectionString,
    schema: options.schema ?? 'partners',
    dataSource: createPartnersDataSource,
    then: migrateMessaging,
  });
  return { readModels, messaging: then };
}
