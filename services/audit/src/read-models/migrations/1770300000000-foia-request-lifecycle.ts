import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/**
 * The FOIA queue shows each request's life after receipt: its tracking number, the fee still owed,
 * how many releases were made (installments and the final one) and an appeal's due date. Rows of
 * requests with such events before this migration get them with `npm run cases -- rebuild timeline`.
 */
export class FoiaRequestLifecycle1770300000000 implements MigrationInterface {
  name = 'FoiaRequestLifecycle1770300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "${schemaOf(q)}".foia_requests ADD COLUMN tracking_number text,
         ADD COLUMN fee_owed_cents int, ADD COLUMN releases int NOT NULL DEFAULT 0,
         ADD COLUMN appeal_due_on text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "${schemaOf(q)}".foia_requests DROP COLUMN tracking_number,
         DROP COLUMN fee_owed_cents, DROP COLUMN releases, DROP COLUMN appeal_due_on`,
    );
  }
}
