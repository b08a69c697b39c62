import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The complaint queue keeps the language the complaint came in (the first complainant's preferred
 * language, its primary subtag: "es", "zh"), so the manager dashboard counts intake by language
 * without reading complainants. A language alone names nobody; the queue still holds no identity.
 * Rows received before this migration have none until `npm run cases -- rebuild intake`.
 */
export class ComplaintLanguage1770100000000 implements MigrationInterface {
  name = 'ComplaintLanguage1770100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".complaint_queue ADD COLUMN language text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".complaint_queue DROP COLUMN language`);
  }
}
