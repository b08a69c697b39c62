import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The case index holds complaints that end at intake without being opened (declined, referred
 * out, linked as a duplicate, merged): no case number, priority (if never triaged) or opening date
 * for them. The index is ordered by `listed_at`, the date an entry entered it: the opening date of
 * a case (so cursors handed out before this change still point at the same place), the date of
 * the ending for the others. Complaints that ended before this migration enter it with
 * `npm run cases -- rebuild intake`: their dates are in the event store, not here.
 */
export class CaseIndexEndedAtIntake1769500000000 implements MigrationInterface {
  name = 'CaseIndexEndedAtIntake1769500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      ALTER TABLE "${s}".case_index
        ALTER COLUMN case_number DROP NOT NULL,
        ALTER COLUMN priority DROP NOT NULL,
        ALTER COLUMN opened_at DROP NOT NULL,
        ADD COLUMN listed_at timestamptz;
      UPDATE "${s}".case_index SET listed_at = opened_at;
      ALTER TABLE "${s}".case_index ALTER COLUMN listed_at SET NOT NULL;
      DROP INDEX "${s}".case_index_order;
      DROP INDEX "${s}".case_index_status;
      CREATE INDEX case_index_order ON "${s}".case_index (listed_at, case_id);
      CREATE INDEX case_index_status ON "${s}".case_index (status, listed_at, case_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DELETE FROM "${s}".case_index WHERE case_number IS NULL;
      DROP INDEX "${s}".case_index_status;
      DROP INDEX "${s}".case_index_order;
      CREATE INDEX case_index_order ON "${s}".case_index (opened_at, case_id);
      CREATE INDEX case_index_status ON "${s}".case_index (status, opened_at, case_id);
      ALTER TABLE "${s}".case_index
        DROP COLUMN listed_at,
        ALTER COLUMN case_number SET NOT NULL,
        ALTER COLUMN priority SET NOT NULL,
        ALTER COLUMN opened_at SET NOT NULL;
    `);
  }
}
