import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/**
 * The FOIA queue sorts by each request's clock: its jurisdiction (whose rule counts the days), the
 * due date it runs to, the days left while tolled, and the order key the list pages by. Due dates
 * count business days on holiday calendars that live in code, so rows received before this
 * migration get theirs with `npm run cases -- rebuild timeline`, not from SQL.
 */
export class FoiaRequestClock1770200000000 implements MigrationInterface {
  name = 'FoiaRequestClock1770200000000';

  async up(q: QueryRunner): Promise<void> {
    const table = `"${schemaOf(q)}".foia_requests`;
    await q.query(
      `ALTER TABLE ${table} ADD COLUMN jurisdiction text, ADD COLUMN due_on text,
         ADD COLUMN tolled_days_left int, ADD COLUMN queue_key text NOT NULL DEFAULT ''`,
    );
    await q.query(`CREATE INDEX foia_requests_queue ON ${table} (queue_key, request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q);
    await q.query(`DROP INDEX "${schema}".foia_requests_queue`);
    await q.query(
      `ALTER TABLE "${schema}".foia_requests DROP COLUMN jurisdiction, DROP COLUMN due_on,
         DROP COLUMN tolled_days_left, DROP COLUMN queue_key`,
    );
  }
}
