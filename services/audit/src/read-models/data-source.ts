import { DataSource } from 'typeorm';
import { CheckpointHeadsRow } from '../integrity/checkpoint-heads.entity';
import { ProjectionCheckpointRow } from './checkpoint.entity';
import { FoiaRequestRow } from './foia-request.entity';
import { AUDIT_MIGRATIONS } from './migrations';
import { RetentionRecordRow } from './retention-record.entity';
import { TimelineRow } from './timeline.entity';

export const AUDIT_ENTITIES = [
  TimelineRow,
  FoiaRequestRow,
  CheckpointHeadsRow,
  ProjectionCheckpointRow,
  RetentionRecordRow,
];

/** TypeORM for audit's read models. Schema changes only through migrations, never `synchronize`. */
export function createAuditDataSource(options: {
  connectionString: string;
  schema: string;
  poolMax?: number;
}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.connectionString,
    schema: options.schema,
    entities: AUDIT_ENTITIES,
    migrations: AUDIT_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolMax ?? 10, application_name: `audit:${options.schema}` },
  });
}
