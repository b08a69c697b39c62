import { migrateMessaging } from '@lse/messaging';
import { migrateServiceSchema } from '@lse/service-kit';
import { createAuditDataSource } from './read-models/data-source';

/**
 * Applies audit's TypeORM migrations and the relay's checkpoint table (libs/messaging) in its
 * schema. Idempotent and safe for several starters at once. `npm run migrate` calls this.
 */
export async function migrateAudit(options: {
  connectionString: string;
  schema?: string;
}): Promise<string[]> {
  const { readModels, then } = await migrateServiceSchema({
    service: 'audit',
    connectionString: options.connectionString,
    schema: options.schema ?? 'audit',
    dataSource: createAuditDataSource,
    then: migrateMessaging,
  });
  return [...readModels, ...then];
}
