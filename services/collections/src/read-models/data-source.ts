import { DataSource } from 'typeorm';
import { COLLECTIONS_ENTITIES } from './entities';
import { COLLECTIONS_MIGRATIONS } from './migrations';

export interface CollectionsDataSourceOptions {
  connectionString: string;
  schema: string;
  poolMax?: number;
}

/** TypeORM for collections' read models. Schema changes only through migrations, never `synchronize`. */
export function createCollectionsDataSource(options: CollectionsDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.connectionString,
    schema: options.schema,
    entities: COLLECTIONS_ENTITIES,
    migrations: COLLECTIONS_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolMax ?? 10, application_name: `collections:${options.schema}` },
  });
}
