import { DataSource } from 'typeorm';
import { CaseIndexRow } from './case-index/case-index.entity';
import { ComplaintQueueRow } from './complaint-queue/complaint-queue.entity';
import { EmployerIndexRow } from './employer-index/employer-index.entity';
import { INTAKE_MIGRATIONS } from './migrations';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';

export const INTAKE_ENTITIES = [ComplaintQueueRow, CaseIndexRow, EmployerIndexRow, ProjectionCheckpointRow];

export interface IntakeDataSourceOptions {
  connectionString: string;
  /** The intake schema (`intake`; tests use one of their own). */
  schema: string;
  poolMax?: number;
}

/** TypeORM for intake's read models. Schema changes only through migrations, never `synchronize`. */
export function createIntakeDataSource(options: IntakeDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.connectionString,
    schema: options.schema,
    entities: INTAKE_ENTITIES,
    migrations: INTAKE_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolMax ?? 10, application_name: `intake:${options.schema}` },
  });
}
