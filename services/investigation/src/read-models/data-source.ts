import { DataSource } from 'typeorm';
import { FindingRow } from './findings/finding-row.entity';
import { InvestigationRow } from './investigations/investigation-row.entity';
import { INVESTIGATION_MIGRATIONS } from './migrations';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';

export const INVESTIGATION_ENTITIES = [InvestigationRow, FindingRow, ProjectionCheckpointRow];

export interface InvestigationDataSourceOptions {
  connectionString: string;
  /** The investigation schema (`investigation`; tests use one of their own). */
  schema: string;
  poolMax?: number;
}

/** TypeORM for the investigation read models. Schema changes only through migrations, never `synchronize`. */
export function createInvestigationDataSource(options: InvestigationDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.connectionString,
    schema: options.schema,
    entities: INVESTIGATION_ENTITIES,
    migrations: INVESTIGATION_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolMax ?? 10, application_name: `investigation:${options.schema}` },
  });
}
