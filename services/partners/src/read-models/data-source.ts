import { DataSource } from 'typeorm';
import { PARTNERS_ENTITIES } from './entities';
import { PARTNERS_MIGRATIONS } from './migrations';

export interface PartnersDataSourceOptions {
  connectionString: string;
  schema: string;
  poolMax?: number;
}

/** TypeORM for partners' read models. Schema changes only through migrations, never `synchronize`. */
export function createPartnersDataSource(options: PartnersDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.connectionString,
    schema: options.schema,
    entities: PARTNERS_ENTITIES,
    migrations: PARTNERS_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolMax ?? 10, application_name: `partners:${options.schema}` },
  });
}
