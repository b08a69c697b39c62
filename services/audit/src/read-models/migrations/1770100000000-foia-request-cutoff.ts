import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/**
 * The FOIA officers' queue shows each request's cut-off: the release's once released, else the
 * latest compilation's (none before the first). Requests compiled before this migration get theirs
 * with `npm run cases -- rebuild timeline`: the cut-offs are in the event store, not here.
 */
export class FoiaRequestCutoff1770100000000 implements MigrationInterface {
  name = 'FoiaRequestCutoff1770100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}".foia_requests ADD COLUMN cutoff text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}".foia_requests DROP COLUMN cutoff`);
  }
}
