import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/**
 * When each record closed, for the retention review. Rows come from the closing events of every
 * service; for events recorded before this migration, `npm run cases -- rebuild timeline` fills
 * the table (the projection of the whole store).
 */
export class RetentionRecords1770400000000 implements MigrationInterface {
  name = 'RetentionRecords1770400000000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q);
    await q.query(
      `CREATE TABLE "${schema}".retention_records (
         record_type text NOT NULL,
         record_id uuid NOT NULL,
         case_id uuid,
         closed_on text,
         closed_by text,
         superseded boolean NOT NULL DEFAULT false,
         position bigint NOT NULL,
         PRIMARY KEY (record_type, record_id)
       )`,
    );
    await q.query(`CREATE INDEX retention_records_closed ON "${schema}".retention_records (closed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}".retention_records`);
  }
}
