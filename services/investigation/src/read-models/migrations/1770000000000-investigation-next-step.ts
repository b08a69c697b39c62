import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Where `npm run migrate` puts the event store (scripts/migrate.ts); the backfill reads it there. */
const DEFAULT_EVENT_STORE_SCHEMA = 'event_store';

/**
 * What to do next on each investigation, for "my work" (issue 19), from what the table keeps:
 * assign it, record hours, compute back wages (none yet, or hours recorded since the last
 * computation), propose, approve, issue, close; `none` once closed. PostgreSQL keeps it from the
 * columns the projection writes, so it can never disagree with them.
 */
export const NEXT_STEP_SQL = `CASE
  WHEN status <> 'open' THEN 'none'
  WHEN investigator_id IS NULL THEN 'assign_investigator'
  WHEN determination_status = 'issued' THEN 'close_investigation'
  WHEN determination_status = 'approved' THEN 'issue_determination'
  WHEN determination_status = 'proposed' THEN 'approve_determination'
  WHEN hours_version IS NULL THEN 'record_hours'
  WHEN computed_version IS NULL OR computed_version < hours_version THEN 'compute_back_wages'
  ELSE 'propose_determination'
END`;

/**
 * Fills the new columns of rows projected before this migration. The last computation is in the
 * findings (`back_wages`, at its stream version). The last hours are only in the events: read
 * from the event store where it is in the same database; without it, a computation stands for
 * hours recorded before it (an investigation with hours but no computation yet then shows
 * `record_hours` until `npm run cases -- rebuild investigation`).
 */
export async function backfillNextStep(
  q: QueryRunner,
  schema: string,
  eventStoreSchema?: string,
): Promise<void> {
  await q.query(`
    UPDATE "${schema}".investigations i
       SET computed_version = f.version
      FROM (SELECT case_id, max(version) AS version FROM "${schema}".findings
             WHERE kind = 'back_wages' GROUP BY case_id) f
     WHERE f.case_id = i.case_id`);
  if (eventStoreSchema) {
    await q.query(`
      UPDATE "${schema}".investigations i
         SET hours_version = (SELECT max(e.stream_version) FROM "${eventStoreSchema}".events e
                               WHERE e.stream_id = 'investigation-' || i.case_id
                                 AND e.type = 'HoursAndWagesRecorded')`);
  } else {
    await q.query(`UPDATE "${schema}".investigations SET hours_version = computed_version`);
  }
}

/** The next step of every investigation (`nextStep` in the list) and the determination filter's index. */
export class InvestigationNextStep1770000000000 implements MigrationInterface {
  name = 'InvestigationNextStep1770000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      ALTER TABLE "${s}".investigations
        ADD COLUMN hours_version int,
        ADD COLUMN computed_version int;
      CREATE INDEX investigations_determination
        ON "${s}".investigations (determination_status, priority, opened_at, case_id);
    `);
    const [{ present }] = (await q.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
      `${DEFAULT_EVENT_STORE_SCHEMA}.events`,
    ])) as Array<{ present: boolean }>;
    await backfillNextStep(q, s, present ? DEFAULT_EVENT_STORE_SCHEMA : undefined);
    // Added after the backfill so that the table is rewritten once, with the final values.
    await q.query(`
      ALTER TABLE "${s}".investigations
        ADD COLUMN next_step text NOT NULL GENERATED ALWAYS AS (${NEXT_STEP_SQL}) STORED;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP INDEX "${s}".investigations_determination;
      ALTER TABLE "${s}".investigations
        DROP COLUMN next_step,
        DROP COLUMN computed_version,
        DROP COLUMN hours_version;
    `);
  }
}
