import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The case index follows the case across services: each milestone (intake's CaseOpened,
 * investigation's assignment, determination and closure, collections' opening and closing) is a
 * row keyed by the event that marked it, so a redelivered event changes nothing, and the case's
 * status and the date it last changed are derived from them. The milestones are not truncated by
 * a rebuild: those of other services arrive only over JetStream.
 */
export class CaseStatus1769200000000 implements MigrationInterface {
  name = 'CaseStatus1769200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".case_milestones (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX case_milestones_case ON "${s}".case_milestones (case_id, at);
      ALTER TABLE "${s}".case_index ADD COLUMN status_changed_at timestamptz;
      UPDATE "${s}".case_index SET status = 'opened', status_changed_at = opened_at WHERE status = 'open';
      ALTER TABLE "${s}".case_index ALTER COLUMN status_changed_at SET NOT NULL;
      CREATE INDEX case_index_status ON "${s}".case_index (status, opened_at, case_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP INDEX "${s}".case_index_status;
      ALTER TABLE "${s}".case_index DROP COLUMN status_changed_at;
      UPDATE "${s}".case_index SET status = 'open' WHERE status <> 'closed';
      DROP TABLE "${s}".case_milestones;
    `);
  }
}
